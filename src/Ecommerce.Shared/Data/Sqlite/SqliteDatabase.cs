using Microsoft.Data.Sqlite;
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

    /// <summary>
    /// Whether SQLite could not open the database file (SQLITE_CANTOPEN: the data folder is gone, not writable or not a
    /// folder), the one way an embedded database becomes unreachable (see <see cref="DatabaseFailures"/>).
    /// </summary>
    public static bool CannotOpen(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CANTOPEN };
}
