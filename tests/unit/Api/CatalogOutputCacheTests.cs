using System.Net;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// The output cache for anonymous catalog GETs (Caching:CatalogSeconds). Each test renames a product in the
/// database behind the app's back: a cached response still shows the old name, a fresh one the new name.
/// </summary>
public class CatalogOutputCacheTests
{
    private const string MarkerHeader = "X-Test-Set-Cookie";

    private static StoreApp CachingApp(int seconds = 60) => new(
        new Dictionary<string, string?> { ["Seed:DemoCatalog"] = "false", ["Caching:CatalogSeconds"] = seconds.ToString() },
        services => services.AddTransient<IStartupFilter, SetCookieWhenAsked>());

    private static async Task<(int Id, string Slug)> AddProductAsync(StoreApp app)
    {
        return await app.WithDbAsync(async db =>
        {
            var category = await db.AddCategoryAsync("Lighting");
            var product = await db.AddProductAsync("Original Name Lamp", 40m, category);
            return (product.Id, product.Slug);
        });
    }

    private static Task RenameAsync(StoreApp app, int id, string name) =>
        app.WithDbAsync(db => db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, name)));

    private static async Task<string> GetAsync(HttpClient client, string url, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_second_api_get_is_served_from_the_cache()
    {
        using var app = CachingApp();
        var client = app.CreateRawClient();
        var (id, _) = await AddProductAsync(app);
        var url = $"/api/v1/products/{id}";

        Assert.Contains("Original Name Lamp", await GetAsync(client, url));
        await RenameAsync(app, id, "Renamed Lamp");

        using var cached = await client.GetAsync(url);
        var body = await cached.Content.ReadAsStringAsync();
        Assert.Contains("Original Name Lamp", body);
        Assert.NotNull(cached.Headers.Age);

        // Another query string is another cache entry.
        Assert.Contains("Renamed Lamp", await GetAsync(client, url + "?v=2"));
        // A cookie that is not personal does not bypass the cache.
        Assert.Contains("Original Name Lamp", await GetAsync(client, url, r => r.Headers.Add("Cookie", "theme=dark")));
    }

    [Theory]
    [InlineData("Cookie", "store.cart=6f1c2a52-3c1e-4c55-8d6e-0b9b2f0f6a11")]
    [InlineData("Cookie", "store.auth=CfDJ8-not-a-real-ticket")]
    [InlineData("Cookie", "theme=dark; store.cart=6f1c2a52-3c1e-4c55-8d6e-0b9b2f0f6a11")]
    [InlineData("Authorization", "Bearer some-access-token")]
    public async Task Requests_with_personal_cookies_or_credentials_get_a_fresh_response(string header, string value)
    {
        using var app = CachingApp();
        var client = app.CreateRawClient();
        var (id, _) = await AddProductAsync(app);
        var url = $"/api/v1/products/{id}";

        Assert.Contains("Original Name Lamp", await GetAsync(client, url));
        await RenameAsync(app, id, "Renamed Lamp");

        Assert.Contains("Renamed Lamp", await GetAsync(client, url, r => r.Headers.TryAddWithoutValidation(header, value)));
        Assert.Contains("Original Name Lamp", await GetAsync(client, url));
    }

    [Fact]
    public async Task A_personal_request_does_not_fill_the_cache()
    {
        using var app = CachingApp();
        var client = app.CreateRawClient();
        var (id, _) = await AddProductAsync(app);
        var url = $"/api/v1/products/{id}";

        Assert.Contains("Original Name Lamp", await GetAsync(client, url, r => r.Headers.Add("Cookie", "store.cart=6f1c2a52-3c1e-4c55-8d6e-0b9b2f0f6a11")));
        await RenameAsync(app, id, "Renamed Lamp");
        Assert.Contains("Renamed Lamp", await GetAsync(client, url));
    }

    [Fact]
    public async Task A_response_that_sets_a_cookie_is_never_cached()
    {
        using var app = CachingApp();
        var client = app.CreateRawClient();
        var (id, _) = await AddProductAsync(app);
        var url = $"/api/v1/products/{id}";

        using (var withCookie = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { MarkerHeader, "1" } } }))
        {
            Assert.Contains(withCookie.SetCookies(), c => c.StartsWith("test.marker=", StringComparison.Ordinal));
            Assert.Contains("Original Name Lamp", await withCookie.Content.ReadAsStringAsync());
        }
        await RenameAsync(app, id, "Second Name Lamp");

        // Not served from the response that set a cookie…
        Assert.Contains("Second Name Lamp", await GetAsync(client, url));
        // …while a response without one is cached as usual.
        await RenameAsync(app, id, "Third Name Lamp");
        Assert.Contains("Second Name Lamp", await GetAsync(client, url));
    }

    [Fact]
    public async Task Listings_categories_and_search_are_cached_too()
    {
        using var app = CachingApp();
        var client = app.CreateRawClient();
        var (id, _) = await AddProductAsync(app);
        string[] urls = ["/api/v1/products", "/api/v1/products/search?q=lamp", "/api/v1/categories"];

        var before = new List<string>();
        foreach (var url in urls) before.Add(await GetAsync(client, url));
        await RenameAsync(app, id, "Renamed Lamp");
        await app.WithDbAsync(db => db.AddProductAsync("Brand New Lamp", 10m));

        for (var i = 0; i < urls.Length; i++) Assert.Equal(before[i], await GetAsync(client, urls[i]));
        Assert.Contains("Renamed Lamp", await GetAsync(client, "/api/v1/products?pageSize=50"));
    }

    [Fact]
    public async Task Error_responses_are_not_cached()
    {
        using var app = CachingApp();
        var client = app.CreateRawClient();

        using var missing = await client.GetAsync("/api/v1/products/1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var (id, _) = await AddProductAsync(app);
        Assert.Equal(1, id);
        Assert.Contains("Original Name Lamp", await GetAsync(client, "/api/v1/products/1"));
    }

    [Fact]
    public async Task Catalog_pages_are_cached_for_anonymous_visitors()
    {
        using var app = CachingApp();
        var client = app.CreateRawClient();
        var (id, slug) = await AddProductAsync(app);
        var url = $"/products/{slug}";

        using (var first = await client.GetAsync(url))
        {
            Assert.Empty(first.SetCookies());
            Assert.Contains("Original Name Lamp", await first.Content.ReadAsStringAsync());
        }
        Assert.Contains("Original Name Lamp", await GetAsync(client, "/c/lighting"));
        await RenameAsync(app, id, "Renamed Lamp");

        Assert.Contains("Original Name Lamp", await GetAsync(client, url));
        Assert.Contains("Original Name Lamp", await GetAsync(client, "/c/lighting"));
        Assert.Contains("Renamed Lamp", await GetAsync(client, url, r => r.Headers.Add("Cookie", "store.cart=6f1c2a52-3c1e-4c55-8d6e-0b9b2f0f6a11")));
        Assert.Contains("Renamed Lamp", await GetAsync(client, "/c/lighting?sort=name"));
    }

    [Fact]
    public async Task With_the_cache_off_every_response_is_fresh()
    {
        using var app = new StoreApp(new Dictionary<string, string?> { ["Seed:DemoCatalog"] = "false" });
        var client = app.CreateRawClient();
        var (id, slug) = await AddProductAsync(app);

        Assert.Contains("Original Name Lamp", await GetAsync(client, $"/api/v1/products/{id}"));
        Assert.Contains("Original Name Lamp", await GetAsync(client, $"/products/{slug}"));
        await RenameAsync(app, id, "Renamed Lamp");
        Assert.Contains("Renamed Lamp", await GetAsync(client, $"/api/v1/products/{id}"));
        Assert.Contains("Renamed Lamp", await GetAsync(client, $"/products/{slug}"));
    }

    /// <summary>Makes the app set a cookie on requests that carry <see cref="MarkerHeader"/>.</summary>
    private sealed class SetCookieWhenAsked : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.ContainsKey(MarkerHeader)) context.Response.Cookies.Append("test.marker", "1");
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
