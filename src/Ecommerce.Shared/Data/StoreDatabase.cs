using Ecommerce.Shared.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Data;

public enum DatabaseProvider
{
    /// <summary>One SQLite file in the data folder: the embedded default, for one instance.</summary>
    Sqlite,
    /// <summary>PostgreSQL through Npgsql: for shops that run several instances.</summary>
    Postgres,
}

/// <summary>Which database the store uses (configuration section "Database"; the connection string is <c>ConnectionStrings:Ecommerce</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>How many times a command or transaction that failed for a transient reason (PostgreSQL) is tried again.</summary>
    public int MaxRetryCount { get; set; } = 5;
}

/// <summary>
/// The one place that knows how each provider is configured: connection string, migrations assembly, retries. What
/// the two databases do differently at run time sits behind small seams chosen by the context's provider
/// (<see cref="AppDbContext.ProductSearch"/>, the case-insensitive columns in <see cref="AppDbContext"/>), one
/// implementation per provider in <c>Data/Sqlite</c> and <c>Data/Postgres</c>.
/// </summary>
public static class StoreDatabase
{
    public const string ConnectionStringName = "Ecommerce";
    public const string SqliteFileName = "ecommerce.db";
    /// <summary>The assembly holding the PostgreSQL migrations (the SQLite ones are in this assembly).</summary>
    public const string PostgresMigrationsAssembly = "Ecommerce.Migrations.Postgres";

    /// <summary>Registers the options, the context factory for the configured provider and its seams.</summary>
    public static IServiceCollection AddStoreDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStoreOptions<DatabaseOptions>(DatabaseOptions.Section)
            .Validate(o => Enum.IsDefined(o.Provider), "Database:Provider must be Sqlite or Postgres.")
            .Validate(o => o.MaxRetryCount is >= 0 and <= 20, "Database:MaxRetryCount must be between 0 and 20.");
        services.AddPooledDbContextFactory<AppDbContext>((sp, options) =>
        {
            Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, ConnectionString(sp));
            options.AddInterceptors(sp.GetRequiredService<StampingInterceptor>());
        });
        // Identity's stores and request-scoped code take the context directly; services create their own per operation.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Points <paramref name="options"/> at the provider, with its migrations and (PostgreSQL) retries of transient failures.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseOptions database, string connectionString) =>
        database.Provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, npgsql =>
            {
                npgsql.MigrationsAssembly(PostgresMigrationsAssembly);
                if (database.MaxRetryCount > 0) npgsql.EnableRetryOnFailure(database.MaxRetryCount);
            }),
            _ => options.UseSqlite(connectionString),
        };

    /// <summary>
    /// <c>ConnectionStrings:Ecommerce</c> when set; otherwise, for SQLite, the file in the data folder. PostgreSQL has no
    /// default: the store refuses to start without a connection string.
    /// </summary>
    public static string ConnectionString(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:Ecommerce is not set (e.g. Host=db;Database=ecommerce;Username=store;Password=…).");
        var dataPath = services.GetRequiredService<DataDirectory>().Path;
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataPath, SqliteFileName) }.ToString();
    }
}
