using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Api.Infrastructure;

/// <summary>
/// Keeps cached catalog pages and API responses true: a back-office change reloads the category directory and drops
/// every cached catalog response; an order or a review drops the cached page and API answer of each product it
/// touched, and the listings only when it says they changed.
/// </summary>
public sealed class OutputCacheCatalogNotifier(CategoryDirectory categories, IOutputCacheStore cache, IDbContextFactory<AppDbContext> dbFactory)
    : ICatalogChangeNotifier
{
    public async Task CatalogChangedAsync(CancellationToken cancellationToken = default)
    {
        categories.Invalidate();
        await cache.EvictByTagAsync(CatalogOutputCachePolicy.Tag, cancellationToken);
    }

    public async Task ProductsChangedAsync(IReadOnlyCollection<int> productIds, bool listingsChanged, CancellationToken cancellationToken = default)
    {
        if (listingsChanged) await cache.EvictByTagAsync(CatalogOutputCachePolicy.ListingsTag, cancellationToken);
        if (productIds.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = productIds.Distinct().ToList();
        var slugs = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Slug).ToListAsync(cancellationToken);
        foreach (var id in ids) await cache.EvictByTagAsync(CatalogOutputCachePolicy.ProductTag(id), cancellationToken);
        foreach (var slug in slugs) await cache.EvictByTagAsync(CatalogOutputCachePolicy.ProductPageTag(slug), cancellationToken);
    }
}
