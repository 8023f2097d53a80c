using System.Globalization;
using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Hosting;
using static Ecommerce.Tests.Unit.Infrastructure.AccountForms;

namespace Ecommerce.Tests.Unit.Web;

/// <summary>
/// GET /me/summary, from which store.js fills in the personal parts of the shared catalog pages: it tells the caller
/// about themselves only, is never stored by a cache, and answers no other site.
/// </summary>
public class VisitorSummaryTests
{
    private static StoreApp Shop() => ShopperApp.Create(new Dictionary<string, string?> { ["Caching:CatalogSeconds"] = "300" });

    private static Task<int[]> AddProductsAsync(StoreApp app, int count) => app.WithDbAsync(async db =>
    {
        var ids = new List<int>();
        for (var i = 1; i <= count; i++) ids.Add((await db.AddProductAsync($"Summary Product {i}", 10m + i, stock: 50)).Id);
        return ids.ToArray();
    });

    private static async Task<HttpClient> SignedInAsync(StoreApp app, string firstName, string? email = null)
    {
        var client = app.CreateBrowserClient();
        using var registered = await RegisterAsync(client, email ?? NewEmail(), firstName);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return client;
    }

    private static async Task PostAsync(HttpClient client, string action, int productId, int quantity = 1)
    {
        using var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["productId"] = productId.ToString(CultureInfo.InvariantCulture),
            ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture),
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string Url(params int[] productIds) =>
        productIds.Length == 0 ? VisitorSummary.Path : $"{VisitorSummary.Path}?products={string.Join(',', productIds)}";

