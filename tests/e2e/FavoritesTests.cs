using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>The favourite heart on product cards: a plain form post that toggles, and sends visitors to sign in.</summary>
[Collection(StoreCollection.Name)]
public sealed class FavoritesTests(StoreFixture store, ITestOutputHelper output)
{
    private const string Product = "Inkwell & Oak Brass Fountain Pen";
    private const string Category = "/c/pens-writing";

    [Fact]
    public async Task Customer_saves_a_favorite_from_a_card_and_removes_it_again()
    {
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, "Imogen", "Achterberg");
        await using var session = await store.OpenAsync(output, nameof(Customer_saves_a_favorite_from_a_card_and_removes_it_again), StoreFixtureBase.Desktop);
        var page = session.Page;
        var card = page.ListingResults().ProductCard(Product);
        var heart = card.GetByRole(AriaRole.Button, new() { Name = "Favorite" });

        await session.StepAsync("signed in, the category shows an empty heart", async () =>
        {
            await session.SignInAsync(customer);
            await session.GotoAsync(Category);
            await Expect(page.H1()).ToHaveTextAsync("Pens & Writing");
            await Expect(heart).ToHaveAttributeAsync("aria-pressed", "false");
            await Expect(heart).ToHaveAttributeAsync("title", "Save to favorites");
            await Expect(page.ListingResults().Locator(".heart[aria-pressed='true']")).ToHaveCountAsync(0);
        });

        await session.StepAsync("click the heart: saved", async () =>
        {
            await session.NavigateAsync(() => heart.ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex($"{Category}$"));
            await Expect(page.Flash()).ToHaveTextAsync("Saved to your favorites.");
            await Expect(page.Flash().GetByRole(AriaRole.Link, new() { Name = "View cart" })).ToHaveCountAsync(0);
            await Expect(heart).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(heart).ToHaveAttributeAsync("title", "Remove from favorites");
            // Only that one card's heart is on.
            await Expect(page.ListingResults().Locator(".heart[aria-pressed='true']")).ToHaveCountAsync(1);
        });

        await session.StepAsync("the product page shows it as a favorite too", async () =>
        {
            await session.NavigateAsync(() => card.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync(Product);
            await Expect(page.Locator(".purchase").GetByRole(AriaRole.Button, new() { Name = "Favorite" })).ToHaveAttributeAsync("aria-pressed", "true");
        });

        await session.StepAsync("favorites page lists the product", async () =>
        {
            await page.AccountMenu().ClickAsync();
            await session.NavigateAsync(() => page.AppBar().GetByRole(AriaRole.Menuitem, new() { Name = "Favorites" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex("/account/favorites$"));
            await Expect(page.H1()).ToHaveTextAsync("Favorites");
            await Expect(page.GetByText("1 product", new() { Exact = true })).ToBeVisibleAsync();
            var cards = page.GetByRole(AriaRole.Main).ProductCards();
            await Expect(cards).ToHaveCountAsync(1);
            await Expect(cards.First.GetByRole(AriaRole.Heading)).ToHaveTextAsync(Product);
            await Expect(cards.First.GetByRole(AriaRole.Button, new() { Name = "Favorite" })).ToHaveAttributeAsync("aria-pressed", "true");
        });

        await session.StepAsync("click the heart again: removed", async () =>
        {
            await session.GotoAsync(Category);
            await Expect(heart).ToHaveAttributeAsync("aria-pressed", "true");
            await session.NavigateAsync(() => heart.ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex($"{Category}$"));
            await Expect(page.Flash()).ToHaveTextAsync("Removed from your favorites.");
            await Expect(heart).ToHaveAttributeAsync("aria-pressed", "false");
            await Expect(page.ListingResults().Locator(".heart[aria-pressed='true']")).ToHaveCountAsync(0);
        });

        await session.StepAsync("favorites page is empty", async () =>
        {
            await session.GotoAsync("/account/favorites");
            await Expect(page.GetByText("No favorites yet. Tap the heart on a product to keep it here.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Main).ProductCards()).ToHaveCountAsync(0);
        });

        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Anonymous_visitor_clicking_a_heart_is_sent_to_sign_in()
    {
        await using var session = await store.OpenAsync(output, nameof(Anonymous_visitor_clicking_a_heart_is_sent_to_sign_in), StoreFixtureBase.Desktop);
        var page = session.Page;

        await session.StepAsync("category as a visitor", async () =>
        {
            await session.GotoAsync(Category);
            await Expect(page.AppBar().GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await Expect(page.ListingResults().ProductCard(Product).GetByRole(AriaRole.Button, new() { Name = "Favorite" }))
                .ToHaveAttributeAsync("aria-pressed", "false");
        });

        await session.StepAsync("the heart leads to the sign-in page", async () =>
        {
            await session.NavigateAsync(() => page.ListingResults().ProductCard(Product)
                .GetByRole(AriaRole.Button, new() { Name = "Favorite" }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex(@"/account/login\?returnUrl=%2Fc%2Fpens-writing$"));
            await Expect(page.H1()).ToHaveTextAsync("Sign in");
            await Expect(page.Flash()).ToHaveTextAsync("Sign in to keep a list of favorites.");
            await Expect(page.AppBar().GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        });

        session.AssertPageHealthy();
    }
}
