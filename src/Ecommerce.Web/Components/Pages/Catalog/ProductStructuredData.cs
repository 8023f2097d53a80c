using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;

namespace Ecommerce.Web.Components.Pages.Catalog;

/// <summary>
/// A product page as search engines and link previews read it: schema.org <c>Product</c> (with its offer — price,
/// currency, availability — and, once it has reviews, its aggregate rating) and <c>BreadcrumbList</c> as JSON-LD. URLs
/// are absolute, on <c>Store:PublicUrl</c>. The JSON is written with System.Text.Json's default encoder, which escapes
/// &lt;, &gt; and &amp;, so nothing in a product's text can close the script element it sits in.
/// </summary>
public static class ProductStructuredData
{
    public static string Product(ProductDetails product, StoreSettings store)
    {
        var p = product.Summary;
        var url = store.Link($"/products/{p.Slug}");
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Product",
            ["@id"] = url + "#product",
            ["name"] = p.Name,
            ["sku"] = p.Sku,
            ["description"] = p.Description,
            ["url"] = url,
            ["image"] = new JsonArray(p.Images.Select(i => (JsonNode)JsonValue.Create(Absolute(i.Url, store))!).ToArray()),
            ["offers"] = new JsonObject
            {
                ["@type"] = "Offer",
                ["url"] = url,
                ["price"] = p.Price.ToDecimal().ToString("0.00", CultureInfo.InvariantCulture),
                ["priceCurrency"] = store.Currency,
                ["availability"] = p.InStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
                ["itemCondition"] = "https://schema.org/NewCondition",
            },
        };
        if (p.Category is { } category) json["category"] = category.Name;
        if (p.ReviewCount > 0)
            json["aggregateRating"] = new JsonObject
            {
                ["@type"] = "AggregateRating",
                ["ratingValue"] = Math.Round(p.Rating, 1),
                ["reviewCount"] = p.ReviewCount,
                ["bestRating"] = 5,
                ["worstRating"] = 1,
            };
        return json.ToJsonString();
    }

    /// <summary>Home › categories › product, as the page's breadcrumbs show it.</summary>
    public static string Breadcrumbs(ProductDetails product, StoreSettings store)
    {
        var items = new List<(string Name, string Url)> { ("Home", store.Link("/")) };
        items.AddRange(product.Breadcrumbs.Select(c => (c.Name, store.Link($"/c/{c.Slug}"))));
        items.Add((product.Summary.Name, store.Link($"/products/{product.Summary.Slug}")));
        var list = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = new JsonArray(items.Select((item, index) => (JsonNode)new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = index + 1,
                ["name"] = item.Name,
                ["item"] = item.Url,
            }).ToArray()),
        };
        return list.ToJsonString();
    }

    /// <summary>An image URL as a crawler can fetch it.</summary>
    public static string Absolute(string url, StoreSettings store) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? url : store.Link(url);
}
