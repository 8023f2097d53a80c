namespace Ecommerce.Shared.Catalog;

/// <summary>
/// Told when what shoppers see of the catalog changes, so that caches of it — the category directory and the pages
/// and API responses served from the output cache — refresh now rather than when they expire.
/// </summary>
public interface ICatalogChangeNotifier
{
    /// <summary>The back office changed the catalog (products, categories, reviews): anything may differ.</summary>
    Task CatalogChangedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Orders and reviews changed these products' stock or rating: their own pages and API answers refresh; listings
    /// refresh only when <paramref name="listingsChanged"/> (a product sold out or came back, a rating or review
    /// count moved), so a busy shop does not empty the whole cache with every order.
    /// </summary>
    Task ProductsChangedAsync(IReadOnlyCollection<int> productIds, bool listingsChanged, CancellationToken cancellationToken = default);
}

/// <summary>Refreshes the in-process category directory; the web host adds eviction of cached responses.</summary>
public sealed class CategoryDirectoryRefresher(CategoryDirectory categories) : ICatalogChangeNotifier
{
    public Task CatalogChangedAsync(CancellationToken cancellationToken = default)
    {
        categories.Invalidate();
        return Task.CompletedTask;
    }

    public Task ProductsChangedAsync(IReadOnlyCollection<int> productIds, bool listingsChanged, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
