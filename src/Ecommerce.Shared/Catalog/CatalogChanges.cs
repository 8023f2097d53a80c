namespace Ecommerce.Shared.Catalog;

/// <summary>
/// Told when the back office changes what shoppers see (products, categories, reviews), so that caches of the
/// catalog — the category directory and the pages and API responses served from the output cache — refresh now.
/// </summary>
public interface ICatalogChangeNotifier
{
    Task CatalogChangedAsync(CancellationToken cancellationToken = default);
}

/// <summary>Refreshes the in-process category directory; the web host adds eviction of cached responses.</summary>
public sealed class CategoryDirectoryRefresher(CategoryDirectory categories) : ICatalogChangeNotifier
{
    public Task CatalogChangedAsync(CancellationToken cancellationToken = default)
    {
        categories.Invalidate();
        return Task.CompletedTask;
    }
}
