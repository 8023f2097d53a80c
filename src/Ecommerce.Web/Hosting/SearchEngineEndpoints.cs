using System.Globalization;
using System.Text;
using System.Xml;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Microsoft.Extensions.Options;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// What search engines read before the pages: <c>/robots.txt</c> (the catalog is open; cart, checkout, account, back
/// office, search results and the API are not for indexing) and the sitemaps — <c>/sitemap.xml</c> is a sitemap index
/// naming <c>/sitemaps/pages.xml</c> (home and categories) and <c>/sitemaps/products-N.xml</c> (active products, at most
/// <c>Seo:SitemapPageSize</c> each, with their last change). URLs are absolute, on <c>Store:PublicUrl</c>.
/// </summary>
public static class SearchEngineEndpoints
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string CacheControl = "public, max-age=3600";

    /// <summary>Paths search engines should leave alone (also marked noindex on the pages themselves).</summary>
    public static readonly IReadOnlyList<string> Disallowed = ["/cart", "/checkout", "/account", "/admin", "/search", "/orders", "/api/"];

    public static IEndpointRouteBuilder MapSearchEngineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        endpoints.MapGet("/sitemap.xml", SitemapIndexAsync).ExcludeFromDescription();
        endpoints.MapGet("/sitemaps/pages.xml", PagesAsync).ExcludeFromDescription();
        endpoints.MapGet("/sitemaps/products-{page:int}.xml", ProductsAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Robots(HttpContext context, IOptions<StoreSettings> store)
    {
        var text = new StringBuilder("User-agent: *\n");
        foreach (var path in Disallowed) text.Append("Disallow: ").Append(path).Append('\n');
        text.Append("\nSitemap: ").Append(store.Value.Link("/sitemap.xml")).Append('\n');
        context.Response.Headers.CacheControl = CacheControl;
        return Results.Text(text.ToString(), "text/plain; charset=utf-8");
    }

    private static async Task<IResult> SitemapIndexAsync(HttpContext context, SitemapService sitemaps, IOptions<StoreSettings> store)
    {
        var pages = await sitemaps.ProductPageCountAsync(context.RequestAborted);
        var lastChange = await sitemaps.LastCatalogChangeAsync(context.RequestAborted);
        var files = new List<SitemapEntry> { new("/sitemaps/pages.xml", lastChange ?? DateTime.UnixEpoch) };
        files.AddRange(Enumerable.Range(1, pages).Select(n => new SitemapEntry($"/sitemaps/products-{n}.xml", lastChange ?? DateTime.UnixEpoch)));
        return Xml(context, "sitemapindex", "sitemap", files, store.Value);
    }

    private static async Task<IResult> PagesAsync(HttpContext context, SitemapService sitemaps, IOptions<StoreSettings> store) =>
        Xml(context, "urlset", "url", await sitemaps.PagesAsync(context.RequestAborted), store.Value);

    private static async Task<IResult> ProductsAsync(int page, HttpContext context, SitemapService sitemaps, IOptions<StoreSettings> store) =>
        await sitemaps.ProductsAsync(page, context.RequestAborted) is { } entries
            ? Xml(context, "urlset", "url", entries, store.Value)
            : Results.NotFound();

    private static IResult Xml(HttpContext context, string root, string element, IEnumerable<SitemapEntry> entries, StoreSettings store)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root, SitemapNamespace);
            foreach (var entry in entries)
            {
                xml.WriteStartElement(element, SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, store.Link(entry.Path));
                xml.WriteElementString("lastmod", SitemapNamespace, entry.LastModified.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        context.Response.Headers.CacheControl = CacheControl;
        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
