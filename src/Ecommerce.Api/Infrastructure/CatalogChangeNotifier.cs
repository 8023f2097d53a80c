using System.Text.Json;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Instances;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ecommerce.Api.Infrastructure;

/// <summary>
/// Keeps cached catalog pages and API responses true on every instance: the change is evicted here at once and
/// announced to the other instances (<see cref="IInstanceBroadcast"/>), whose <see cref="CatalogMessageHandler"/>
/// evicts the same. A back-office change drops every cached catalog response; an order or a review drops the cached
/// page and API answer of each product it touched, and the listings only when it says they changed.
/// </summary>
public sealed class OutputCacheCatalogNotifier(
    CatalogCacheEviction eviction, IInstanceBroadcast broadcast, ILogger<OutputCacheCatalogNotifier> logger) : ICatalogChangeNotifier
{
    public async Task CatalogChangedAsync(CancellationToken cancellationToken = default)
    {
        await eviction.EvictAllAsync(cancellationToken);
        await AnnounceAsync(new CatalogChange(All: true, [], false), cancellationToken);
    }

    public async Task ProductsChangedAsync(IReadOnlyCollection<int> productIds, bool listingsChanged, CancellationToken cancellationToken = default)
    {
        await eviction.EvictProductsAsync(productIds, listingsChanged, cancellationToken);
        await AnnounceAsync(new CatalogChange(All: false, productIds.Distinct().ToList(), listingsChanged), cancellationToken);
    }

    private async Task AnnounceAsync(CatalogChange change, CancellationToken cancellationToken)
    {
        try
        {
            await broadcast.PublishAsync(CatalogMessageHandler.TopicName, JsonSerializer.Serialize(change), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The change stands; other instances' cached copies then live to their normal expiry (Caching:CatalogSeconds).
            logger.LogWarning(exception, "Could not tell the other instances about a catalog change");
        }
    }
}

/// <summary>A catalog change as instances tell each other: everything, or some products (and perhaps the listings).</summary>
public sealed record CatalogChange(bool All, IReadOnlyList<int> ProductIds, bool ListingsChanged);

/// <summary>Another instance changed the catalog: evict the same here.</summary>
public sealed class CatalogMessageHandler(CatalogCacheEviction eviction) : IInstanceMessageHandler
{
    public const string TopicName = "catalog";

    public string Topic => TopicName;

    public Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var change = JsonSerializer.Deserialize<CatalogChange>(payload);
        if (change is null || change.All) return eviction.EvictAllAsync(cancellationToken);
        return eviction.EvictProductsAsync(change.ProductIds, change.ListingsChanged, cancellationToken);
    }

    public Task ResyncAsync(CancellationToken cancellationToken) => eviction.EvictAllAsync(cancellationToken);
}

/// <summary>What a catalog change drops from this instance's memory: the category directory and cached responses.</summary>
public sealed class CatalogCacheEviction(CategoryDirectory categories, IOutputCacheStore cache, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task EvictAllAsync(CancellationToken cancellationToken)
    {
        categories.Invalidate();
        await cache.EvictByTagAsync(CatalogOutputCachePolicy.Tag, cancellationToken);
    }

    public async Task EvictProductsAsync(IReadOnlyCollection<int> productIds, bool listingsChanged, CancellationToken cancellationToken)
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
