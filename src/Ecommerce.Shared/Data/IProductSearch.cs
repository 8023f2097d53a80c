namespace Ecommerce.Shared.Data;

/// <summary>
/// Full-text search over products, in each database's own engine: SQLite's FTS5 (<see cref="Sqlite.SqliteProductSearch"/>)
/// or PostgreSQL's text search (<see cref="Postgres.PostgresProductSearch"/>). Both match every term as a word prefix,
/// case- and accent-insensitively, over name, SKU, tags and description, and rank alike: an exact SKU first, then
/// relevance with the name weighted highest, then rating.
/// </summary>
public interface IProductSearch
{
    /// <summary>Ids of active products matching every term, best first, one page of them; and how many match in all.</summary>
    Task<(IReadOnlyList<int> Ids, int Total)> SearchAsync(
        AppDbContext db, IReadOnlyList<string> terms, string rawQuery, long skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// A composable query of the ids of all products (any status) matching every term, plus the product whose SKU is
    /// <paramref name="exactSku"/> (any letter case), for filters.
    /// </summary>
    IQueryable<int> MatchingIds(AppDbContext db, IReadOnlyList<string> terms, string exactSku);
}
