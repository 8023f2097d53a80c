using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>
/// Paging a department that holds more than one page (24) of products. The demo catalog's departments all fit on
/// one page, so this runs against a store with generated products added (Seed:SyntheticProducts).
/// </summary>
[Collection(LargeCatalogCollection.Name)]
public sealed class CategoryPagingTests(LargeCatalogFixture store, ITestOutputHelper output)
{
    private const int PageSize = 24;

    [Fact]
    public async Task Category_pager_walks_pages_and_keeps_the_sort()
    {
        await using var session = await store.OpenAsync(output, nameof(Category_pager_walks_pages_and_keeps_the_sort), StoreFixtureBase.Desktop);
        var page = session.Page;
        var total = 0;
        string[] firstPageNames = [];
        decimal lastPriceOfPageOne = 0;

        await session.StepAsync("first page sorted by price", async () =>
        {
            await session.GotoAsync("/c/electronics");
            await Expect(page.H1()).ToHaveTextAsync("Electronics");
            await page.GetByLabel("Sort by").SelectOptionAsync(new SelectOptionValue { Label = "Price: low to high" });
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=price-asc"));

            (var first, var last, total) = await CatalogJourneyTests.ReadCountAsync(page);
            Assert.True(total > PageSize, $"The large catalog's Electronics should need more than one page, it has {total} products.");
            Assert.Equal((1, PageSize), (first, last));
            var cards = page.ListingResults().ProductCards();
            await Expect(cards).ToHaveCountAsync(PageSize);
            firstPageNames = (await cards.GetByRole(AriaRole.Heading).AllInnerTextsAsync()).ToArray();
            var prices = await page.ListingResults().CardPrices().ReadPricesAsync();
            Assert.Equal(prices.Order().ToArray(), prices);
            lastPriceOfPageOne = prices[^1];

            var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
            await Expect(pager).ToBeVisibleAsync();
            await Expect(pager.Locator("[aria-current='page']")).ToHaveTextAsync("1");
            await Expect(pager.GetByRole(AriaRole.Link, new() { Name = "Previous page" })).ToHaveCountAsync(0);
            await Expect(pager.GetByRole(AriaRole.Link, new() { Name = "Next page" })).ToBeVisibleAsync();
        });

        await session.StepAsync("next page", async () =>
        {
            var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
            await session.NavigateAsync(() => pager.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]page=2(&|$)"));
            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=price-asc"));
            await Expect(page).ToHaveTitleAsync(new Regex("^Electronics – page 2 · "));
            var (first, last, again) = await CatalogJourneyTests.ReadCountAsync(page);
            Assert.Equal(total, again);
            Assert.Equal((PageSize + 1, Math.Min(2 * PageSize, total)), (first, last));

            var names = await page.ListingResults().ProductCards().GetByRole(AriaRole.Heading).AllInnerTextsAsync();
            Assert.Equal(last - first + 1, names.Count);
            var slugs = await page.ListingResults().ProductCards().GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link)
                .EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
            Assert.Equal(slugs.Length, slugs.Distinct().Count());
            var prices = await page.ListingResults().CardPrices().ReadPricesAsync();
            Assert.Equal(prices.Order().ToArray(), prices);
            Assert.True(prices[0] >= lastPriceOfPageOne,
                $"Page 2 should continue the price order: it starts at {prices[0]}, page 1 ended at {lastPriceOfPageOne}.");

            await Expect(pager.Locator("[aria-current='page']")).ToHaveTextAsync("2");
            await Expect(pager.GetByRole(AriaRole.Link, new() { Name = "Previous page" })).ToBeVisibleAsync();
            await Expect(pager.GetByRole(AriaRole.Link, new() { Name = "Page 1", Exact = true })).ToBeVisibleAsync();
        });

        await session.StepAsync("back to page one", async () =>
        {
            var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
            await session.NavigateAsync(() => pager.GetByRole(AriaRole.Link, new() { Name = "Previous page" }).ClickAsync());

            await Expect(page).Not.ToHaveURLAsync(new Regex(@"[?&]page="));
            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=price-asc"));
            await Expect(pager.Locator("[aria-current='page']")).ToHaveTextAsync("1");
            var names = await page.ListingResults().ProductCards().GetByRole(AriaRole.Heading).AllInnerTextsAsync();
            Assert.Equal(firstPageNames, names);
        });

        session.AssertPageHealthy();
    }
}
