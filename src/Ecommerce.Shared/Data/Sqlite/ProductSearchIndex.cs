using Ecommerce.Shared.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Data.Sqlite;

/// <summary>
/// The SQLite FTS5 index of products: a <c>ProductSearch</c> virtual table holding name, SKU, tags and description,
/// kept in step with <c>Products</c> by triggers (so every write path updates it). The migrations create it from
/// these statements; <see cref="SqliteProductSearch"/> queries it.
/// </summary>
public static class ProductSearchIndex
{
    /// <summary>The DDL the migration runs: the table, its triggers and the initial fill.</summary>
    public const string CreateSql = """
        CREATE VIRTUAL TABLE "ProductSearch" USING fts5(
            "Name", "Sku", "Tags", "Description",
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
        INSERT INTO "ProductSearch"(rowid, "Name", "Sku", "Tags", "Description")
            SELECT "Id", "Name", "Sku", "Tags", "Description" FROM "Products";
        """ + TriggersSql;

    /// <summary>
    /// The triggers that keep the index in step with Products. A migration that rebuilds the Products table (SQLite
    /// rebuilds a table to alter a column) drops them with the old table and must run this again.
    /// </summary>
    public const string TriggersSql = """
        DROP TRIGGER IF EXISTS "Products_Search_Insert";
        DROP TRIGGER IF EXISTS "Products_Search_Delete";
        DROP TRIGGER IF EXISTS "Products_Search_Update";
        CREATE TRIGGER "Products_Search_Insert" AFTER INSERT ON "Products" BEGIN
            INSERT INTO "ProductSearch"(rowid, "Name", "Sku", "Tags", "Description")
            VALUES (new."Id", new."Name", new."Sku", new."Tags", new."Description");
        END;
        CREATE TRIGGER "Products_Search_Delete" AFTER DELETE ON "Products" BEGIN
            DELETE FROM "ProductSearch" WHERE rowid = old."Id";
        END;
        CREATE TRIGGER "Products_Search_Update" AFTER UPDATE OF "Name", "Sku", "Tags", "Description" ON "Products" BEGIN
            UPDATE "ProductSearch" SET "Name" = new."Name", "Sku" = new."Sku", "Tags" = new."Tags", "Description" = new."Description"
            WHERE rowid = new."Id";
        END;
        """;

    /// <summary>Empties the index and fills it again from Products.</summary>
    public const string RefillSql = """
        DELETE FROM "ProductSearch";
        INSERT INTO "ProductSearch"(rowid, "Name", "Sku", "Tags", "Description")
            SELECT "Id", "Name", "Sku", "Tags", "Description" FROM "Products";
        """;

    public const string DropSql = """
        DROP TRIGGER IF EXISTS "Products_Search_Update";
        DROP TRIGGER IF EXISTS "Products_Search_Delete";
        DROP TRIGGER IF EXISTS "Products_Search_Insert";
        DROP TABLE IF EXISTS "ProductSearch";
        """;

    /// <summary>Each term as a quoted prefix query (<c>"head"*</c>), all of them required.</summary>
    internal static string MatchExpression(IEnumerable<string> terms) =>
        string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\"*"));
}

/// <summary>
/// Product search on SQLite: FTS5 with the unicode61 tokenizer (diacritics removed) and word-prefix queries, ranked by
/// BM25 with the name weighted highest.
/// </summary>
public sealed class SqliteProductSearch : IProductSearch
{
    public static readonly SqliteProductSearch Instance = new();

    /// <summary>
    /// Ids of active products whose name, SKU, tags or description contain a word starting with each term,
    /// best first: an exact SKU match, then BM25 relevance (name ×10, SKU ×6, tags ×4, description ×1),
    /// then rating. Also returns how many products match in all.
    /// </summary>
    public async Task<(IReadOnlyList<int> Ids, int Total)> SearchAsync(
        AppDbContext db, IReadOnlyList<string> terms, string rawQuery, long skip, int take, CancellationToken cancellationToken)
    {
        var match = ProductSearchIndex.MatchExpression(terms);
        var active = nameof(ProductStatus.Active);

        var total = await db.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS "Value"
            FROM "ProductSearch" JOIN "Products" AS p ON p."Id" = "ProductSearch".rowid
            WHERE "ProductSearch" MATCH {match} AND p."Status" = {active}
            """).SingleAsync(cancellationToken);
        if (total == 0 || skip >= total) return ([], total);

        var ids = await db.Database.SqlQuery<int>($"""
            SELECT p."Id" AS "Value"
            FROM "ProductSearch" JOIN "Products" AS p ON p."Id" = "ProductSearch".rowid
            WHERE "ProductSearch" MATCH {match} AND p."Status" = {active}
            ORDER BY (p."Sku" = {rawQuery} COLLATE NOCASE) DESC,
                     bm25("ProductSearch", 10.0, 6.0, 4.0, 1.0),
                     p."Rating" DESC, p."Id"
            LIMIT {take} OFFSET {skip}
            """).ToListAsync(cancellationToken);
        return (ids, total);
    }

    /// <summary>
    /// A composable query of the ids of all products (any status) matching every term, and the product whose SKU is
    /// <paramref name="exactSku"/> (any letter case), for filters. One id list keeps the filter a single
    /// <c>Id IN (…)</c>: an <c>OR</c> with the SKU test would make SQLite test every product against both.
    /// </summary>
    public IQueryable<int> MatchingIds(AppDbContext db, IReadOnlyList<string> terms, string exactSku)
    {
        var match = ProductSearchIndex.MatchExpression(terms);
        return db.Database.SqlQuery<int>($"""
            SELECT rowid AS "Value" FROM "ProductSearch" WHERE "ProductSearch" MATCH {match}
            UNION ALL
            SELECT "Id" AS "Value" FROM "Products" WHERE "Sku" = {exactSku}
            """);
    }
}
