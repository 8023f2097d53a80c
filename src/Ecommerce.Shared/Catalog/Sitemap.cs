using System.ComponentModel.DataAnnotations;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Catalog;

/// <summary>Configuration section <c>Seo</c>.</summary>
public sealed class SeoOptions
{
    public const string Section = "Seo";

    /// <summary>URLs per sitemap file; the sitemaps protocol allows at most 50,000.</summary>
    [Range(1, 50_000)]
    public int SitemapPageSize { get; set; } = 50_000;
}

/// <summary>One URL of a sitemap, relative to the store's public address, with when its content last changed.</summary>
public sealed record SitemapEntry(string Path, DateTime LastModified);

/// <summary>
/// What search engines should index: the home page, every category page and every active product page (drafts and
/// archived products are not public). Products are listed in pages of <see cref="SeoOptions.SitemapPageSize"/>, as
/// the sitemaps protocol limits a file to 50,000 URLs; a sitemap index names the pages.
/// </summary>
public sealed class SitemapService(IDbContextFactory<AppDbContext> dbFactory, IOptions<SeoOptions> options)
{
    public int PageSize => options.Value.SitemapPageSize;

    /// <summary>How many product sitemap pages there are (at least one, so the index never names an empty set).</summary>
    public async Task<int> ProductPageCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var count = await db.Products.CountAsync(p => p.Status == ProductStatus.Active, cancellationToken);
        return Math.Max(1, (int)Math.Ceiling(count / (double)PageSize));
    }

    /// <summary>The latest change among the catalog's pages (for the index's lastmod); null for an empty catalog.</summary>
    public async Task<DateTime?> LastCatalogChangeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.Where(p => p.Status == ProductStatus.Active).MaxAsync(p => (DateTime?)p.UpdatedAt, cancellationToken);
        var category = await db.Categories.MaxAsync(c => (DateTime?)c.UpdatedAt, cancellationToken);
        return product > category || category is null ? product : category;
    }

    /// <summary>The home page and every category page.</summary>
    public async Task<IReadOnlyList<SitemapEntry>> PagesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Slug, c.UpdatedAt }).ToListAsync(cancellationToken);
        var newest = await LastCatalogChangeAsync(cancellationToken) ?? DateTime.UnixEpoch;
        return [new SitemapEntry("/", newest), .. categories.Select(c => new SitemapEntry("/c/" + c.Slug, c.UpdatedAt))];
    }

    /// <summary>Page <paramref name="page"/> (from 1) of the active products; null past the last page.</summary>
    public async Task<IReadOnlyList<SitemapEntry>?> ProductsAsync(int page, CancellationToken cancellationToken = default)
    {
        if (page < 1 || page > await ProductPageCountAsync(cancellationToken)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var products = await db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.Active).OrderBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new { p.Slug, p.UpdatedAt }).ToListAsync(cancellationToken);
        return products.Select(p => new SitemapEntry("/products/" + p.Slug, p.UpdatedAt)).ToList();
    }
}
