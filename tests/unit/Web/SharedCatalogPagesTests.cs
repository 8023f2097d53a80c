using System.Net;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Ecommerce.Tests.Unit.Infrastructure.AccountForms;

namespace Ecommerce.Tests.Unit.Web;

/// <summary>
/// Catalog pages are the same HTML for everyone (decision 9): the output cache serves them to signed-in shoppers and
/// shoppers with a cart as well, and what the cache keeps holds nothing of the visitor whose request filled it.
/// Without JavaScript the page stays usable: plain links to the cart and the account, and form posts that work.
/// </summary>
public class SharedCatalogPagesTests
{
    private const string Shopper = "Philippa";

    private static StoreApp CachingShop() => ShopperApp.Create(new Dictionary<string, string?> { ["Caching:CatalogSeconds"] = "300" });

    private static Task<(int Lamp, int Shade)> AddLightingAsync(StoreApp app) => app.WithDbAsync(async db =>
    {
        var lighting = await db.AddCategoryAsync("Lighting");
        var lamp = await db.AddProductAsync("Harbor Desk Lamp", 40m, lighting, stock: 20);
        var shade = await db.AddProductAsync("Linen Lamp Shade", 15m, lighting, stock: 20);
        return (lamp.Id, shade.Id);
    });

    /// <summary>A shopper signed in with the sign-in cookie, as the registration form leaves them.</summary>
    private static async Task<(HttpClient Client, string Email)> SignedInShopperAsync(StoreApp app, string firstName = Shopper)
    {
        var client = app.CreateBrowserClient();
        var email = NewEmail();
        using var registered = await RegisterAsync(client, email, firstName);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return (client, email);
    }

