using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>
/// Catalog pages come from the output cache for everyone, signed-in shoppers included; the shopper's name, cart count,
/// favourite hearts and messages are filled in by store.js from GET /me/summary, after full loads and after Blazor's
/// enhanced navigations and form posts alike.
/// </summary>
[Collection(CachedStoreCollection.Name)]
public sealed class CachedCatalogTests(CachedStoreFixture store, ITestOutputHelper output)
{
    private const string PensUrl = "/c/pens-writing";
    private const string Pen = "Inkwell & Oak Brass Fountain Pen";
    private const string CoffeeUrl = "/c/coffee-tea";

    [Fact]
    public async Task A_signed_in_shopper_sees_their_name_cart_and_hearts_on_cached_pages_also_after_enhanced_navigation()
    {
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, "Leopold", "Brandt");
        // Visitors before them have put both listings into the cache, as full pages and as enhanced navigations.
        await WarmAsync(PensUrl, CoffeeUrl);

        await using var session = await store.OpenAsync(output, nameof(A_signed_in_shopper_sees_their_name_cart_and_hearts_on_cached_pages_also_after_enhanced_navigation), StoreFixtureBase.Desktop);
        var page = session.Page;
        var pen = page.ListingResults().ProductCard(Pen);
        var heart = pen.GetByRole(AriaRole.Button, new() { Name = "Favorite" });

