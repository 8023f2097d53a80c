namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// A test of something only SQLite has (the database file, its journal mode): skipped in the PostgreSQL run, where
/// the same behaviour is covered by a test of its own or does not exist.
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestProvider.IsPostgres) Skip = "SQLite only; this run is on PostgreSQL.";
    }
}
