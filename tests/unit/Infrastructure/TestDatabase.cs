using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// A real SQLite database in a temporary file with the store's migrations applied — never the EF in-memory
/// provider — for service tests. The clock is a settable fake so that timestamps are predictable.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _directory;

    public TestDatabase()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ecommerce-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "test.db") }.ToString();
        Factory = new ContextFactory(this);
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public string ConnectionString { get; }
    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    public IDbContextFactory<AppDbContext> Factory { get; }

    public AppDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(ConnectionString)
            .AddInterceptors(new TimestampInterceptor(Clock))
            .Options);

    /// <summary>A catalog service over this database with a fresh category cache.</summary>
    public CatalogService CreateCatalogService() =>
        new(Factory, new CategoryDirectory(Factory, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions())));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
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