        await session.StepAsync("signed in, a cached category page greets the shopper", async () =>
        {
            await session.SignInAsync(customer);
            var response = await session.GotoAsync(PensUrl);
            Assert.NotNull(response);
            Assert.True((await response.AllHeadersAsync()).ContainsKey("age"), "the category page should come from the output cache");
            await Expect(page.H1()).ToHaveTextAsync("Pens & Writing");
            await Expect(page.AccountMenu()).ToBeVisibleAsync();
            await Expect(page.AccountMenu()).ToContainTextAsync("Leopold");
            await page.ExpectCartCountAsync(0);
            await Expect(heart).ToHaveAttributeAsync("aria-pressed", "false");
            await Expect(page.AppBar().GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveCountAsync(0);
        });

        await session.StepAsync("add to cart: the message and the count", async () =>
        {
            await session.NavigateAsync(() => pen.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex($"{PensUrl}$"));
            await Expect(page.Flash()).ToContainTextAsync($"Added {Pen} to your cart.");
            await Expect(page.Flash().GetByRole(AriaRole.Link, new() { Name = "View cart" })).ToHaveAttributeAsync("href", "/cart");
            await page.ExpectCartCountAsync(1);
            await Expect(page.AppBarCart().Locator(".store-cart__count")).ToHaveTextAsync("1");
        });

        await session.StepAsync("the heart: saved", async () =>
        {
            await session.NavigateAsync(() => heart.ClickAsync());
            await Expect(page.Flash()).ToHaveTextAsync("Saved to your favorites.");
            await Expect(heart).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(heart).ToHaveAttributeAsync("title", "Remove from favorites");
            await Expect(page.ListingResults().Locator(".heart[aria-pressed='true']")).ToHaveCountAsync(1);
            await page.ExpectCartCountAsync(1);
        });

        await session.StepAsync("enhanced navigation to another cached category keeps name and count", async () =>
        {
            var loads = 0;
            page.Load += (_, _) => loads++;
            var listing = page.WaitForResponseAsync(r => r.Url.EndsWith(CoffeeUrl, StringComparison.Ordinal));
            await session.NavigateAsync(() => page.CategoryBar().GetByRole(AriaRole.Link, new() { Name = "Home & Kitchen", Exact = true }).ClickAsync());
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Navigation, new() { Name = "Sub-categories" })
                .GetByRole(AriaRole.Link, new() { Name = "Coffee & Tea", Exact = true }).ClickAsync());
            Assert.True((await (await listing).AllHeadersAsync()).ContainsKey("age"), "the listing should come from the output cache");
            Assert.Equal(0, loads); // patched in by blazor.web.js, not loaded anew

            await Expect(page.H1()).ToHaveTextAsync("Coffee & Tea");
            await Expect(page.AccountMenu()).ToContainTextAsync("Leopold");
            await page.ExpectCartCountAsync(1);
            await Expect(page.Flash()).ToHaveCountAsync(0); // shown once
            await Expect(page.ListingResults().Locator(".heart[aria-pressed='true']")).ToHaveCountAsync(0);
        });

        await session.StepAsync("back on the first category the favourite is still on", async () =>
        {
            await session.NavigateAsync(() => page.CategoryBar().GetByRole(AriaRole.Link, new() { Name = "Stationery & Books", Exact = true }).ClickAsync());
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Navigation, new() { Name = "Sub-categories" })
                .GetByRole(AriaRole.Link, new() { Name = "Pens & Writing", Exact = true }).ClickAsync());
            await Expect(heart).ToHaveAttributeAsync("aria-pressed", "true");
            await page.ExpectCartCountAsync(1);
        });

        await session.StepAsync("the account menu names the shopper and offers to sign out", async () =>
        {
            await page.AccountMenu().ClickAsync();
            await Expect(page.AppBar().GetByText(customer.Email)).ToBeVisibleAsync();
            await Expect(page.AppBar().GetByRole(AriaRole.Menuitem, new() { Name = "Admin" })).ToHaveCountAsync(0);
            await Expect(page.AppBar().GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" })).ToBeVisibleAsync();
        });

        await session.StepAsync("at phone width the app bar shows the count badge", async () =>
        {
            await page.SetViewportSizeAsync(StoreFixtureBase.Phone.Width, StoreFixtureBase.Phone.Height);
            await session.GotoAsync(CoffeeUrl);
            await Expect(page.AppBarCart().Locator(".store-cart__count")).ToHaveTextAsync("1");
            await Expect(page.AccountMenu()).ToBeVisibleAsync();
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("signing out from the menu of a cached page", async () =>
        {
            await page.AccountMenu().ClickAsync();
            await session.NavigateAsync(() => page.AppBar().GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex($"{CoffeeUrl}$"));
            await Expect(page.AppBar().GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await Expect(page.AccountMenu()).ToBeHiddenAsync();
            await page.ExpectCartCountAsync(0);
        });

        session.AssertPageHealthy();
    }

    [Fact]
    public async Task The_page_a_signed_in_shopper_with_a_cart_gets_is_the_cached_page_anonymous_visitors_get()
    {
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, "Ottilie", "Vanderveer");
        // A listing no one has asked for yet: the shopper's own request renders it and puts it into the cache.
        const string url = PensUrl + "?sort=name";
        await using var session = await store.OpenAsync(output, nameof(The_page_a_signed_in_shopper_with_a_cart_gets_is_the_cached_page_anonymous_visitors_get), StoreFixtureBase.Desktop);
        var page = session.Page;
        var pen = page.ListingResults().ProductCard(Pen);
        var heart = pen.GetByRole(AriaRole.Button, new() { Name = "Favorite" });
        string shoppersHtml = "";

        await session.StepAsync("signed in, with a cart and a favourite", async () =>
        {
            await session.SignInAsync(customer);
            await session.GotoAsync(PensUrl);
            await session.NavigateAsync(() => pen.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync());
            await page.ExpectCartCountAsync(1);
            await session.NavigateAsync(() => heart.ClickAsync());
            await Expect(heart).ToHaveAttributeAsync("aria-pressed", "true");
        });

        await session.StepAsync("the shopper's page is rendered with nothing of theirs in it", async () =>
        {
            var response = await session.GotoAsync(url);
            Assert.NotNull(response);
            var headers = await response.AllHeadersAsync();
            Assert.False(headers.ContainsKey("age"), "the first request for this listing should render it");
            Assert.False(headers.ContainsKey("set-cookie"), "a shared page sets no cookie");
            shoppersHtml = await response.TextAsync();
            AssertNothingPersonal(shoppersHtml, customer);

            // … and the browser fills in the personal parts.
            await Expect(page.AccountMenu()).ToContainTextAsync(customer.FirstName);
            await page.ExpectCartCountAsync(1);
            await Expect(heart).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(page.ListingResults().Locator(".heart[aria-pressed='true']")).ToHaveCountAsync(1);
        });

        await session.StepAsync("an anonymous visitor then gets the very same bytes from the cache", async () =>
        {
            using var visitor = new HttpClient { BaseAddress = store.BaseAddress };
            using var response = await visitor.GetAsync(url);
            response.EnsureSuccessStatusCode();
            Assert.True(response.Headers.Age is not null, "the visitor's page should come from the output cache");
            Assert.Equal(shoppersHtml, await response.Content.ReadAsStringAsync());
        });

        await session.StepAsync("and the shopper's next visit is served from the cache too", async () =>
        {
            var response = await session.GotoAsync(url);
            Assert.NotNull(response);
            Assert.True((await response.AllHeadersAsync()).ContainsKey("age"), "the shopper's page should come from the output cache");
            Assert.Equal(shoppersHtml, await response.TextAsync());
            await Expect(page.AccountMenu()).ToContainTextAsync(customer.FirstName);
            await page.ExpectCartCountAsync(1);
        });

        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Without_JavaScript_cached_pages_work_and_only_the_personal_parts_are_missing()
    {
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, "Wendelin", "Quast");
        const string pen = "Paperboat Gel Pen Set (6 Colors)";
        await WarmAsync(PensUrl);
        await using var session = await store.OpenAsync(output, nameof(Without_JavaScript_cached_pages_work_and_only_the_personal_parts_are_missing), StoreFixtureBase.Desktop, javaScript: false);
        var page = session.Page;
        var cards = page.ListingResults().ProductCards();
        var card = page.ListingResults().ProductCard(Pen);
        var accountLink = page.AppBar().GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true });

        await session.StepAsync("sign in through the form", async () =>
        {
            await session.GotoAsync("/account/login?returnUrl=%2Faccount");
            await page.GetByLabel("Email").FillAsync(customer.Email);
            await page.GetByLabel("Password").FillAsync(customer.Password);
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex("/account$"));
            // A page of the shopper's own is rendered for them on the server, menu and all.
            await Expect(page.AccountMenu()).ToContainTextAsync(customer.FirstName);
        });

        await session.StepAsync("the cached category page: the catalog is all there, the personal parts are plain links", async () =>
        {
            var response = await session.GotoAsync(PensUrl);
            Assert.NotNull(response);
            Assert.True((await response.AllHeadersAsync()).ContainsKey("age"), "the category page should come from the output cache");
            await Expect(page.H1()).ToHaveTextAsync("Pens & Writing");
            Assert.True(await cards.CountAsync() > 1, "the listing shows its products");
            await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Add to cart" })).ToBeVisibleAsync();
            await Expect(page.ListingResults().Locator(".product-card img").First).ToBeVisibleAsync();
            // No count, no name: "Cart" and "Account" links; the hidden menu stays hidden.
            await Expect(page.AppBarCart()).ToHaveAttributeAsync("aria-label", "Cart");
            await Expect(page.AppBarCart().Locator(".store-cart__count")).ToBeHiddenAsync();
            await Expect(accountLink).ToBeVisibleAsync();
            await Expect(accountLink).ToHaveAttributeAsync("href", "/account");
            await Expect(page.AccountMenu()).ToBeHiddenAsync();
            await Expect(page.ListingResults().Locator(".heart[aria-pressed='true']")).ToHaveCountAsync(0);
        });

        await session.StepAsync("Add to cart posts the form and comes back to the page", async () =>
        {
            await session.NavigateAsync(() => card.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex($"{PensUrl}$"));
            await Expect(page.H1()).ToHaveTextAsync("Pens & Writing");
            await Expect(page.AppBarCart()).ToHaveAttributeAsync("aria-label", "Cart");
            await Expect(page.Flash()).ToHaveCountAsync(0);
        });

        await session.StepAsync("the Cart link: the item is in the cart, and the message waited for this page", async () =>
        {
            await session.NavigateAsync(() => page.AppBarCart().ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex("/cart$"));
            await Expect(page.CartLine(Pen)).ToBeVisibleAsync();
            await page.ExpectCartCountAsync(1);
            await Expect(page.Flash()).ToContainTextAsync($"Added {Pen} to your cart.");
        });

        await session.StepAsync("a second product from its own page", async () =>
        {
            await session.GotoAsync(PensUrl);
            await session.NavigateAsync(() => page.ListingResults().ProductCard(pen).GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync(pen);
            await page.GetByLabel("Quantity").FillAsync("2");
            await session.NavigateAsync(() => page.Locator(".purchase").GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync(pen);
            await Expect(page.Locator(".purchase").GetByRole(AriaRole.Button, new() { Name = "Favorite" })).ToHaveAttributeAsync("aria-pressed", "false");
        });

        await session.StepAsync("the heart posts too; the favourites page lists it", async () =>
        {
            await session.NavigateAsync(() => page.Locator(".purchase").GetByRole(AriaRole.Button, new() { Name = "Favorite" }).ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync(pen);
            await session.NavigateAsync(() => accountLink.ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex("/account$"));
            await Expect(page.Flash()).ToHaveTextAsync("Saved to your favorites.");
            await page.ExpectCartCountAsync(3);
            await page.AccountMenu().ClickAsync();
            await session.NavigateAsync(() => page.AppBar().GetByRole(AriaRole.Menuitem, new() { Name = "Favorites" }).ClickAsync());
            var favorites = page.GetByRole(AriaRole.Main).ProductCards();
            await Expect(favorites).ToHaveCountAsync(1);
            await Expect(favorites.First.GetByRole(AriaRole.Heading)).ToHaveTextAsync(pen);
        });

        await session.StepAsync("at phone width the cached page fits and keeps its links", async () =>
        {
            await page.SetViewportSizeAsync(StoreFixtureBase.Phone.Width, StoreFixtureBase.Phone.Height);
            await session.GotoAsync(CoffeeUrl);
            await Expect(page.H1()).ToHaveTextAsync("Coffee & Tea");
            await Expect(page.AppBarCart()).ToBeVisibleAsync();
            await Expect(accountLink).ToBeVisibleAsync();
            await session.AssertNoHorizontalScrollAsync();
        });

        session.AssertPageHealthy();
    }

    /// <summary>Puts pages into the output cache as an anonymous visitor: full page loads and enhanced navigations.</summary>
    private async Task WarmAsync(params string[] urls)
    {
        using var visitor = new HttpClient { BaseAddress = store.BaseAddress };
        foreach (var url in urls)
        {
            (await visitor.GetAsync(url)).EnsureSuccessStatusCode();
            using var enhanced = new HttpRequestMessage(HttpMethod.Get, url);
            enhanced.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
            (await visitor.SendAsync(enhanced)).EnsureSuccessStatusCode();
        }
    }

    private static void AssertNothingPersonal(string html, Customer customer)
    {
        foreach (var personal in new[] { customer.FirstName, customer.LastName, customer.Email, "Cart, 1 item", "aria-pressed=\"true\"", "__RequestVerificationToken", "Sign in" })
            Assert.DoesNotContain(personal, html, StringComparison.OrdinalIgnoreCase);
    }
}
