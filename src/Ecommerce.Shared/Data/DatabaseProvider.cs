using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecommerce.Shared.Data;

/// <summary>
/// The one seam for what only SQLite understands (collations, pragmas), so that a PostgreSQL provider can be
/// added later by changing this file and the registration, not the services.
/// </summary>
public static class DatabaseProvider
{
    /// <summary>Compares and sorts the column without regard to ASCII case ("apple" next to "Apple").</summary>
    internal static PropertyBuilder<string> UseCaseInsensitiveCollation(this PropertyBuilder<string> property) =>
        property.UseCollation("NOCASE");

    /// <summary>Settings applied once per database at start-up: write-ahead logging for concurrent readers.</summary>
    public static async Task ConfigureDatabaseAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
