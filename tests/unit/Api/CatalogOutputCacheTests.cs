using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// The output cache for catalog GETs (Caching:CatalogSeconds), the same for every visitor. Each test renames a product in the
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
    [InlineData("store.cart=6f1c2a52-3c1e-4c55-8d6e-0b9b2f0f6a11")]
    [InlineData("store.auth=CfDJ8-not-a-real-ticket")]
    [InlineData("theme=dark; store.cart=6f1c2a52-3c1e-4c55-8d6e-0b9b2f0f6a11; store.flash=s%3AHello")]
    public async Task Cookies_do_not_bypass_the_cache_the_answers_are_the_same_for_everyone(string cookie)
    {
        using var app = CachingApp();
        var client = app.CreateRawClient();
        var (id, _) = await AddProductAsync(app);
        var url = $"/api/v1/products/{id}";

        Assert.Contains("Original Name Lamp", await GetAsync(client, url));
        await RenameAsync(app, id, "Renamed Lamp");
        Assert.Contains("Original Name Lamp", await GetAsync(client, url, r => r.Headers.Add("Cookie", cookie)));
    }

    [Fact]
    public async Task A_request_with_credentials_gets_a_fresh_response_and_does_not_fill_the_cache()
    {
        using var app = CachingApp();
        var client = app.CreateRawClient();
        var (id, _) = await AddProductAsync(app);
        var url = $"/api/v1/products/{id}";

        Assert.Contains("Original Name Lamp", await GetAsync(client, url, r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer some-access-token")));
        await RenameAsync(app, id, "Renamed Lamp");
        Assert.Contains("Renamed Lamp", await GetAsync(client, url)); // the first answer was not stored
        await RenameAsync(app, id, "Third Name Lamp");
        Assert.Contains("Third Name Lamp", await GetAsync(client, url, r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer some-access-token")));
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
    public async Task Catalog_pages_are_cached()
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
        // A cart cookie changes nothing on a catalog page (decision 9); an Authorization header gets a fresh render.
        Assert.Contains("Original Name Lamp", await GetAsync(client, url, r => r.Headers.Add("Cookie", "store.cart=6f1c2a52-3c1e-4c55-8d6e-0b9b2f0f6a11")));
        Assert.Contains("Renamed Lamp", await GetAsync(client, url, r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer x")));
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

    // ---- precise eviction: orders, cancellations and reviews ----

    /// <summary>A store with the cache on and fast password hashing, for tests that place orders and write reviews.</summary>
    private static StoreApp ShoppingCachingApp() => ShopperApp.Create(new Dictionary<string, string?> { ["Caching:CatalogSeconds"] = "300" });

    private static async Task<JsonElement> ApiProductAsync(HttpClient client, int id) =>
        (await client.GetApiAsync($"/api/v1/products/{id}")).Data();

    private static async Task<JsonElement> ListedAsync(HttpClient client, int id) =>
        (await client.GetApiAsync("/api/v1/products?pageSize=100")).Data().GetProperty("items").EnumerateArray().Single(p => p.Id() == id);

    private static Task<string> SlugOfAsync(StoreApp app, int id) => app.WithDbAsync(db => db.Products.Where(p => p.Id == id).Select(p => p.Slug).SingleAsync());

    [Fact]
    public async Task After_an_order_the_products_api_answer_and_page_show_the_new_stock_at_once()
    {
        using var app = ShoppingCachingApp();
        var anonymous = app.CreateRawClient();
        var id = await app.AddProductAsync(12m, stock: 5, name: "Cached Lamp");
        var page = $"/products/{await SlugOfAsync(app, id)}";
        Assert.Equal(5, (await ApiProductAsync(anonymous, id)).Int("stock"));
        Assert.Contains("Only 5 left", await GetAsync(anonymous, page));
        await app.SetStockAsync(id, 5); // behind the app's back: the cached answers stay as they were…
        Assert.NotNull((await anonymous.GetAsync($"/api/v1/products/{id}")).Headers.Age);

        using var customer = await app.RegisterCustomerAsync();
        await customer.OrderAsync(id);

        // …but an order drops them at once.
        Assert.Equal(4, (await ApiProductAsync(anonymous, id)).Int("stock"));
        Assert.Contains("Only 4 left", await GetAsync(anonymous, page));

        // So does a cancellation, which puts the stock back.
        var order = (await customer.Client.GetApiAsync("/api/v1/orders")).Data().GetProperty("items")[0];
        (await customer.Client.PostApiAsync($"/api/v1/orders/{order.Id()}/cancel", new { })).Expect(HttpStatusCode.OK);
        Assert.Equal(5, (await ApiProductAsync(anonymous, id)).Int("stock"));
        Assert.Contains("Only 5 left", await GetAsync(anonymous, page));
    }

    [Fact]
    public async Task An_order_that_leaves_the_product_in_stock_keeps_the_cached_listings_and_one_that_sells_it_out_drops_them()
    {
        using var app = ShoppingCachingApp();
        var anonymous = app.CreateRawClient();
        var id = await app.AddProductAsync(12m, stock: 3, name: "Listed Lamp");
        var otherId = await app.AddProductAsync(30m, stock: 9, name: "Other Lamp");
        Assert.Equal((3, true), ((await ListedAsync(anonymous, id)).Int("stock"), (await ListedAsync(anonymous, id)).GetProperty("inStock").GetBoolean()));
        var searchBefore = await GetAsync(anonymous, "/search?q=lamp");

        using var customer = await app.RegisterCustomerAsync();
        await customer.OrderAsync(id); // 2 left: still available

        Assert.Equal(3, (await ListedAsync(anonymous, id)).Int("stock")); // the listing may lag on counts…
        Assert.Equal(searchBefore, await GetAsync(anonymous, "/search?q=lamp"));
        Assert.Equal(2, (await ApiProductAsync(anonymous, id)).Int("stock")); // …the product's own answer does not
        Assert.Equal(9, (await ApiProductAsync(anonymous, otherId)).Int("stock"));

        await customer.AddToCartAsync(id, 2);
        await customer.PlaceOrderAsync(); // sold out: every listing learns it at once

        var listed = await ListedAsync(anonymous, id);
        Assert.Equal((0, false), (listed.Int("stock"), listed.GetProperty("inStock").GetBoolean()));
        Assert.NotEqual(searchBefore, await GetAsync(anonymous, "/search?q=lamp"));
    }

    [Fact]
    public async Task A_new_review_shows_its_rating_at_once_in_the_product_answer_and_the_listings()
    {
        using var app = ShoppingCachingApp();
        var anonymous = app.CreateRawClient();
        var id = await app.AddProductAsync(12m, stock: 8, name: "Reviewed Lamp");
        var page = $"/products/{await SlugOfAsync(app, id)}";
        Assert.Equal(0, (await ApiProductAsync(anonymous, id)).Int("reviewCount"));
        Assert.Equal(0, (await ListedAsync(anonymous, id)).Int("reviewCount"));
        Assert.DoesNotContain("Bright and steady", await GetAsync(anonymous, page));

        using var customer = await app.RegisterCustomerAsync();
        await customer.PaidOrderAsync(app, id);
        (await customer.Client.PostApiAsync($"/api/v1/products/{id}/reviews", new { rating = 4, title = "Bright and steady" })).Expect(HttpStatusCode.Created);

        var product = await ApiProductAsync(anonymous, id);
        Assert.Equal((1, 4.0), (product.Int("reviewCount"), product.GetProperty("rating").GetDouble()));
        Assert.Equal(1, (await ListedAsync(anonymous, id)).Int("reviewCount"));
        Assert.Contains("Bright and steady", await GetAsync(anonymous, page));
    }

    /// <summary>A GET as blazor.web.js sends it for an enhanced navigation, or as a browser's plain page load.</summary>
    private static async Task<HttpResponseMessage> NavigateAsync(HttpClient client, string url, bool enhanced)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", enhanced ? "text/html; blazor-enhanced-nav=on" : "text/html,application/xhtml+xml,*/*;q=0.8");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // blazor.web.js patches a page in only when this header is exactly "allow"; anything else means a second, full load.
        Assert.Equal("allow", Assert.Single(response.Headers.GetValues("blazor-enhanced-nav")));
        return response;
    }

    [Theory]
    [InlineData("/products/original-name-lamp")]
    [InlineData("/c/lighting")]
    [InlineData("/")]
    public async Task An_enhanced_navigation_after_a_plain_request_gets_an_answer_framed_for_it_and_both_stay_cached(string url)
    {
        using var app = CachingApp();
        var client = app.CreateRawClient();
        await AddProductAsync(app);

        using (var plain = await NavigateAsync(client, url, enhanced: false)) Assert.False(plain.Headers.Contains("ssr-framing"));
        using (var cachedPlain = await NavigateAsync(client, url, enhanced: false))
        {
            Assert.NotNull(cachedPlain.Headers.Age);
            Assert.False(cachedPlain.Headers.Contains("ssr-framing"));
        }

        string framing;
        using (var enhanced = await NavigateAsync(client, url, enhanced: true)) // not the plain answer from the cache…
        {
            Assert.Null(enhanced.Headers.Age);
            framing = Assert.Single(enhanced.Headers.GetValues("ssr-framing"));
            Assert.True(Guid.TryParse(framing, out _));
        }
        using (var cachedEnhanced = await NavigateAsync(client, url, enhanced: true)) // …but one of its own, cached in turn
        {
            Assert.NotNull(cachedEnhanced.Headers.Age);
            Assert.Equal(framing, Assert.Single(cachedEnhanced.Headers.GetValues("ssr-framing")));
        }
        using var plainAgain = await NavigateAsync(client, url, enhanced: false);
        Assert.NotNull(plainAgain.Headers.Age);
        Assert.False(plainAgain.Headers.Contains("ssr-framing"));
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
