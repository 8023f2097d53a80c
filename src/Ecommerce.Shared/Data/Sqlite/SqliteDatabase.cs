using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Data.Sqlite;

/// <summary>
/// What only SQLite understands — pragmas, the NOCASE collation of case-insensitive columns and (in
/// <see cref="ProductSearchIndex"/>) the FTS5 search index — kept in this one folder; the PostgreSQL counterparts
/// are in <c>Data/Postgres</c>.
/// </summary>
public static class SqliteDatabase
{
    /// <summary>SQLite's collation for case-insensitive columns: compares and sorts without regard to ASCII case.</summary>
    public const string CaseInsensitiveCollation = "NOCASE";

    /// <summary>Settings applied once per database at start-up: write-ahead logging for concurrent readers.</summary>
    public static async Task ConfigureDatabaseAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
