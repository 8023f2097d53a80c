using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

[Collection(StoreCollection.Name)]
public sealed class NotFoundTests(StoreFixture store, ITestOutputHelper output)
{
    private const string Heading = "We couldn’t find that page"; // curly apostrophe, as on the page

    [Fact]
    public async Task Unknown_product_and_category_show_the_404_page_with_a_search_box()
    {
        await using var session = await store.OpenAsync(output, nameof(Unknown_product_and_category_show_the_404_page_with_a_search_box), StoreFixtureBase.Desktop);
        var page = session.Page;

        await session.StepAsync("unknown product", async () =>
        {
            var response = await session.GotoAsync("/products/does-not-exist");
            Assert.NotNull(response);
            Assert.Equal(404, response!.Status);
            await Expect(page.H1()).ToHaveTextAsync(Heading);
            await Expect(page).ToHaveTitleAsync(new Regex("^Page not found"));
            var search = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Searchbox, new() { Name = "Search products" });
            await Expect(search).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Search" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Electronics" })).ToHaveAttributeAsync("href", "/c/electronics");
        });

        await session.StepAsync("search from the 404 page", async () =>
        {
            var main = page.GetByRole(AriaRole.Main);
            await main.GetByRole(AriaRole.Searchbox, new() { Name = "Search products" }).FillAsync("lamp");
            await session.NavigateAsync(() => main.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=lamp$"));
            await Expect(page.H1()).ToHaveTextAsync("Results for “lamp”");
            await Expect(page.Locator("main").ProductCards().First).ToBeVisibleAsync();
        });

        await session.StepAsync("unknown category", async () =>
        {
            var response = await session.GotoAsync("/c/no-such-department");
            Assert.NotNull(response);
            Assert.Equal(404, response!.Status);
            await Expect(page.H1()).ToHaveTextAsync(Heading);
        });

        // Chromium logs every 404 document as a console error; everything else must be clean.
        session.AssertPageHealthy(expectedConsoleError: e => e.Contains("status of 404"));
    }
}
