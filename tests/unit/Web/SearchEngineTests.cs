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
