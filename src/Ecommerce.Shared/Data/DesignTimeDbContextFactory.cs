using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ecommerce.Shared.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without starting the web host, for either provider:
/// <code>
/// dotnet ef migrations add Name --project src/Ecommerce.Shared                                      # SQLite
/// dotnet ef migrations add Name --project src/Ecommerce.Migrations.Postgres --startup-project src/Ecommerce.Web -- Postgres
/// </code>
/// No database is needed to add a migration.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        // "-- Postgres" (or "-- --Database:Provider=Postgres") after the dotnet ef command asks for the PostgreSQL model.
        var postgres = args.Any(a => a.EndsWith(nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase));
        var options = new DbContextOptionsBuilder<AppDbContext>();
        StoreDatabase.Configure(options,
            new DatabaseOptions { Provider = postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite },
            postgres ? "Host=localhost;Database=design_time" : "Data Source=design-time.db");
        return new AppDbContext(options.Options);
    }
}
