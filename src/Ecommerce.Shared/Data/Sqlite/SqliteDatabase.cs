using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecommerce.Shared.Data.Sqlite;

/// <summary>
/// What only SQLite understands — collations, pragmas and (in <see cref="ProductSearchIndex"/>) the FTS5
/// search index — kept in this one folder, so that a PostgreSQL provider can be added later by replacing
/// these files and the provider registration, not the services.
/// </summary>
public static class SqliteDatabase
{
    /// <summary>Compares and sorts the column without regard to ASCII case ("apple" next to "Apple").</summary>
    internal static PropertyBuilder<string> UseCaseInsensitiveCollation(this PropertyBuilder<string> property) =>
        property.UseCollation("NOCASE");

    /// <summary>Settings applied once per database at start-up: write-ahead logging for concurrent readers.</summary>
    public static async Task ConfigureDatabaseAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
