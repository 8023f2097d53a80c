using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ecommerce.Tests.Unit.Data;

/// <summary>
/// Each provider has its own migrations; both must describe the one model. A change to the model without a new
/// migration for either provider fails here (the commands to add them are in the README).
/// </summary>
public class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=model-check")] // never connected to
    public void The_migrations_of_each_provider_match_the_model(DatabaseProvider provider, string connectionString)
    {
        using var db = Context(provider, connectionString);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration describes: add one (see the README's 'Database migrations').");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:", "Ecommerce.Shared")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=model-check", "Ecommerce.Migrations.Postgres")]
    public void Each_provider_reads_its_own_migrations(DatabaseProvider provider, string connectionString, string assembly)
    {
        using var db = Context(provider, connectionString);
        var migrations = db.GetService<IMigrationsAssembly>();
        Assert.Equal(assembly, migrations.Assembly.GetName().Name);
        Assert.NotEmpty(migrations.Migrations);
        Assert.Contains(migrations.Migrations.Keys, id => id.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }

    private static AppDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        StoreDatabase.Configure(options, new DatabaseOptions { Provider = provider }, connectionString);
        return new AppDbContext(options.Options);
    }
}
