using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// Which database the service and endpoint suites run on. SQLite unless <see cref="PostgresVariable"/> holds the
/// connection string of a PostgreSQL server (without a database), as <c>./test.sh</c> sets it for the second run:
/// then every test database is a fresh PostgreSQL database cloned from a migrated template.
/// </summary>
public static class TestProvider
{
    public const string PostgresVariable = "ECOMMERCE_TEST_POSTGRES";

    private static readonly string? Server = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..10];
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool IsPostgres => Server is not null;

    public static DatabaseProvider Provider => IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The configuration that points an app or a service collection at the database.</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Ecommerce"] = connectionString,
    };

    /// <summary>Options for a context on the database, configured as the app configures them (retries included).</summary>
    public static DbContextOptionsBuilder<AppDbContext> Options(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        StoreDatabase.Configure(options, new DatabaseOptions { Provider = Provider }, connectionString);
        return options;
    }

    /// <summary>A new, fully migrated PostgreSQL database (a copy of the run's template) and its connection string.</summary>
    public static string CreatePostgresDatabase()
    {
        var name = $"ecom_{RunId}_{Guid.NewGuid():N}"[..48];
        Admin($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"");
        return ConnectionString(name);
    }

    /// <summary>Drops a test database, closing whatever connections are still open to it.</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = pooling, MaxPoolSize = 20 }.ToString();

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string CreateTemplate()
    {
        var name = $"ecom_{RunId}_template";
        Admin($"CREATE DATABASE \"{name}\"");
        // No pooling: nobody may be connected to a template while it is copied.
        using (var db = new AppDbContext(Options(ConnectionString(name, pooling: false)).Options))
            db.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"); } catch (NpgsqlException) { }
        };
        return name;
    }
}
