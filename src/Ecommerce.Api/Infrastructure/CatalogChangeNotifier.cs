using Ecommerce.Shared.Catalog;
using Microsoft.AspNetCore.OutputCaching;

namespace Ecommerce.Api.Infrastructure;

/// <summary>When the back office changes the catalog: the category directory reloads and cached catalog pages and API responses are dropped.</summary>
public sealed class OutputCacheCatalogNotifier(CategoryDirectory categories, IOutputCacheStore cache) : ICatalogChangeNotifier
{
    public async Task CatalogChangedAsync(CancellationToken cancellationToken = default)
    {
        categories.Invalidate();
        await cache.EvictByTagAsync(CatalogOutputCachePolicy.Tag, cancellationToken);
    }
}