    private static List<int> Favorites(JsonElement summary) =>
        summary.GetProperty("favorites").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? int.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetInt32()).ToList();

    [Fact]
    public async Task A_signed_in_shopper_is_told_their_cart_count_name_favourites_and_waiting_message()
    {
        using var app = Shop();
        var ids = await AddProductsAsync(app, 3);
        var email = NewEmail();
        var shopper = await SignedInAsync(app, "Octavia", email);
        await PostAsync(shopper, "/cart/add", ids[0], quantity: 2);
        await PostAsync(shopper, "/cart/add", ids[1]);
        await PostAsync(shopper, "/favorites/toggle", ids[1]);

        using var response = await shopper.GetAsync(Url(ids[0], ids[1], ids[2], 999_999));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "the summary must say no-store");
        Assert.Null(response.Headers.Age);
        var summary = await response.ReadJsonAsync();
        Assert.True(summary.GetProperty("signedIn").GetBoolean());
        Assert.Equal("Octavia", summary.GetProperty("firstName").GetString());
        Assert.Equal(email, summary.GetProperty("userName").GetString());
        Assert.False(summary.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(3, summary.GetProperty("cartCount").GetInt32());
        Assert.Equal([ids[1]], Favorites(summary));
        var flash = summary.GetProperty("flash");
        Assert.Equal("success", flash.GetProperty("kind").GetString());
        Assert.Equal("Saved to your favorites.", flash.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, flash.GetProperty("linkHref").ValueKind);

        // The message is shown once.
        var again = await shopper.GetJsonAsync(Url(ids[1]));
        Assert.Equal(JsonValueKind.Null, again.GetProperty("flash").ValueKind);
        Assert.Equal([ids[1]], Favorites(again));

        // The antiforgery token it hands over signs the shopper out from the account menu of a shared page.
        var token = again.GetProperty("antiforgery");
        using var signOut = await shopper.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.GetProperty("name").GetString()!] = token.GetProperty("value").GetString()!,
            ["returnUrl"] = "/c/lighting",
        }));
        Assert.Equal("/c/lighting", RedirectPath(signOut));
        Assert.False((await shopper.GetJsonAsync(Url())).GetProperty("signedIn").GetBoolean());
    }

    [Fact]
    public async Task A_message_after_adding_to_the_cart_offers_the_cart()
    {
        using var app = Shop();
        var ids = await AddProductsAsync(app, 1);
        var visitor = app.CreateBrowserClient();
        await PostAsync(visitor, "/cart/add", ids[0]);

        var summary = await visitor.GetJsonAsync(Url(ids[0]));
        Assert.False(summary.GetProperty("signedIn").GetBoolean());
        Assert.Equal(1, summary.GetProperty("cartCount").GetInt32());
        var flash = summary.GetProperty("flash");
        Assert.Equal("Added Summary Product 1 to your cart.", flash.GetProperty("message").GetString());
        Assert.Equal("/cart", flash.GetProperty("linkHref").GetString());
        Assert.Equal("View cart", flash.GetProperty("linkText").GetString());
    }

    [Fact]
    public async Task An_anonymous_caller_learns_nothing_about_anyone()
    {
        using var app = Shop();
        var ids = await AddProductsAsync(app, 2);
        var shopper = await SignedInAsync(app, "Rosalind");
        await PostAsync(shopper, "/cart/add", ids[0]);
        await PostAsync(shopper, "/favorites/toggle", ids[0]);

        using var anonymous = app.CreateRawClient();
        using var response = await anonymous.GetAsync(Url(ids));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Empty(response.SetCookies());
        Assert.DoesNotContain("Rosalind", text);
        var summary = await response.ReadJsonAsync();
        Assert.False(summary.GetProperty("signedIn").GetBoolean());
        foreach (var nothing in new[] { "firstName", "userName", "flash", "antiforgery" })
            Assert.Equal(JsonValueKind.Null, summary.GetProperty(nothing).ValueKind);
        Assert.False(summary.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(0, summary.GetProperty("cartCount").GetInt32());
        Assert.Empty(Favorites(summary));
    }

    [Fact]
    public async Task Two_shoppers_asking_in_turn_each_hear_only_about_themselves()
    {
        using var app = Shop();
        var ids = await AddProductsAsync(app, 2);
        var alma = await SignedInAsync(app, "Alma");
        var bruno = await SignedInAsync(app, "Bruno");
        await PostAsync(alma, "/cart/add", ids[0], quantity: 4);
        await PostAsync(alma, "/favorites/toggle", ids[0]);
        await PostAsync(bruno, "/cart/add", ids[1]);
        await PostAsync(bruno, "/favorites/toggle", ids[1]);
        var visitor = app.CreateBrowserClient();
        await PostAsync(visitor, "/cart/add", ids[1], quantity: 7);

        for (var round = 0; round < 3; round++)
        {
            var a = await alma.GetJsonAsync(Url(ids));
            var b = await bruno.GetJsonAsync(Url(ids));
            var v = await visitor.GetJsonAsync(Url(ids));
            Assert.Equal(("Alma", 4, ids[0]), (a.GetProperty("firstName").GetString(), a.GetProperty("cartCount").GetInt32(), Favorites(a).Single()));
            Assert.Equal(("Bruno", 1, ids[1]), (b.GetProperty("firstName").GetString(), b.GetProperty("cartCount").GetInt32(), Favorites(b).Single()));
            Assert.Equal((false, 7, 0), (v.GetProperty("signedIn").GetBoolean(), v.GetProperty("cartCount").GetInt32(), Favorites(v).Count));
            Assert.NotEqual(a.GetProperty("antiforgery").GetProperty("value").GetString(), b.GetProperty("antiforgery").GetProperty("value").GetString());
        }
    }

    [Fact]
    public async Task An_admin_is_told_so()
    {
        using var app = Shop();
        var admin = app.CreateBrowserClient();
        using (var signedIn = await LoginAsync(admin, StoreApp.AdminEmail, StoreApp.AdminPassword)) Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var summary = await admin.GetJsonAsync(Url());
        Assert.True(summary.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(StoreApp.AdminEmail, summary.GetProperty("userName").GetString());
    }

    [Theory]
    [InlineData("cross-site", HttpStatusCode.Forbidden)]
    [InlineData("same-site", HttpStatusCode.Forbidden)]
    [InlineData("same-origin", HttpStatusCode.OK)]
    [InlineData("none", HttpStatusCode.OK)]
    public async Task Requests_a_browser_sends_for_another_site_are_refused(string fetchSite, HttpStatusCode expected)
    {
        using var app = Shop();
        var shopper = await SignedInAsync(app, "Ingrid");
        using var request = new HttpRequestMessage(HttpMethod.Get, Url()) { Headers = { { "Sec-Fetch-Site", fetchSite } } };
        using var response = await shopper.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.Equal(expected == HttpStatusCode.OK, (await response.Content.ReadAsStringAsync()).Contains("Ingrid"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,-2")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task A_malformed_product_list_is_a_400(string products)
    {
        using var app = Shop();
        using var response = await app.CreateRawClient().GetAsync($"{VisitorSummary.Path}?products={products}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task At_most_a_hundred_products_are_asked_about()
    {
        using var app = Shop();
        var client = app.CreateRawClient();
        using var hundred = await client.GetAsync(Url([.. Enumerable.Range(1, VisitorSummary.MaxProducts)]));
        Assert.Equal(HttpStatusCode.OK, hundred.StatusCode);
        using var more = await client.GetAsync(Url([.. Enumerable.Range(1, VisitorSummary.MaxProducts + 1)]));
        Assert.Equal(HttpStatusCode.BadRequest, more.StatusCode);
    }
}
