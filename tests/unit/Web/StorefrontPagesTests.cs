using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ecommerce.Shared.Catalog;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Web;

public class StorefrontPagesTests(StorefrontFixture fixture) : IClassFixture<StorefrontFixture>
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");

    private async Task<IHtmlDocument> Page(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (response, document) = await fixture.Client.GetPageAsync(url);
        using (response)
        {
            Assert.True(response.StatusCode == expected, $"GET {url}: {(int)response.StatusCode}");
            var type = response.Content.Headers.ContentType?.MediaType;
            Assert.True(type == "text/html",
                $"GET {url}: {(int)response.StatusCode} without an HTML page (Content-Type: {type ?? "none"}, {document.Source.Text.Length} characters)");
        }
        return document;
    }

    [Fact]
    public async Task Home_shows_featured_products_and_category_links()
    {
        var document = await Page("/");
        Assert.Contains("Harbor Supply", document.Title);

        var featured = document.QuerySelectorAll("#featured .product-card__title a").Select(a => a.Text()).ToList();
        Assert.Equal(fixture.Source.Products.Where(p => p.Featured).Select(p => p.Name).Order(), featured.Order());

        var tiles = document.QuerySelectorAll("a.category-tile").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(fixture.Source.Categories.Select(c => $"/c/{c.Slug}"), tiles);
        var nav = document.QuerySelectorAll("nav.store-categories a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(fixture.Source.Categories.Select(c => $"/c/{c.Slug}"), nav);

        var electronics = document.QuerySelector("a.category-tile[href='/c/electronics']")!;
        Assert.Contains($"{fixture.ProductsUnder("electronics").Count} products", electronics.Text());
    }

    [Fact]
    public async Task Product_cards_link_to_product_pages()
    {
        var document = await Page("/");
        var links = document.QuerySelectorAll(".product-card__title a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith("/products/", href));
        Assert.All(document.QuerySelectorAll(".product-card__title a").Where(a => a.Text() == "Driftwood Wireless Headphones"),
            a => Assert.Equal("/products/driftwood-wireless-headphones", a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_category_page_lists_its_products_including_sub_categories()
    {
        var document = await Page("/c/electronics");
        var expected = fixture.ProductsUnder("electronics");

        Assert.Equal("Electronics", document.QuerySelector("h1")!.Text());
        Assert.Equal("Electronics · Harbor Supply", document.Title);
        Assert.Equal(expected.Select(p => p.Name).Order(), document.CardNames().Order());
        Assert.Contains(document.CardNames(), name => expected.Single(p => p.Name == name).Category == "audio");
        Assert.Equal($"Showing 1–{expected.Count} of {expected.Count} products", document.QuerySelector(".listing__count")!.Text());
        Assert.Equal(["/c/audio", "/c/power-charging"],
            document.QuerySelectorAll("nav.subcategories a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Home", "Electronics"], document.QuerySelectorAll("nav.breadcrumbs li").Select(li => li.Text()));
    }

    [Fact]
    public async Task A_sub_category_page_shows_its_breadcrumbs_and_siblings()
    {
        var document = await Page("/c/audio");
        Assert.Equal(["Home", "Electronics", "Audio"], document.QuerySelectorAll("nav.breadcrumbs li").Select(li => li.Text()));
        Assert.Equal("/c/electronics", document.QuerySelector("nav.breadcrumbs a[href='/c/electronics']")!.GetAttribute("href"));
        Assert.Equal("page", document.QuerySelector("nav.subcategories a[href='/c/audio']")!.GetAttribute("aria-current"));
        Assert.NotNull(document.QuerySelector("nav.subcategories a[href='/c/power-charging']"));
        Assert.Equal(fixture.ProductsUnder("audio").Count, document.CardNames().Count);
    }

    [Theory]
    [InlineData("price-asc")]
    [InlineData("price-desc")]
    [InlineData("name")]
    [InlineData("newest")]
    [InlineData("rating")]
    public async Task Sorting_is_visible_in_the_listing(string sort)
    {
        var document = await Page($"/c/electronics?sort={sort}");
        var source = fixture.ProductsUnder("electronics");
        var names = document.CardNames();
        var prices = document.CardPrices();
        Assert.Equal(source.Count, names.Count);

        switch (sort)
        {
            case "price-asc": Assert.Equal(prices.Order(), prices); break;
            case "price-desc": Assert.Equal(prices.OrderDescending(), prices); break;
            case "name": Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names); break;
            case "newest": Assert.Equal(source.OrderBy(p => p.DaysAgo).ThenBy(p => fixture.Source.Products.IndexOf(p)).Select(p => p.Name), names); break;
            case "rating":
                var ratings = names.Select(n => source.Single(p => p.Name == n)).Select(p => p.Reviews is { Count: > 0 } r ? r.Average(x => x.Rating) : 0).ToList();
                Assert.Equal(ratings.OrderDescending(), ratings);
                break;
        }
        Assert.Equal(sort, ((IHtmlSelectElement)document.QuerySelector("select#filter-sort")!).Value);
        Assert.NotNull(document.QuerySelector("select#filter-sort option[selected][value='" + sort + "']"));
    }

    [Fact]
    public async Task Price_filters_narrow_the_listing()
    {
        var document = await Page("/c/electronics?min=60&max=130");
        var expected = fixture.ProductsUnder("electronics").Where(p => p.Price is >= 60m and <= 130m).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(p => p.Name).Order(), document.CardNames().Order());
        Assert.All(document.CardPrices(), price => Assert.InRange(price, 60m, 130m));
        Assert.Equal("60", ((IHtmlInputElement)document.QuerySelector("#filter-min")!).Value);
        Assert.Equal("130", ((IHtmlInputElement)document.QuerySelector("#filter-max")!).Value);
        Assert.Empty(document.QuerySelectorAll(".field__error"));
        Assert.NotNull(document.QuerySelector("a[href='/c/electronics']:not([aria-current])"));
    }

    [Fact]
    public async Task The_filter_form_submits_to_the_listing()
    {
        var document = await Page("/c/audio");
        var form = document.QuerySelector("form.filters__form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/c/audio", form.GetAttribute("action"));
        Assert.Equal("Min price", document.QuerySelector("label[for='filter-min']")!.Text());
        Assert.Equal("min", document.QuerySelector("#filter-min")!.GetAttribute("name"));
        Assert.Equal("max", document.QuerySelector("#filter-max")!.GetAttribute("name"));
        Assert.Equal("sort", document.QuerySelector("#filter-sort")!.GetAttribute("name"));
    }

    [Theory]
    [InlineData("min=abc", "filter-min", "Min price must be a number.")]
    [InlineData("min=-5", "filter-min", "Min price cannot be negative.")]
    [InlineData("min=50&max=10", "filter-min", "Min price cannot be above max price.")]
    [InlineData("max=abc", "filter-max", "Max price must be a number.")]
    [InlineData("max=-1", "filter-max", "Max price cannot be negative.")]
    [InlineData("min=1e3", "filter-min", "Min price must be a number.")]
    [InlineData("min=1,5", "filter-min", "Min price must be a number.")]
    [InlineData("max=1,000", "filter-max", "Max price must be a number.")]
    public async Task An_invalid_price_filter_is_reported_next_to_its_field_and_ignored(string query, string field, string message)
    {
        var document = await Page($"/c/electronics?{query}");

        var error = document.QuerySelector($"#{field}-error")!;
        Assert.NotNull(error);
        Assert.Equal(message, error.Text());
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Same(document.QuerySelector($"#{field}")!.ParentElement!.ParentElement!.ParentElement, error.ParentElement);
        Assert.Equal("true", document.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Equal($"{field}-error", document.QuerySelector($"#{field}")!.GetAttribute("aria-describedby"));
        var other = field == "filter-min" ? "filter-max" : "filter-min";
        Assert.Null(document.QuerySelector($"#{other}")!.GetAttribute("aria-invalid"));

        // The bad filter is left out: every product of the category is still listed.
        Assert.Equal(fixture.ProductsUnder("electronics").Count, document.CardNames().Count);
    }

    [Fact]
    public async Task A_long_listing_has_pages()
    {
        var first = await Page($"/c/{StorefrontFixture.PagingSlug}");
        Assert.Equal(24, first.CardNames().Count);
        Assert.Equal("Showing 1–24 of 30 products", first.QuerySelector(".listing__count")!.Text());
        Assert.Equal("1", first.QuerySelector(".pager [aria-current='page']")!.Text());
        Assert.Null(first.QuerySelector(".pager a[rel='prev']"));
        Assert.EndsWith("/c/paging-test?page=2", first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href"));

        var second = await Page($"/c/{StorefrontFixture.PagingSlug}?page=2");
        Assert.Equal(6, second.CardNames().Count);
        Assert.Equal("Showing 25–30 of 30 products", second.QuerySelector(".listing__count")!.Text());
        Assert.Equal("2", second.QuerySelector(".pager [aria-current='page']")!.Text());
        Assert.Contains("page 2", second.Title);
        Assert.Null(second.QuerySelector(".pager a[rel='next']"));
        Assert.EndsWith("/c/paging-test", second.QuerySelector(".pager a[rel='prev']")!.GetAttribute("href"));
        Assert.Empty(first.CardNames().Intersect(second.CardNames()));
    }

    [Fact]
    public async Task Paging_keeps_the_sort_and_filters()
    {
        var first = await Page($"/c/{StorefrontFixture.PagingSlug}?sort=name&min=100");
        var second = await Page($"/c/{StorefrontFixture.PagingSlug}?sort=name&min=100&page=2");
        var names = first.CardNames().Concat(second.CardNames()).ToList();
        Assert.Equal(30, names.Count);
        Assert.Equal(Enumerable.Range(1, 30).Select(n => $"Pager Item {n:D2}"), names);

        var next = new Uri(new Uri("http://localhost"), first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(next.Query);
        Assert.Equal("name", query["sort"].ToString());
        Assert.Equal("100", query["min"].ToString());
        Assert.Equal("2", query["page"].ToString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task An_unreadable_page_number_shows_the_first_page(string page)
    {
        var document = await Page($"/c/{StorefrontFixture.PagingSlug}?page={page}");
        Assert.Equal(24, document.CardNames().Count);
        Assert.Equal("1", document.QuerySelector(".pager [aria-current='page']")!.Text());
    }

    [Fact]
    public async Task A_page_past_the_end_says_so()
    {
        var document = await Page($"/c/{StorefrontFixture.PagingSlug}?page=99");
        Assert.Empty(document.CardNames());
        Assert.Equal("Page 99 is past the last page (2).", document.QuerySelector(".listing__count")!.Text());
    }

    [Fact]
    public async Task A_page_number_far_past_the_end_lists_nothing()
    {
        var document = await Page("/c/electronics?page=2147483647");
        Assert.Empty(document.CardNames());
        Assert.Equal("Page 2147483647 is past the last page (1).", document.QuerySelector(".listing__count")!.Text());
    }

    [Fact]
    public async Task Search_with_too_long_a_query_explains_the_limit()
    {
        var document = await Page($"/search?q={new string('a', 201)}");
        Assert.Equal("The search text can be at most 200 characters.", document.QuerySelector(".field__error[role='alert']")!.Text());
        Assert.Empty(document.CardNames());
    }

    [Fact]
    public async Task Search_shows_results_and_their_count()
    {
        var document = await Page("/search?q=headphones");
        var api = ApiAssert.Success(await fixture.Client.GetJsonAsync("/api/v1/products/search?q=headphones&pageSize=100"));
        var total = api.GetProperty("totalCount").GetInt32();
        Assert.True(total > 0);

        Assert.Equal("Results for “headphones”", document.QuerySelector("h1")!.Text());
        Assert.Equal($"{total} {(total == 1 ? "product" : "products")} found", document.QuerySelector(".listing__count")!.Text());
        Assert.Equal(
            api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()),
            document.CardNames());
        Assert.Equal("Search: headphones · Harbor Supply", document.Title);
        Assert.Equal("headphones", ((IHtmlInputElement)document.QuerySelector("form.store-search input[name='q']")!).Value);
    }

    [Fact]
    public async Task Search_without_words_asks_for_some()
    {
        var document = await Page("/search");
        Assert.Equal("Search", document.QuerySelector("h1")!.Text());
        Assert.Empty(document.CardNames());
        Assert.Equal("Search · Harbor Supply", document.Title);

        var blank = await Page("/search?q=%20%20");
        Assert.Equal("Search", blank.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Search_with_no_match_says_nothing_matches()
    {
        var document = await Page("/search?q=zzqqxx");
        Assert.Empty(document.CardNames());
        Assert.Contains("Nothing matches “zzqqxx”", document.QuerySelector(".empty-state")!.Text());
    }

    [Fact]
    public async Task Search_pages_past_24_results()
    {
        var first = await Page("/search?q=pager");
        Assert.Equal("30 products found", first.QuerySelector(".listing__count")!.Text());
        Assert.Equal(24, first.CardNames().Count);
        var second = await Page("/search?q=pager&page=2");
        Assert.Equal(6, second.CardNames().Count);
        Assert.Contains("q=pager", second.QuerySelector(".pager a[rel='prev']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_product_page_shows_everything_about_the_product()
    {
        var source = fixture.Source.Products.Single(p => p.Slug == "driftwood-wireless-headphones");
        var document = await Page("/products/driftwood-wireless-headphones");

        Assert.Equal(source.Name, document.QuerySelector("h1")!.Text());
        Assert.Equal($"{source.Name} · Harbor Supply", document.Title);
        Assert.Equal(source.Description, document.QuerySelector("meta[name='description']")!.GetAttribute("content"));

        var price = document.QuerySelector(".product__price")!;
        Assert.Equal("$129.00", price.QuerySelector(".price-tag__now")!.Text());
        Assert.Equal("$159.00", price.QuerySelector("s")!.Text());
        Assert.Equal("Save 19%", price.QuerySelector(".price-tag__saving")!.Text());
        Assert.Equal("In stock", document.QuerySelector(".product__stock .stock")!.Text());
        Assert.Contains(source.Sku, document.QuerySelector(".product__sku")!.Text());

        Assert.Equal(source.Tags!.Select(t => "#" + t), document.QuerySelectorAll("ul.tags .tag").Select(t => t.Text()));
        Assert.Equal($"/search?q={source.Tags![0]}", document.QuerySelector("ul.tags .tag")!.GetAttribute("href"));
        Assert.Equal(source.Attributes!.Select(a => (a.Name, a.Value)),
            document.QuerySelectorAll(".product__attributes > div").Select(d => (d.QuerySelector("dt")!.Text(), d.QuerySelector("dd")!.Text())));
        Assert.Equal(source.Specifications!.Select(s => (s.Name, s.Value)),
            document.QuerySelectorAll("table.specs tr").Select(r => (r.QuerySelector("th")!.Text(), r.QuerySelector("td")!.Text())));

        var reviews = document.QuerySelectorAll("#reviews li.review").ToList();
        Assert.Equal(source.Reviews!.Count, reviews.Count);
        Assert.Equal(source.Reviews.OrderBy(r => r.DaysAgo).Select(r => r.Author),
            reviews.Select(r => r.QuerySelector(".review__meta")!.Text().Split(" · ")[0]));
        Assert.Contains(source.Reviews[0].Comment!, document.QuerySelector("#reviews")!.Text());

        Assert.Equal(["Home", "Electronics", "Audio", source.Name], document.QuerySelectorAll("nav.breadcrumbs li").Select(li => li.Text()));
        var paragraphs = document.QuerySelectorAll(".product-details__section p").Select(p => p.Text()).ToList();
        Assert.Equal(source.LongDescription!.Split("\n\n").Length, paragraphs.Count);

        var related = document.QuerySelectorAll("section[aria-labelledby='related-title'] .product-card__title a").Select(a => a.Text()).ToList();
        Assert.InRange(related.Count, 1, 4);
        Assert.DoesNotContain(source.Name, related);
        Assert.All(related, name => Assert.Equal("audio", fixture.Source.Products.Single(p => p.Name == name).Category));
    }

    [Fact]
    public async Task The_product_gallery_shows_every_image_with_alt_text()
    {
        var source = fixture.Source.Products.First(p => p.Images!.Count > 1);
        var document = await Page($"/products/{source.Slug}");
        var images = document.QuerySelectorAll(".gallery__stage img").ToList();
        Assert.Equal(source.Images!.Select(i => i.Url), images.Select(i => i.GetAttribute("src")));
        Assert.Equal(source.Images!.Select(i => i.Alt), images.Select(i => i.GetAttribute("alt")));
    }

    [Theory]
    [InlineData("driftwood-buds-true-wireless-earbuds", "Out of stock")]
    [InlineData("driftwood-spin-record-player", "Only 2 left")]
    public async Task A_product_page_shows_the_stock_state(string slug, string text)
    {
        var document = await Page($"/products/{slug}");
        Assert.Equal(text, document.QuerySelector(".product__stock .stock")!.Text());
    }

    [Fact]
    public async Task A_product_without_a_sale_shows_no_struck_price()
    {
        var source = fixture.Source.Products.First(p => p.CompareAtPrice is null);
        var document = await Page($"/products/{source.Slug}");
        Assert.Null(document.QuerySelector(".product__price s"));
        Assert.Equal(source.Price.ToString("C", EnUs), document.QuerySelector(".product__price .price-tag__now")!.Text());
    }

    [Theory]
    [InlineData("/c/no-such-category")]
    [InlineData("/products/no-such-product")]
    [InlineData("/nope")]
    [InlineData("/nope/deeper/still")]
    public async Task Unknown_pages_are_a_404_with_the_friendly_page(string url)
    {
        var document = await Page(url, HttpStatusCode.NotFound);
        Assert.Contains("not found", document.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("We couldn’t find that page", document.QuerySelector("h1")!.Text());
        Assert.NotNull(document.QuerySelector("form[action='/search'] input[name='q']"));
        Assert.Equal(fixture.Source.Categories.Count, document.QuerySelectorAll(".not-found__categories a").Length);
    }

    [Fact]
    public async Task An_archived_product_page_is_not_found()
    {
        using var app = new StoreApp();
        await app.WithDbAsync(db => db.Products.Where(p => p.Slug == "driftwood-wireless-headphones")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProductStatus.Archived)));
        using var response = await app.CreateRawClient().GetAsync("/products/driftwood-wireless-headphones");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await response.ReadHtmlAsync();
        Assert.Contains("not found", document.Title, StringComparison.OrdinalIgnoreCase);
        var audio = await (await app.CreateRawClient().GetAsync("/c/audio")).ReadHtmlAsync();
        Assert.DoesNotContain("Driftwood Wireless Headphones", audio.CardNames());
    }

    [Fact]
    public async Task Every_page_has_its_own_meaningful_title()
    {
        string[] urls =
        [
            "/", "/c/electronics", "/c/audio", $"/c/{StorefrontFixture.PagingSlug}?page=2", "/search", "/search?q=lamp",
            "/products/driftwood-wireless-headphones", "/products/lumenfield-arc-desk-lamp", "/account/login", "/account/register",
        ];
        var titles = new List<string>();
        foreach (var url in urls)
        {
            var document = await Page(url);
            var title = document.Title ?? "";
            Assert.Contains("Harbor Supply", title);
            Assert.NotEqual("Harbor Supply", title.Trim());
            Assert.Single(document.QuerySelectorAll("title"));
            Assert.Single(document.QuerySelectorAll("h1"));
            Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
            titles.Add(title);
        }
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/c/audio")]
    [InlineData("/c/electronics?sort=price-asc&min=10&max=500&page=1")]
    [InlineData("/c/electronics?min=abc")]
    [InlineData("/search?q=lamp")]
    [InlineData("/search")]
    [InlineData("/products/driftwood-wireless-headphones")]
    [InlineData("/c/no-such-category")]
    [InlineData("/products/no-such-product")]
    public async Task Anonymous_catalog_pages_set_no_cookie(string url)
    {
        using var response = await fixture.Client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound);
        Assert.Empty(response.SetCookies());
        Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_header_search_box_and_cart_link_are_labelled()
    {
        var document = await Page("/");
        var search = document.QuerySelector("form.store-search")!;
        Assert.Equal("/search", search.GetAttribute("action"));
        Assert.Equal("get", search.GetAttribute("method"));
        Assert.Equal("Search products", search.QuerySelector("input[name='q']")!.GetAttribute("aria-label"));
        // A shared page: the count and the account are filled in by store.js; the links work without it.
        Assert.Equal("Cart", document.QuerySelector("a.store-cart")!.GetAttribute("aria-label"));
        Assert.Equal("/cart", document.QuerySelector("a.store-cart")!.GetAttribute("href"));
        var account = document.QuerySelector("a[data-store-account-link]")!;
        Assert.Equal("/account", account.GetAttribute("href"));
        Assert.Equal("/account/login", account.GetAttribute("data-sign-in-href"));
    }
}
