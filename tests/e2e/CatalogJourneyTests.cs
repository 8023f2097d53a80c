using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>
/// A shopper's way through the catalog on the real app: home → department → price filter → sort → product →
/// search, at desktop width and at phone width.
/// </summary>
[Collection(StoreCollection.Name)]
[Trait("Category", "PostgresSmoke")] // also run on PostgreSQL by ./test.sh
public sealed class CatalogJourneyTests(StoreFixture store, ITestOutputHelper output)
{
    private const decimal MinPrice = 40m;
    private const decimal MaxPrice = 100m;

    [Fact]
    public async Task Catalog_journey_on_desktop()
    {
        await using var session = await store.OpenAsync(output, nameof(Catalog_journey_on_desktop), StoreFixtureBase.Desktop);
        var page = session.Page;
        var electronicsTotal = 0;
        var filteredCount = 0;
        string productName = "";
        decimal productPrice = 0;

        await session.StepAsync("home page", async () =>
        {
            await session.GotoAsync("/");
            await Expect(page).ToHaveTitleAsync(new Regex(StoreUi.StoreName));
            await Expect(page.H1()).ToBeVisibleAsync();

            var featured = page.GetByRole(AriaRole.Region, new() { Name = "Featured" }).ProductCards();
            await Expect(featured.First).ToBeVisibleAsync();
            Assert.InRange(await featured.CountAsync(), 4, 8);
            var prices = await featured.CardPrices().ReadPricesAsync();
            Assert.Equal(await featured.CountAsync(), prices.Length);
            Assert.All(prices, p => Assert.True(p > 0, $"A featured product shows the price {p}."));

            var tiles = page.GetByRole(AriaRole.Region, new() { Name = "Shop by category" }).GetByRole(AriaRole.Link);
            var categoryBarLinks = page.CategoryBar().GetByRole(AriaRole.Link);
            await Expect(tiles.First).ToBeVisibleAsync();
            Assert.Equal(await categoryBarLinks.CountAsync(), await tiles.CountAsync());
            foreach (var tile in await tiles.AllAsync())
                Assert.Matches("^/c/[a-z0-9-]+$", await tile.GetAttributeAsync("href"));
            await Expect(tiles.Filter(new() { HasText = "Electronics" })).ToHaveAttributeAsync("href", "/c/electronics");
        });

        await session.StepAsync("category from the category bar", async () =>
        {
            await session.NavigateAsync(() =>
                page.CategoryBar().GetByRole(AriaRole.Link, new() { Name = "Electronics", Exact = true }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex("/c/electronics$"));
            await Expect(page).ToHaveTitleAsync(new Regex("^Electronics · Harbor Supply"));
            await Expect(page.H1()).ToHaveTextAsync("Electronics");
            await Expect(page.CategoryBar().GetByRole(AriaRole.Link, new() { Name = "Electronics", Exact = true }))
                .ToHaveAttributeAsync("aria-current", "page");

            var crumbs = page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" });
            await Expect(crumbs.GetByRole(AriaRole.Link, new() { Name = "Home" })).ToHaveAttributeAsync("href", "/");
            await Expect(crumbs.Locator("[aria-current='page']")).ToHaveTextAsync("Electronics");

            var subcategories = page.GetByRole(AriaRole.Navigation, new() { Name = "Sub-categories" });
            await Expect(subcategories.GetByRole(AriaRole.Link, new() { Name = "Audio", Exact = true })).ToHaveAttributeAsync("href", "/c/audio");
            await Expect(subcategories.GetByRole(AriaRole.Link, new() { Name = "Power & Charging", Exact = true }))
                .ToHaveAttributeAsync("href", "/c/power-charging");

            var cards = page.ListingResults().ProductCards();
            await Expect(cards.First).ToBeVisibleAsync();
            var shown = await cards.CountAsync();
            (var first, var last, electronicsTotal) = await ReadCountAsync(page);
            Assert.Equal((1, shown), (first, last));

            // The department lists its own products and those of its sub-categories.
            var cardCategories = await page.ListingResults().Locator(".product-card__category").AllInnerTextsAsync();
            Assert.Contains(cardCategories, c => c.Equals("Electronics", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(cardCategories, c => c.Equals("Audio", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(cardCategories, c => c.Equals("Power & Charging", StringComparison.OrdinalIgnoreCase));
        });

        await session.StepAsync("price filter 40 to 100", async () =>
        {
            await page.GetByLabel("Min price").FillAsync("40");
            await page.GetByLabel("Max price").FillAsync("100");
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex(@"/c/electronics\?.*min=40.*max=100"));
            await Expect(page.GetByLabel("Min price")).ToHaveValueAsync("40");
            await Expect(page.GetByLabel("Max price")).ToHaveValueAsync("100");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" })).ToHaveAttributeAsync("href", "/c/electronics");

            var prices = await page.ListingResults().CardPrices().ReadPricesAsync();
            Assert.NotEmpty(prices);
            Assert.All(prices, p => Assert.InRange(p, MinPrice, MaxPrice));
            filteredCount = prices.Length;
            Assert.True(filteredCount < electronicsTotal,
                $"The filter should leave out some of the {electronicsTotal} Electronics products, but {filteredCount} are shown.");
            var (_, _, total) = await ReadCountAsync(page);
            Assert.Equal(filteredCount, total);
        });

        await session.StepAsync("sort by price low to high", async () =>
        {
            await page.GetByLabel("Sort by").SelectOptionAsync(new SelectOptionValue { Label = "Price: low to high" });
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=price-asc"));
            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]min=40"));
            await Expect(page.GetByLabel("Sort by")).ToHaveValueAsync("price-asc");

            var prices = await page.ListingResults().CardPrices().ReadPricesAsync();
            Assert.Equal(filteredCount, prices.Length);
            Assert.All(prices, p => Assert.InRange(p, MinPrice, MaxPrice));
            Assert.Equal(prices.Order().ToArray(), prices);
            Assert.True(prices[0] < prices[^1], $"Sorting should put different prices first and last: {string.Join(", ", prices)}.");
        });

        await session.StepAsync("one page of results has no pager", async () =>
        {
            // The demo catalog's departments fit on one page of 24; paging is covered by the large-catalog test.
            var (first, last, total) = await ReadCountAsync(page);
            Assert.True(total <= 24, $"Expected one page, the listing says {total} products.");
            Assert.Equal((1, total), (first, last));
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" })).ToHaveCountAsync(0);
        });

        await session.StepAsync("product page of a product on sale", async () =>
        {
            var saleCard = page.ListingResults().ProductCards()
                .Filter(new() { Has = page.GetByText("Sale", new() { Exact = true }) }).First;
            await Expect(saleCard).ToBeVisibleAsync();
            var titleLink = saleCard.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link);
            productName = (await titleLink.InnerTextAsync()).Trim();
            productPrice = StoreUi.ParsePrice(await saleCard.CardPrices().InnerTextAsync());

            await session.NavigateAsync(() => titleLink.ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex("/products/[a-z0-9-]+$"));
            await Expect(page.H1()).ToHaveTextAsync(productName);
            await Expect(page).ToHaveTitleAsync($"{productName} · {StoreUi.StoreName}");

            var crumbs = page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" });
            await Expect(crumbs.Locator("[aria-current='page']")).ToHaveTextAsync(productName);

            var price = page.Locator(".product__price");
            Assert.Equal(productPrice, StoreUi.ParsePrice(await price.Locator(".price-tag__now").InnerTextAsync()));
            var was = price.Locator("s");
            await Expect(was).ToBeVisibleAsync();
            await Expect(was).ToHaveCSSAsync("text-decoration-line", "line-through");
            var wasPrice = StoreUi.ParsePrice(await was.InnerTextAsync());
            Assert.True(wasPrice > productPrice, $"The struck price {wasPrice} should be above the price {productPrice}.");
            await Expect(price.GetByText(new Regex(@"^Save \d+%$"))).ToBeVisibleAsync();

            await Expect(page.Locator(".product__stock .stock")).ToHaveTextAsync(new Regex(@"^(In stock|Only \d+ left|Out of stock)$"));

            var tags = page.GetByRole(AriaRole.List, new() { Name = "Tags" }).GetByRole(AriaRole.Link);
            await Expect(tags.First).ToHaveTextAsync(new Regex("^#\\S+"));
            await Expect(tags.First).ToHaveAttributeAsync("href", new Regex(@"^/search\?q="));

            var specs = page.GetByRole(AriaRole.Region, new() { Name = "Specifications" }).GetByRole(AriaRole.Table);
            await Expect(specs).ToBeVisibleAsync();
            var rows = specs.GetByRole(AriaRole.Row);
            Assert.True(await rows.CountAsync() >= 1, "The specifications table has no rows.");
            await Expect(rows.First.GetByRole(AriaRole.Rowheader)).Not.ToBeEmptyAsync();
            await Expect(rows.First.GetByRole(AriaRole.Cell)).Not.ToBeEmptyAsync();

            var reviews = page.GetByRole(AriaRole.Region, new() { Name = "Customer reviews" });
            await Expect(reviews).ToBeVisibleAsync();
            var reviewLink = page.Locator(".product__rating a[href='#reviews']");
            if (await reviewLink.CountAsync() > 0)
            {
                var count = int.Parse(Regex.Match(await reviewLink.InnerTextAsync(), @"(\d+) reviews?").Groups[1].Value);
                var items = reviews.Locator(".reviews__list > li");
                await Expect(items.First).ToBeVisibleAsync();
                Assert.InRange(await items.CountAsync(), 1, count);
                await Expect(reviews.GetByText($"{count} {(count == 1 ? "review" : "reviews")}", new() { Exact = true })).ToBeVisibleAsync();
            }
            else
            {
                await Expect(reviews.GetByText("No reviews yet.", new() { Exact = false })).ToBeVisibleAsync();
            }
        });

        await session.StepAsync("search for kettle", async () =>
        {
            await page.HeaderSearchBox().FillAsync("kettle");
            await session.NavigateAsync(() => page.HeaderSearchButton().ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=kettle$"));
            await Expect(page.H1()).ToHaveTextAsync("Results for “kettle”");
            await Expect(page.HeaderSearchBox()).ToHaveValueAsync("kettle");
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex(@"^\d+ products? found$"));
            var matches = page.Locator("main").ProductCards().Filter(new() { HasTextRegex = new Regex("kettle", RegexOptions.IgnoreCase) });
            await Expect(matches.First).ToBeVisibleAsync();
        });

        await session.StepAsync("search for nonsense shows the empty state", async () =>
        {
            await page.HeaderSearchBox().FillAsync("zzzxqy");
            await session.NavigateAsync(() => page.HeaderSearchButton().ClickAsync());

            await Expect(page.H1()).ToHaveTextAsync("Results for “zzzxqy”");
            await Expect(page.GetByText("Nothing matches “zzzxqy”. Check the spelling or try fewer words.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the shop" })).ToHaveAttributeAsync("href", "/");
            await Expect(page.Locator("main").ProductCards()).ToHaveCountAsync(0);
        });

        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Catalog_journey_at_phone_width()
    {
        await using var session = await store.OpenAsync(output, nameof(Catalog_journey_at_phone_width), StoreFixtureBase.Phone);
        var page = session.Page;

        await session.StepAsync("home page", async () =>
        {
            await session.GotoAsync("/");
            await Expect(page).ToHaveTitleAsync(new Regex(StoreUi.StoreName));
            await Expect(page.HeaderSearchBox()).ToBeVisibleAsync();
            await Expect(page.HeaderSearchButton()).ToBeVisibleAsync();
            await AssertInsideViewportAsync(page, page.HeaderSearchBox(), "the app bar search box");
            await AssertTwoColumnsAsync(page.GetByRole(AriaRole.Region, new() { Name = "Featured" }).ProductCards());
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("category from the category bar", async () =>
        {
            var link = page.CategoryBar().GetByRole(AriaRole.Link, new() { Name = "Electronics", Exact = true });
            await Expect(link).ToBeVisibleAsync();
            await session.NavigateAsync(() => link.ClickAsync());

            await Expect(page.H1()).ToHaveTextAsync("Electronics");
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToBeVisibleAsync();
            await AssertTwoColumnsAsync(page.ListingResults().ProductCards());
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("filters and sort toggle opens the panel", async () =>
        {
            // At phone width the filter form is folded away behind a "Filters & sort" toggle.
            await Expect(page.GetByLabel("Min price")).ToBeHiddenAsync();
            await page.GetByText("Filters & sort").ClickAsync();
            await Expect(page.GetByLabel("Min price")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Max price")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Sort by")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply" })).ToBeVisibleAsync();
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("price filter and sort applied", async () =>
        {
            await page.GetByLabel("Min price").FillAsync("40");
            await page.GetByLabel("Max price").FillAsync("100");
            await page.GetByLabel("Sort by").SelectOptionAsync(new SelectOptionValue { Label = "Price: low to high" });
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex(@"min=40.*max=100.*sort=price-asc"));
            var prices = await page.ListingResults().CardPrices().ReadPricesAsync();
            Assert.NotEmpty(prices);
            Assert.All(prices, p => Assert.InRange(p, MinPrice, MaxPrice));
            Assert.Equal(prices.Order().ToArray(), prices);
            await AssertTwoColumnsAsync(page.ListingResults().ProductCards());
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("product page", async () =>
        {
            var titleLink = page.ListingResults().ProductCards().First.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link);
            var name = (await titleLink.InnerTextAsync()).Trim();
            await session.NavigateAsync(() => titleLink.ClickAsync());

            await Expect(page.H1()).ToHaveTextAsync(name);
            await Expect(page.Locator(".product__price .price-tag__now")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Customer reviews" })).ToBeVisibleAsync();
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("search from the app bar", async () =>
        {
            await AssertInsideViewportAsync(page, page.HeaderSearchBox(), "the app bar search box");
            await page.HeaderSearchBox().FillAsync("kettle");
            await session.NavigateAsync(() => page.HeaderSearchButton().ClickAsync());

            await Expect(page.H1()).ToHaveTextAsync("Results for “kettle”");
            var matches = page.Locator("main").ProductCards().Filter(new() { HasTextRegex = new Regex("kettle", RegexOptions.IgnoreCase) });
            await Expect(matches.First).ToBeVisibleAsync();
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("search for nonsense shows the empty state", async () =>
        {
            await page.HeaderSearchBox().FillAsync("zzzxqy");
            await session.NavigateAsync(() => page.HeaderSearchBox().PressAsync("Enter"));

            await Expect(page.GetByText("Nothing matches “zzzxqy”. Check the spelling or try fewer words.")).ToBeVisibleAsync();
            await session.AssertNoHorizontalScrollAsync();
        });

        session.AssertPageHealthy();
    }

    /// <summary>Reads "Showing 1–13 of 13 products".</summary>
    internal static async Task<(int First, int Last, int Total)> ReadCountAsync(IPage page)
    {
        var status = page.ListingResults().GetByRole(AriaRole.Status);
        await Expect(status).ToHaveTextAsync(new Regex(@"^Showing \d+–\d+ of \d+ products$"));
        var match = Regex.Match(await status.InnerTextAsync(), @"^Showing (\d+)–(\d+) of (\d+) products$");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
    }

    /// <summary>The first two cards sit side by side: same top, different left, each at most half the width.</summary>
    private static async Task AssertTwoColumnsAsync(ILocator cards)
    {
        await Expect(cards.Nth(1)).ToBeVisibleAsync();
        var a = await cards.Nth(0).BoundingBoxAsync() ?? throw new InvalidOperationException("The first card has no box.");
        var b = await cards.Nth(1).BoundingBoxAsync() ?? throw new InvalidOperationException("The second card has no box.");
        Assert.True(Math.Abs(a.Y - b.Y) < 1, $"The first two cards should share a row: tops at {a.Y} and {b.Y}.");
        Assert.True(b.X > a.X + a.Width - 1, $"The second card should sit right of the first: lefts at {a.X} and {b.X}.");
        Assert.True(a.Width <= StoreFixtureBase.Phone.Width / 2.0, $"A card is {a.Width} px wide, more than half the phone width.");
        if (await cards.CountAsync() > 2)
        {
            var c = await cards.Nth(2).BoundingBoxAsync() ?? throw new InvalidOperationException("The third card has no box.");
            Assert.True(c.Y > a.Y, $"The third card should start a second row: tops at {a.Y} and {c.Y}.");
        }
    }

    private static async Task AssertInsideViewportAsync(IPage page, ILocator element, string what)
    {
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{what} has no box.");
        var width = page.ViewportSize!.Width;
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5,
            $"{what} spans {box.X}–{box.X + box.Width} px, outside the {width} px viewport.");
        Assert.True(box.Width >= 150, $"{what} is only {box.Width} px wide: too narrow to type in.");
    }
}
