using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecommerce.Api.Infrastructure;

/// <summary>Settings of the catalog's response cache (configuration section "Caching").</summary>
public sealed class CatalogCacheOptions
{
    public const string Section = "Caching";

    /// <summary>How long a catalog page or API listing may be served from memory; 0 turns the cache off.</summary>
    public int CatalogSeconds { get; set; } = 30;

    /// <summary>Cookies that make a response personal (sign-in, cart): requests carrying one are never cached.</summary>
    public HashSet<string> PersonalCookies { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Output caching for what every anonymous visitor sees alike: catalog pages and the public catalog API.
/// A response is cached only for a GET or HEAD without credentials or personal cookies, only when it is a
/// 200 that sets no cookie, and for at most <see cref="CatalogCacheOptions.CatalogSeconds"/>; catalog
/// changes evict it early through the <see cref="Tag"/> tag.
/// </summary>
public sealed class CatalogOutputCachePolicy(IOptionsMonitor<CatalogCacheOptions> options) : IOutputCachePolicy
{
    public const string Name = "Catalog";
    public const string Tag = "catalog";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var request = context.HttpContext.Request;
        var cacheable = settings.CatalogSeconds > 0
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey("Authorization")
            && !request.Cookies.Keys.Any(settings.PersonalCookies.Contains)
            && context.HttpContext.User.Identity?.IsAuthenticated != true;

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(1, settings.CatalogSeconds));
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByHost = true;
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

public static class CatalogOutputCacheExtensions
{
    public static IServiceCollection AddCatalogOutputCache(this IServiceCollection services)
    {
        services.AddOptions<CatalogCacheOptions>().BindConfiguration(CatalogCacheOptions.Section);
        services.AddSingleton<CatalogOutputCachePolicy>();
        services.AddOutputCache(options => options.AddPolicy(
            CatalogOutputCachePolicy.Name, policy => policy.AddPolicy<CatalogOutputCachePolicy>(), excludeDefaultPolicy: true));
        return services;
    }
}