    private static async Task PostAsync(HttpClient client, string action, int productId, int quantity = 1)
    {
        using var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["productId"] = productId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["returnUrl"] = "/c/lighting",
        }));
        Assert.Equal("/c/lighting", RedirectPath(response));
    }

    private static Task RenameAsync(StoreApp app, int id, string name) =>
        app.WithDbAsync(db => db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, name)));

    [Theory]
    [InlineData("/c/lighting")]
    [InlineData("/products/harbor-desk-lamp")]
    [InlineData("/search?q=lamp")]
    [InlineData("/")]
    public async Task A_signed_in_shopper_with_a_cart_gets_the_cached_page_and_it_holds_nothing_of_theirs(string url)
    {
        using var app = CachingShop();
        var (lamp, _) = await AddLightingAsync(app);
        await app.WithDbAsync(db => db.Products.Where(p => p.Id == lamp).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsFeatured, true)));
        var (shopper, email) = await SignedInShopperAsync(app);
        await PostAsync(shopper, "/cart/add", lamp, quantity: 2);
        await PostAsync(shopper, "/favorites/toggle", lamp); // also leaves a flash message waiting in a cookie

        // The shopper's request renders the page and fills the cache…
        string rendered;
        using (var first = await shopper.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Null(first.Headers.Age);
            Assert.Empty(first.SetCookies());
            rendered = await first.Content.ReadAsStringAsync();
        }
        Assert.Contains("Harbor Desk Lamp", rendered);
        foreach (var personal in new[] { Shopper, email, "__RequestVerificationToken", "Cart, 2 items", "aria-pressed=\"true\"", "Saved to your favorites", "Submit review" })
            Assert.DoesNotContain(personal, rendered);
        var document = HttpTestExtensions.ParseHtml(rendered);
        Assert.Equal("Cart", document.QuerySelector("a.store-cart")!.GetAttribute("aria-label"));
        Assert.Equal("Account", document.QuerySelector("a[data-store-account-link] .store-action__label")!.Text());

        // …and is answered from it the next time (the rename behind the app's back does not show)…
        await RenameAsync(app, lamp, "Renamed Desk Lamp");
        using (var again = await shopper.GetAsync(url))
        {
            Assert.NotNull(again.Headers.Age);
            Assert.Equal(rendered, await again.Content.ReadAsStringAsync());
        }
        // …and so is everyone else: the entry the shopper filled is the one an anonymous visitor gets.
        using var anonymous = await app.CreateRawClient().GetAsync(url);
        Assert.NotNull(anonymous.Headers.Age);
        Assert.Equal(rendered, await anonymous.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_a_request_with_an_authorization_header_bypasses_the_cache()
    {
        using var app = CachingShop();
        var (lamp, _) = await AddLightingAsync(app);
        var (shopper, _) = await SignedInShopperAsync(app);
        await PostAsync(shopper, "/cart/add", lamp);
        Assert.Contains("Harbor Desk Lamp", await (await shopper.GetAsync("/c/lighting")).Content.ReadAsStringAsync());
        await RenameAsync(app, lamp, "Renamed Desk Lamp");

        using var anonymousWithCart = app.CreateRawClient();
        anonymousWithCart.DefaultRequestHeaders.Add("Cookie", "store.cart=6f1c2a52-3c1e-4c55-8d6e-0b9b2f0f6a11; store.flash=s%3AHello");
        Assert.Contains("Harbor Desk Lamp", await anonymousWithCart.GetStringAsync("/c/lighting"));
        Assert.Contains("Harbor Desk Lamp", await shopper.GetStringAsync("/c/lighting"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/c/lighting") { Headers = { { "Authorization", "Bearer anything" } } };
        using var fresh = await app.CreateRawClient().SendAsync(request);
        Assert.Contains("Renamed Desk Lamp", await fresh.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_review_form_has_a_page_of_its_own_and_the_cached_product_page_only_links_to_it()
    {
        using var app = CachingShop();
        var (lamp, _) = await AddLightingAsync(app);
        using var buyer = await app.RegisterCustomerAsync(firstName: "Bram");
        await buyer.PaidOrderAsync(app, lamp);
        var browser = app.CreateBrowserClient();
        using (var signedIn = await LoginAsync(browser, buyer.Email, buyer.Password)) Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var (_, product) = await browser.GetPageAsync("/products/harbor-desk-lamp");
        Assert.Equal("/products/harbor-desk-lamp/review", product.QuerySelector(".review-form a")!.GetAttribute("href"));
        Assert.Null(product.QuerySelector("input[name='__RequestVerificationToken']"));

        var (reviewResponse, review) = await browser.GetPageAsync("/products/harbor-desk-lamp/review");
        Assert.Equal(HttpStatusCode.OK, reviewResponse.StatusCode);
        Assert.Equal("Review: Harbor Desk Lamp", review.QuerySelector("h1")!.Text());
        var form = review.QuerySelector("form.form")!;
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Equal("Submit review", form.QuerySelector("button[type='submit']")!.Text());

        using var anonymous = await app.CreateRawClient().GetAsync("/products/harbor-desk-lamp/review");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Without_javascript_the_page_links_to_the_cart_and_account_and_its_forms_still_work()
    {
        using var app = CachingShop();
        var (lamp, shade) = await AddLightingAsync(app);
        var (shopper, _) = await SignedInShopperAsync(app);

        var (_, page) = await shopper.GetPageAsync("/c/lighting");
        var cart = page.QuerySelector("a.store-cart")!;
        Assert.Equal("/cart", cart.GetAttribute("href"));
        Assert.Equal("Cart", cart.QuerySelector(".store-action__label")!.Text());
        var account = page.QuerySelector("a[data-store-account-link]")!;
        Assert.Equal("/account", account.GetAttribute("href"));
        Assert.Null(account.GetAttribute("hidden"));
        Assert.NotNull(page.QuerySelector("details[data-store-account-menu][hidden]")); // shown only by store.js
        // The account link leads a visitor to sign in and back.
        using (var visitor = await app.CreateRawClient().GetAsync("/account"))
            Assert.StartsWith("/account/login", RedirectPath(visitor));

        // The card's own forms, posted as a browser without JavaScript posts them.
        var heart = page.QuerySelectorAll("form[action='/favorites/toggle']").Single(f => f.HiddenFields()["productId"] == lamp.ToString());
        Assert.Equal("post", heart.GetAttribute("method"));
        Assert.Equal("Favorite", heart.QuerySelector("button.heart")!.GetAttribute("aria-label"));
        Assert.Equal("false", heart.QuerySelector("button.heart")!.GetAttribute("aria-pressed"));
        using (var toggled = await shopper.PostAsync("/favorites/toggle", new FormUrlEncodedContent(heart.HiddenFields())))
            Assert.Equal("/c/lighting", RedirectPath(toggled));
        var add = page.QuerySelectorAll("form[action='/cart/add']").Single(f => f.HiddenFields()["productId"] == shade.ToString());
        Assert.Equal("Add to cart", add.QuerySelector("button[type='submit']")!.Text());
        using (var added = await shopper.PostAsync("/cart/add", new FormUrlEncodedContent(add.HiddenFields())))
            Assert.Equal("/c/lighting", RedirectPath(added));

        // Back on the (cached) catalog page nothing personal shows; the next page that is not shared has it all.
        var (_, back) = await shopper.GetPageAsync("/c/lighting");
        Assert.Null(back.QuerySelector(".flash"));
        var (_, cartPage) = await shopper.GetPageAsync("/cart");
        Assert.Equal("Added Linen Lamp Shade to your cart.", cartPage.QuerySelector(".flash span")!.Text());
        Assert.Equal("Cart, 1 item", cartPage.QuerySelector("a.store-cart")!.GetAttribute("aria-label"));
        var (_, cartAgain) = await shopper.GetPageAsync("/cart");
        Assert.Null(cartAgain.QuerySelector(".flash"));
        var (_, favorites) = await shopper.GetPageAsync("/account/favorites");
        Assert.Equal(["Harbor Desk Lamp"], favorites.CardNames());
        Assert.Equal("true", favorites.QuerySelector("button.heart")!.GetAttribute("aria-pressed"));
    }
}
