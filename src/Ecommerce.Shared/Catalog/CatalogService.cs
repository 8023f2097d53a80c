using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Reviews;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Catalog;

/// <summary>Read side of the catalog: listings, search, product details and the category tree.</summary>
public sealed partial class CatalogService(IDbContextFactory<AppDbContext> dbFactory, CategoryDirectory categories)
{
    public const int MaxSearchTerms = 8;
    public const int MaxSearchLength = Limits.SearchText;
    public const int ReviewsOnProductPage = 50;
    public const int RelatedProductCount = 4;

    /// <summary>Active products filtered by category (with sub-categories) and price, sorted and paged.</summary>
    public async Task<Result<PagedResult<ProductSummary>>> ListProductsAsync(ProductListQuery query, CancellationToken cancellationToken = default)
    {
        var errors = query.Validate();
        if (errors.Count > 0) return Result<PagedResult<ProductSummary>>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var products = db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.Active);

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var directory = await categories.GetAsync(cancellationToken);
            if (directory.BySlug(query.Category.Trim()) is not { } category)
                return new PagedResult<ProductSummary>([], query.PageNumber, query.PageSize, 0);
            var ids = directory.SelfAndDescendantIds(category.Id);
            products = ids.Count == 1
                ? products.Where(p => p.CategoryId == category.Id)
                : products.Where(p => p.CategoryId != null && ids.Contains(p.CategoryId.Value));
        }

        if (query.MinPrice is { } min)
        {
            var minCents = Money.FromDecimal(min).Cents;
            products = products.Where(p => p.PriceCents >= minCents);
        }
        if (query.MaxPrice is { } max)
        {
            var maxCents = Money.FromDecimal(max).Cents;
            products = products.Where(p => p.PriceCents <= maxCents);
        }

        var total = await products.CountAsync(cancellationToken);
        var sorted = (query.Sort, query.Descending) switch
        {
            (ProductSort.Name, false) => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
            (ProductSort.Name, true) => products.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
            (ProductSort.Price, false) => products.OrderBy(p => p.PriceCents).ThenBy(p => p.Id),
            (ProductSort.Price, true) => products.OrderByDescending(p => p.PriceCents).ThenByDescending(p => p.Id),
            (ProductSort.Rating, false) => products.OrderBy(p => p.Rating).ThenBy(p => p.ReviewCount).ThenBy(p => p.Id),
            (ProductSort.Rating, true) => products.OrderByDescending(p => p.Rating).ThenByDescending(p => p.ReviewCount).ThenByDescending(p => p.Id),
            (ProductSort.CreatedAt, false) => products.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            _ => products.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
        };

        var skip = (long)(query.PageNumber - 1) * query.PageSize;
        if (skip >= total) return new PagedResult<ProductSummary>([], query.PageNumber, query.PageSize, total);

        var items = await ProductProjection.Summaries(sorted.Skip((int)skip).Take(query.PageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<ProductSummary>(items.Select(r => r.ToSummary()).ToList(), query.PageNumber, query.PageSize, total);
    }

    /// <summary>
    /// Active products with a word starting with each word of <paramref name="text"/> in their name, SKU, tags or
    /// description (case- and accent-insensitive), best matches first: an exact SKU, then relevance with name
    /// matches weighted highest, then rating.
    /// </summary>
    public async Task<Result<SearchResult>> SearchAsync(string? text, int pageNumber = 1, int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        var q = text?.Trim() ?? "";
        if (q.Length == 0) errors.Add(Error.Validation("q", "Enter something to search for."));
        else if (q.Length > MaxSearchLength) errors.Add(Error.Validation("q", $"The search text can be at most {MaxSearchLength} characters."));
        Paging.Validate(pageNumber, pageSize, errors);
        if (errors.Count > 0) return Result<SearchResult>.Failure(errors);

        var terms = SearchTerms(q);
        if (terms.Count == 0) return new SearchResult(q, new PagedResult<ProductSummary>([], pageNumber, pageSize, 0));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (ids, total) = await db.ProductSearch.SearchAsync(db, terms, q, (long)(pageNumber - 1) * pageSize, pageSize, cancellationToken);

        var items = await ProductProjection.SummariesInOrderAsync(db.Products.AsNoTracking(), ids, cancellationToken);
        return new SearchResult(q, new PagedResult<ProductSummary>(items, pageNumber, pageSize, total));
    }

    public Task<ProductDetails?> GetProductAsync(int id, CancellationToken cancellationToken = default) =>
        GetDetailsAsync(p => p.Id == id, cancellationToken);

    public Task<ProductDetails?> GetProductBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        GetDetailsAsync(p => p.Slug == slug, cancellationToken);

    /// <summary>Featured products for the home page; the newest ones when none are featured.</summary>
    public async Task<IReadOnlyList<ProductSummary>> GetFeaturedAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var active = db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.Active);
        var rows = await ProductProjection.Summaries(active.Where(p => p.IsFeatured).OrderByDescending(p => p.Rating).ThenBy(p => p.Id).Take(count))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
            rows = await ProductProjection.Summaries(active.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).Take(count)).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToSummary()).ToList();
    }

    /// <summary>The whole category tree, each node counting the active products in it and below it.</summary>
    public async Task<IReadOnlyList<CategoryNode>> GetCategoryTreeAsync(CancellationToken cancellationToken = default)
    {
        var directory = await categories.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var direct = await db.Products.AsNoTracking()
            .Where(p => p.Status == ProductStatus.Active && p.CategoryId != null)
            .GroupBy(p => p.CategoryId!.Value)
            .Select(g => new { CategoryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.CategoryId, x => x.Count, cancellationToken);

        CategoryNode Build(CategoryDirectory.Entry entry, int depth)
        {
            var children = depth < 32
                ? directory.ChildrenOf(entry.Id).Select(c => Build(c, depth + 1)).ToList()
                : [];
            var count = direct.GetValueOrDefault(entry.Id) + children.Sum(c => c.ProductCount);
            return new CategoryNode(entry.Id, entry.Name, entry.Slug, entry.Description, entry.ImageUrl, entry.ParentId, count, children) { Version = entry.Version };
        }

        return directory.Roots.Select(r => Build(r, 0)).ToList();
    }

    /// <summary>One category of the tree, with its sub-categories; null when unknown.</summary>
    public async Task<CategoryNode?> GetCategoryAsync(int id, CancellationToken cancellationToken = default)
    {
        static CategoryNode? Find(IEnumerable<CategoryNode> nodes, int id) =>
            nodes.Select(n => n.Id == id ? n : Find(n.Children, id)).FirstOrDefault(n => n is not null);
        return Find(await GetCategoryTreeAsync(cancellationToken), id);
    }

    /// <summary>The category with this slug, its path from the root, its children and its siblings; null when unknown.</summary>
    public async Task<CategoryPageInfo?> GetCategoryPageAsync(string slug, CancellationToken cancellationToken = default)
    {
        var directory = await categories.GetAsync(cancellationToken);
        if (directory.BySlug(slug) is not { } entry) return null;
        static CategoryRef Ref(CategoryDirectory.Entry e) => new(e.Id, e.Name, e.Slug);
        return new CategoryPageInfo(
            Ref(entry),
            entry.Description,
            entry.ImageUrl,
            directory.PathTo(entry.Id).Select(Ref).ToList(),
            directory.ChildrenOf(entry.Id).Select(Ref).ToList(),
            directory.ChildrenOf(entry.ParentId).Select(Ref).ToList())
        {
            SeoTitle = entry.SeoTitle,
            SeoDescription = entry.SeoDescription,
        };
    }

    /// <summary>The top-level categories, in display order, for navigation.</summary>
    public async Task<IReadOnlyList<CategoryRef>> GetTopCategoriesAsync(CancellationToken cancellationToken = default)
    {
        var directory = await categories.GetAsync(cancellationToken);
        return directory.Roots.Select(e => new CategoryRef(e.Id, e.Name, e.Slug)).ToList();
    }

    /// <summary>The words of a search: lower-case, split at spaces and punctuation, at most <see cref="MaxSearchTerms"/>.</summary>
    internal static List<string> SearchTerms(string text) =>
        SearchSeparators().Split(text.ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct()
            .Take(MaxSearchTerms)
            .ToList();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex SearchSeparators();

    private async Task<ProductDetails?> GetDetailsAsync(Expression<Func<Product, bool>> match, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await ProductProjection.Summaries(db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.Active).Where(match))
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null) return null;

        var extra = await db.Products.AsNoTracking().Where(p => p.Id == row.Id)
            .Select(p => new { p.LongDescription, p.Specifications, p.Version, p.SeoTitle, p.SeoDescription })
            .FirstAsync(cancellationToken);

        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.ProductId == row.Id).Where(ReviewService.IsVisible)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(ReviewsOnProductPage)
            .Select(r => new ReviewInfo(r.Id, r.UserId, r.AuthorName, r.Rating, r.Title, r.Comment, r.CreatedAt))
            .ToListAsync(cancellationToken);

        var related = new List<ProductSummary>();
        if (row.CategoryId is { } categoryId)
        {
            var relatedRows = await ProductProjection.Summaries(db.Products.AsNoTracking()
                    .Where(p => p.Status == ProductStatus.Active && p.CategoryId == categoryId && p.Id != row.Id)
                    .OrderByDescending(p => p.Rating).ThenBy(p => p.Id)
                    .Take(RelatedProductCount))
                .ToListAsync(cancellationToken);
            related.AddRange(relatedRows.Select(r => r.ToSummary()));
        }

        var breadcrumbs = new List<CategoryRef>();
        if (row.CategoryId is { } cid)
        {
            var directory = await categories.GetAsync(cancellationToken);
            breadcrumbs.AddRange(directory.PathTo(cid).Select(e => new CategoryRef(e.Id, e.Name, e.Slug)));
        }

        return new ProductDetails(
            row.ToSummary(),
            extra.LongDescription,
            extra.Specifications.Select(s => new NameValue(s.Name, s.Value)).ToList(),
            breadcrumbs,
            reviews,
            related)
        {
            Version = extra.Version,
            SeoTitle = extra.SeoTitle,
            SeoDescription = extra.SeoDescription,
        };
    }
}
