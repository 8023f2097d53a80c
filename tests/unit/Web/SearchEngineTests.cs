using System.Net;
using System.Xml.Linq;
using Ecommerce.Shared.Catalog;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Web;

/// <summary>robots.txt, the sitemap index and its pages, and noindex on the pages that are nobody's search result.</summary>
public class SearchEngineTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static StoreApp CreateApp(int pageSize = 50_000) => ShopperApp.Create(new Dictionary<string, string?>
    {
        ["Seo:SitemapPageSize"] = pageSize.ToString(),
        ["Store:PublicUrl"] = "https://shop.example",
    });

    private static async Task<XDocument> XmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Locations(XDocument document) => document.Descendants(Sitemap + "loc").Select(l => l.Value).ToList();

    [Fact]
    public async Task Robots_keeps_crawlers_out_of_personal_pages_and_names_the_sitemap()
    {
        using var app = CreateApp();
        using var client = app.CreateRawClient();

        using var response = await client.GetAsync("/robots.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("User-agent: *\n", text, StringComparison.Ordinal);
        foreach (var path in new[] { "/cart", "/checkout", "/account", "/admin", "/search", "/api/" })
            Assert.Contains($"Disallow: {path}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Disallow: /products", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Disallow: /c/", text, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://shop.example/sitemap.xml", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_index_pages_the_active_products_and_lists_home_and_categories()
    {
        using var app = CreateApp(pageSize: 2);
        var active = new List<int>();
        for (var i = 0; i < 5; i++) active.Add(await app.AddProductAsync(5m + i));
        var archived = await app.AddProductAsync(9m, status: ProductStatus.Archived);
        using var client = app.CreateRawClient();

        var index = await XmlAsync(client, "/sitemap.xml");

        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        Assert.Equal(
            ["https://shop.example/sitemaps/pages.xml", "https://shop.example/sitemaps/products-1.xml",
             "https://shop.example/sitemaps/products-2.xml", "https://shop.example/sitemaps/products-3.xml"],
            Locations(index));
        Assert.All(index.Descendants(Sitemap + "lastmod"), m => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", m.Value));

        var slugs = await app.WithDbAsync(db => Task.FromResult(db.Products.ToDictionary(p => p.Id, p => p.Slug)));
        var listed = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var urls = Locations(await XmlAsync(client, $"/sitemaps/products-{page}.xml"));
            Assert.InRange(urls.Count, 1, 2);
            listed.AddRange(urls);
        }
        Assert.Equal(active.Select(id => $"https://shop.example/products/{slugs[id]}"), listed);
        Assert.DoesNotContain($"https://shop.example/products/{slugs[archived]}", listed);

        using var beyond = await client.GetAsync("/sitemaps/products-4.xml");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    [Fact]
    public async Task The_pages_sitemap_lists_the_home_page_and_every_category()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Seed:DemoCatalog"] = "true", ["Store:PublicUrl"] = "https://shop.example/" });
        using var client = app.CreateRawClient();

        var urls = Locations(await XmlAsync(client, "/sitemaps/pages.xml"));

        var categories = await app.WithDbAsync(db => Task.FromResult(db.Categories.Select(c => c.Slug).ToList()));
        Assert.Equal("https://shop.example/", urls[0]);
        Assert.Equal(categories.Order().Select(slug => $"https://shop.example/c/{slug}"), urls.Skip(1).Order());
    }

    [Theory]
    [InlineData("/cart", true)]
    [InlineData("/search?q=mug", true)]
    [InlineData("/", false)]
    public async Task Personal_and_search_pages_ask_not_to_be_indexed(string url, bool noindex)
    {
        using var app = CreateApp();
        using var client = app.CreateRawClient();

        var (_, page) = await client.GetPageAsync(url);

        var robots = page.QuerySelector("meta[name=robots]")?.GetAttribute("content");
        Assert.Equal(noindex ? "noindex" : null, robots);
    }
}

/// <summary>A product page as search engines and link previews read it: canonical URL, Open Graph, JSON-LD.</summary>
public class ProductStructuredDataTests
{
    [Fact]
    public async Task The_product_page_carries_a_canonical_url_open_graph_and_valid_json_ld()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Store:PublicUrl"] = "https://shop.example" });
        var (slug, categorySlug) = await app.WithDbAsync(async db =>
        {
            var category = await db.AddCategoryAsync("Kettles");
            var product = await db.AddProductAsync("Copper kettle", 48.5m, category, stock: 0, sku: "KET-1",
                description: "Boils fast. </script><script>alert(1)</script>", rating: 4.26, reviewCount: 7);
            return (product.Slug, category.Slug);
        });
        using var client = app.CreateRawClient();

        var (_, page) = await client.GetPageAsync($"/products/{slug}");

        Assert.Equal($"https://shop.example/products/{slug}", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("Copper kettle", page.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Equal("product", page.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
        var blocks = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => System.Text.Json.JsonDocument.Parse(s.TextContent).RootElement).ToList();
        Assert.Equal(2, blocks.Count); // the description's "</script>" did not end the block

        var product = blocks.Single(b => b.GetProperty("@type").GetString() == "Product");
        Assert.Equal("https://schema.org", product.GetProperty("@context").GetString());
        Assert.Equal("Copper kettle", product.GetProperty("name").GetString());
        Assert.Equal("KET-1", product.GetProperty("sku").GetString());
        Assert.Contains("</script>", product.GetProperty("description").GetString(), StringComparison.Ordinal);
        var offer = product.GetProperty("offers");
        Assert.Equal("48.50", offer.GetProperty("price").GetString());
        Assert.Equal("USD", offer.GetProperty("priceCurrency").GetString());
        Assert.Equal("https://schema.org/OutOfStock", offer.GetProperty("availability").GetString());
        Assert.Equal(7, product.GetProperty("aggregateRating").GetProperty("reviewCount").GetInt32());
        Assert.Equal(4.3, product.GetProperty("aggregateRating").GetProperty("ratingValue").GetDouble());

        var crumbs = blocks.Single(b => b.GetProperty("@type").GetString() == "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal(["https://shop.example/", $"https://shop.example/c/{categorySlug}", $"https://shop.example/products/{slug}"],
            crumbs.Select(c => c.GetProperty("item").GetString()));
    }

    [Fact]
    public async Task A_product_without_reviews_has_no_aggregate_rating()
    {
        using var app = ShopperApp.Create();
        var slug = await app.WithDbAsync(async db => (await db.AddProductAsync("Plain mug", 9m)).Slug);
        using var client = app.CreateRawClient();

        var (_, page) = await client.GetPageAsync($"/products/{slug}");

        var product = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => System.Text.Json.JsonDocument.Parse(s.TextContent).RootElement)
            .Single(b => b.GetProperty("@type").GetString() == "Product");
        Assert.False(product.TryGetProperty("aggregateRating", out _));
        Assert.Equal("https://schema.org/InStock", product.GetProperty("offers").GetProperty("availability").GetString());
    }
}

/// <summary>Listings name one canonical URL per page; sort and price filters point at it.</summary>
public class CanonicalUrlTests
{
    [Fact]
    public async Task A_category_page_is_canonical_without_its_filters_and_with_its_page_number()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Store:PublicUrl"] = "https://shop.example" });
        var slug = await app.WithDbAsync(async db =>
        {
            var category = await db.AddCategoryAsync("Lamps");
            for (var i = 0; i < 30; i++) await db.AddProductAsync($"Lamp {i}", 10m + i, category);
            return category.Slug;
        });
        using var client = app.CreateRawClient();

        async Task<string?> CanonicalAsync(string url) => (await client.GetPageAsync(url)).Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

        Assert.Equal($"https://shop.example/c/{slug}", await CanonicalAsync($"/c/{slug}"));
        Assert.Equal($"https://shop.example/c/{slug}", await CanonicalAsync($"/c/{slug}?sort=price-asc&min=12"));
        Assert.Equal($"https://shop.example/c/{slug}?page=2", await CanonicalAsync($"/c/{slug}?page=2&sort=price-desc"));
        Assert.Equal("https://shop.example/", await CanonicalAsync("/"));
        var description = (await client.GetPageAsync($"/c/{slug}")).Document.QuerySelector("meta[name=description]")?.GetAttribute("content");
        Assert.Contains("Lamps", description, StringComparison.Ordinal);
    }
}

/// <summary>The shop can give a product or category its own search-engine title and description.</summary>
public class SeoFieldsTests(ShopperAdminFixture fixture) : IClassFixture<ShopperAdminFixture>
{
    [Fact]
    public async Task A_products_seo_title_and_description_replace_the_defaults_on_its_page()
    {
        var product = await fixture.App.AddProductAsync(12m, name: "Enamel mug");
        var saved = (await fixture.Admin.Client.PutApiAsync($"/api/v1/products/{product}",
            new { seoTitle = "Enamel camping mug | Harbor Supply", seoDescription = "A chip-resistant enamel mug for the trail." })).Data();
        Assert.Equal("Enamel camping mug | Harbor Supply", saved.Str("seoTitle"));
        var slug = saved.Str("slug");
        using var client = fixture.App.CreateRawClient();

        var (_, page) = await client.GetPageAsync($"/products/{slug}");

        Assert.Equal("Enamel camping mug | Harbor Supply", page.Title);
        Assert.Equal("A chip-resistant enamel mug for the trail.", page.QuerySelector("meta[name=description]")?.GetAttribute("content"));

        // Cleared: the defaults come back.
        (await fixture.Admin.Client.PutApiAsync($"/api/v1/products/{product}", new { seoTitle = "", seoDescription = (string?)null })).Expect(HttpStatusCode.OK);
        var (_, after) = await client.GetPageAsync($"/products/{slug}");
        Assert.StartsWith("Enamel mug", after.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seo_fields_past_their_limits_are_refused_naming_them()
    {
        var product = await fixture.App.AddProductAsync(12m);
        var reply = await fixture.Admin.Client.PutApiAsync($"/api/v1/products/{product}",
            new { seoTitle = new string('t', Ecommerce.Shared.Common.Limits.Product.SeoTitle + 1), seoDescription = new string('d', Ecommerce.Shared.Common.Limits.Product.SeoDescription + 1) });
        Assert.Equal(["seoTitle", "seoDescription"], reply.Expect(HttpStatusCode.BadRequest).ErrorFields);

        var category = await fixture.Admin.Client.PostApiAsync("/api/v1/categories", new { name = "Mugs " + Guid.NewGuid().ToString("N")[..6], seoTitle = new string('t', 71) });
        category.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "seoTitle");
    }

    [Fact]
    public async Task A_categorys_seo_title_and_description_show_on_its_page()
    {
        var created = (await fixture.Admin.Client.PostApiAsync("/api/v1/categories",
            new { name = "Trail gear " + Guid.NewGuid().ToString("N")[..6], seoTitle = "Trail gear for every season", seoDescription = "Packs, poles and stoves." })).Data(HttpStatusCode.Created);
        using var client = fixture.App.CreateRawClient();

        var (_, page) = await client.GetPageAsync($"/c/{created.Str("slug")}");

        Assert.Equal("Trail gear for every season", page.Title);
        Assert.Equal("Packs, poles and stoves.", page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
    }
}
