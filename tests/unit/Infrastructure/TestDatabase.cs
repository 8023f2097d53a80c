using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// A real database with the store's migrations applied — SQLite in a temporary file, or a fresh PostgreSQL database
/// when the run is on PostgreSQL (<see cref="TestProvider"/>); never the EF in-memory provider — for service tests.
/// The clock is a settable fake so that timestamps are predictable.
/// </summary>
/// <remarks>
/// Migrating takes a noticeable moment, so the migrations run once per test run into a template (a file, or a
/// PostgreSQL template database), and every <see cref="TestDatabase"/> starts as a copy of it.
/// </remarks>
public sealed class TestDatabase : IDisposable
{
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _directory;

    public TestDatabase()
    {
        if (TestProvider.IsPostgres)
        {
            ConnectionString = TestProvider.CreatePostgresDatabase();
        }
        else
        {
            _directory = Path.Combine(Path.GetTempPath(), "ecommerce-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            var file = Path.Combine(_directory, "test.db");
            File.Copy(Template.Value, file);
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        }
        Factory = new ContextFactory(this);
    }

    public string ConnectionString { get; }
    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    public IDbContextFactory<AppDbContext> Factory { get; }

    /// <summary>Configuration entries that point an app or a service collection at this database.</summary>
    public Dictionary<string, string?> Settings => TestProvider.Settings(ConnectionString);

    public AppDbContext CreateContext() =>
        new(TestProvider.Options(ConnectionString).AddInterceptors(new StampingInterceptor(Clock)).Options);

    /// <summary>A catalog service over this database with a fresh category cache.</summary>
    public CatalogService CreateCatalogService() =>
        new(Factory, new CategoryDirectory(Factory, new MemoryCache(new MemoryCacheOptions())));

    public void Dispose()
    {
        if (TestProvider.IsPostgres)
        {
            TestProvider.DropPostgresDatabase(ConnectionString);
            return;
        }
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        try { Directory.Delete(_directory!, recursive: true); } catch (IOException) { }
    }

    private static string CreateTemplate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ecommerce-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "template.db");
        // No pooling: the file must be closed before it is copied.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options))
            db.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        };
        return file;
    }

    private sealed class ContextFactory(TestDatabase database) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => database.CreateContext();
    }
}

/// <summary>A clock tests can set and advance.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
    public void Set(DateTimeOffset now) => _now = now;
}
