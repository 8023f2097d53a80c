using Ecommerce.Shared.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>Takes a running app's database away, on the provider the suite runs on, as an outage would.</summary>
public static class DatabaseOutage
{
    /// <summary>
    /// On PostgreSQL the app's database is dropped from under it; on SQLite the data folder is replaced by a plain file,
    /// so the database can no longer be opened or created. Dispose the result to remove that file again.
    /// </summary>
    public static IDisposable TakeDatabaseAway(this StoreApp app)
    {
        var connectionString = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContext().Database.GetConnectionString()!;
        if (TestProvider.IsPostgres)
        {
            TestProvider.DropPostgresDatabase(connectionString);
        }
        else
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            Directory.Delete(app.DataPath, recursive: true);
            File.WriteAllText(app.DataPath, "not a folder");
        }
        return new Cleanup(app.DataPath);
    }

    private sealed class Cleanup(string dataPath) : IDisposable
    {
        public void Dispose()
        {
            if (File.Exists(dataPath)) File.Delete(dataPath);
        }
    }
}
