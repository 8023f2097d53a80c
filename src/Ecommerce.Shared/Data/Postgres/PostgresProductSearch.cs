using Ecommerce.Shared.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Data.Postgres;

/// <summary>
/// The PostgreSQL text-search index of products: a stored, generated <c>tsvector</c> column on <c>Products</c> (so
/// every write path keeps it in step, as SQLite's triggers do) with a GIN index, built with the <c>store_search</c>
/// configuration — PostgreSQL's <c>simple</c> parser and dictionary with <c>unaccent</c>, so matching is case- and
/// accent-insensitive and no word is stemmed, like SQLite's unicode61 tokenizer. Name, SKU, tags and description carry
/// the weights A, B, C and D.
/// </summary>
/// <remarks>
/// The text goes through <c>store_search_text</c> first, which turns ASCII punctuation into spaces: unicode61 splits
/// words at every character that is not a letter or digit, while PostgreSQL's parser would keep "-42" (in "ZX-42") as
/// a signed number, "1.5" as a decimal and "shop.example" as a host name — words a search for "42", "5" or "shop"
/// would not find. After it, both index the same words, as the search terms are split
/// (<c>CatalogService.SearchTerms</c>).
/// </remarks>
public static class ProductSearchColumn
{
    /// <summary>The DDL the first PostgreSQL migration runs (after the tables exist).</summary>
    public const string CreateSql = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'store_search') THEN
                CREATE TEXT SEARCH CONFIGURATION store_search (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION store_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
            END IF;
        END $$;
        -- Words split at punctuation, as SQLite's unicode61 tokenizer splits them (see the remarks in the code).
        CREATE OR REPLACE FUNCTION store_search_text(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT translate(coalesce(value, ''), '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', repeat(' ', 32)) $$;
        -- array_to_string is only STABLE in general; for text[] it cannot change, which a generated column needs.
        CREATE OR REPLACE FUNCTION store_search_tags(tags text[]) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_to_string(tags, ' '), '') $$;
        ALTER TABLE "Products" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('store_search', store_search_text("Name"::text)), 'A') ||
            setweight(to_tsvector('store_search', store_search_text("Sku"::text)), 'B') ||
            setweight(to_tsvector('store_search', store_search_text(store_search_tags("Tags"))), 'C') ||
            setweight(to_tsvector('store_search', store_search_text("Description")), 'D')) STORED;
        CREATE INDEX "IX_Products_SearchVector" ON "Products" USING GIN ("SearchVector");
        """;

    public const string DropSql = """
        DROP INDEX IF EXISTS "IX_Products_SearchVector";
        ALTER TABLE "Products" DROP COLUMN IF EXISTS "SearchVector";
        DROP FUNCTION IF EXISTS store_search_tags(text[]);
        DROP FUNCTION IF EXISTS store_search_text(text);
        DROP TEXT SEARCH CONFIGURATION IF EXISTS store_search;
        """;

    /// <summary>Each term as a prefix lexeme (<c>'head':*</c>), all of them required.</summary>
    internal static string Query(IEnumerable<string> terms) =>
        string.Join(" & ", terms.Select(t => "'" + t.Replace("\\", "\\\\").Replace("'", "''") + "':*"));
}

/// <summary>
/// Product search on PostgreSQL: prefix queries over the generated <c>SearchVector</c>, ranked by <c>ts_rank</c> with
/// the weights SQLite's BM25 uses (name 1.0, SKU 0.6, tags 0.4, description 0.1).
/// </summary>
public sealed class PostgresProductSearch : IProductSearch
{
    public static readonly PostgresProductSearch Instance = new();

    public async Task<(IReadOnlyList<int> Ids, int Total)> SearchAsync(
        AppDbContext db, IReadOnlyList<string> terms, string rawQuery, long skip, int take, CancellationToken cancellationToken)
    {
        var query = ProductSearchColumn.Query(terms);
        var active = nameof(ProductStatus.Active);

        var total = await db.Database.SqlQuery<int>($"""
            SELECT COUNT(*)::int AS "Value" FROM "Products" AS p
            WHERE p."SearchVector" @@ to_tsquery('store_search', {query}) AND p."Status" = {active}
            """).SingleAsync(cancellationToken);
        if (total == 0 || skip >= total) return ([], total);

        var ids = await db.Database.SqlQuery<int>($$"""
            SELECT p."Id" AS "Value" FROM "Products" AS p
            WHERE p."SearchVector" @@ to_tsquery('store_search', {{query}}) AND p."Status" = {{active}}
            ORDER BY (p."Sku" = {{rawQuery}}::citext) DESC,
                     ts_rank('{0.1, 0.4, 0.6, 1.0}', p."SearchVector", to_tsquery('store_search', {{query}})) DESC,
                     p."Rating" DESC, p."Id"
            LIMIT {{take}} OFFSET {{skip}}
            """).ToListAsync(cancellationToken);
        return (ids, total);
    }

    public IQueryable<int> MatchingIds(AppDbContext db, IReadOnlyList<string> terms, string exactSku)
    {
        var query = ProductSearchColumn.Query(terms);
        return db.Database.SqlQuery<int>($"""
            SELECT "Id" AS "Value" FROM "Products" WHERE "SearchVector" @@ to_tsquery('store_search', {query})
            UNION ALL
            SELECT "Id" AS "Value" FROM "Products" WHERE "Sku" = {exactSku}::citext
            """);
    }
}
