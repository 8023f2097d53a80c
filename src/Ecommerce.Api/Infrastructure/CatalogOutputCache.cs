using System.Globalization;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Ecommerce.Api.Infrastructure;

/// <summary>Settings of the catalog's response cache (configuration section "Caching").</summary>
public sealed class CatalogCacheOptions
{
    public const string Section = "Caching";

    /// <summary>How long a catalog page or API listing may be served from memory; 0 turns the cache off.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 24 * 60 * 60)]
    public int CatalogSeconds { get; set; } = 30;
}

/// <summary>
/// Marks a response as personal while it is being made: it is then never stored in the output cache, whatever its
/// policy (e.g. a page that had to issue an antiforgery token, which belongs to one visitor).
/// </summary>
public static class PersonalResponse
{
    public static void Mark(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } cache) cache.Context.AllowCacheStorage = false;
    }
}

/// <summary>
/// Output caching for what every visitor sees alike: catalog pages and the public catalog API.
/// Catalog pages render nothing personal — the cart count, the account menu, favourite hearts and flash messages are
/// filled in by the browser from <c>GET /me/summary</c> (docs/decisions/0009-one-page-for-everyone.md) —
/// so a signed-in shopper or one with a cart gets the same cached page as an anonymous visitor, and API answers do
/// not depend on cookies at all. A response is cached only for a GET or HEAD without an <c>Authorization</c> header
/// (an API client's own view), only when it is a 200 that sets no cookie, says nothing against storing it
/// (<c>Cache-Control: no-store</c> or <c>private</c>) and was not marked personal (<see cref="PersonalResponse"/>),
/// and for at most <see cref="CatalogCacheOptions.CatalogSeconds"/>.
/// Entries are tagged so that changes evict exactly what they make untrue: every entry carries <see cref="Tag"/>
/// (back-office changes drop them all), listings carry <see cref="ListingsTag"/>, and a product's own page and API
/// answer carry <see cref="ProductTag"/> / <see cref="ProductPageTag"/> (an order or a review drops those at once).
/// Blazor answers an enhanced navigation (blazor.web.js asks with <c>Accept: text/html; blazor-enhanced-nav=on</c>)
/// differently from a plain request — with an <c>ssr-framing</c> header and its markers in the body — so the two
/// never share an entry; and a response served from the cache gets its <c>blazor-enhanced-nav: allow</c> header back
/// exactly (the cache's store returns it as "Allow", which blazor.web.js does not accept, falling back to a second,
/// full page load).
/// </summary>
public abstract class CatalogOutputCachePolicy(IOptionsMonitor<CatalogCacheOptions> options, StoreMetrics metrics) : IOutputCachePolicy
{
    /// <summary>Listings: home, category and search pages, the API's product list and search, the category tree.</summary>
    public const string Name = "Catalog";
    /// <summary>One product: its page (<c>/products/{slug}</c>) and <c>GET /api/v1/products/{id}</c>.</summary>
    public const string ProductName = "CatalogProduct";
    public const string Tag = "catalog";
    public const string ListingsTag = "catalog:listings";
    /// <summary>The response header by which Blazor tells blazor.web.js that a page may be patched in by enhanced navigation.</summary>
    public const string EnhancedNavigationHeader = "blazor-enhanced-nav";
    /// <summary>The Accept header blazor.web.js sends for an enhanced navigation (the framework matches it exactly).</summary>
    public const string EnhancedNavigationAccept = "text/html; blazor-enhanced-nav=on";

    /// <summary>Whether Blazor will answer this request as an enhanced navigation (with <c>ssr-framing</c>).</summary>
    public static bool IsEnhancedNavigation(HttpRequest request) =>
        request.Headers.Accept is { Count: 1 } accept && string.Equals(accept[0], EnhancedNavigationAccept, StringComparison.Ordinal);

    public static string ProductTag(int productId) => "catalog:product:" + productId.ToString(CultureInfo.InvariantCulture);
    public static string ProductPageTag(string slug) => "catalog:product-page:" + slug.ToLowerInvariant();

    /// <summary>The tags of this kind of entry beside <see cref="Tag"/>.</summary>
    protected abstract IEnumerable<string> TagsOf(HttpContext context);

    /// <summary>The policy's name in the cache metrics' <c>policy</c> tag.</summary>
    protected abstract string MetricName { get; }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var request = context.HttpContext.Request;
        var cacheable = settings.CatalogSeconds > 0
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey("Authorization");

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        if (!cacheable && settings.CatalogSeconds > 0) metrics.CatalogCache(StoreMetrics.CacheResults.Bypass, MetricName);
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(1, settings.CatalogSeconds));
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["enhanced-navigation"] = IsEnhancedNavigation(request) ? "on" : "off";
        context.CacheVaryByRules.VaryByHost = true;
        context.Tags.Add(Tag);
        foreach (var tag in TagsOf(context.HttpContext)) context.Tags.Add(tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        metrics.CatalogCache(StoreMetrics.CacheResults.Hit, MetricName);
        var response = context.HttpContext.Response;
        response.OnStarting(() =>
        {
            if (string.Equals(response.Headers[EnhancedNavigationHeader], "allow", StringComparison.OrdinalIgnoreCase))
                response.Headers[EnhancedNavigationHeader] = "allow";
            return Task.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    private static bool SaysDoNotStore(HttpResponse response) =>
        CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var cacheControl)
        && (cacheControl.NoStore || cacheControl.Private);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        // Called when the endpoint rendered the answer of a request the cache could have answered: a miss.
        if (context.AllowCacheLookup) metrics.CatalogCache(StoreMetrics.CacheResults.Miss, MetricName);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0 || SaysDoNotStore(response))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>The policy of listings (<see cref="CatalogOutputCachePolicy.Name"/>).</summary>
public sealed class CatalogListingCachePolicy(IOptionsMonitor<CatalogCacheOptions> options, StoreMetrics metrics) : CatalogOutputCachePolicy(options, metrics)
{
    protected override string MetricName => "listings";

    protected override IEnumerable<string> TagsOf(HttpContext context) => [ListingsTag];
}

/// <summary>The policy of one product's page and API answer (<see cref="CatalogOutputCachePolicy.ProductName"/>): tagged by the route's id or slug.</summary>
public sealed class CatalogProductCachePolicy(IOptionsMonitor<CatalogCacheOptions> options, StoreMetrics metrics) : CatalogOutputCachePolicy(options, metrics)
{
    protected override string MetricName => "product";

    protected override IEnumerable<string> TagsOf(HttpContext context)
    {
        if (context.GetRouteValue("id") is string id && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var productId))
            yield return ProductTag(productId);
        if (context.GetRouteValue("slug") is string slug) yield return ProductPageTag(slug);
    }
}

public static class CatalogOutputCacheExtensions
{
    public static IServiceCollection AddCatalogOutputCache(this IServiceCollection services)
    {
        services.AddStoreOptions<CatalogCacheOptions>(CatalogCacheOptions.Section);
        services.AddSingleton<CatalogListingCachePolicy>();
        services.AddSingleton<CatalogProductCachePolicy>();
        services.AddOutputCache(options =>
        {
            options.AddPolicy(CatalogOutputCachePolicy.Name, policy => policy.AddPolicy<CatalogListingCachePolicy>(), excludeDefaultPolicy: true);
            options.AddPolicy(CatalogOutputCachePolicy.ProductName, policy => policy.AddPolicy<CatalogProductCachePolicy>(), excludeDefaultPolicy: true);
        });
        return services;
    }
}
