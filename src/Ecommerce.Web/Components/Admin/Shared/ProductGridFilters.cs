using System.Globalization;
using Ecommerce.Shared.Catalog;

namespace Ecommerce.Web.Components.Admin.Shared;

/// <summary>
/// The product grid's filters, sort and page as they travel in the URL
/// (<c>?q=&amp;category=&amp;stock=&amp;status=&amp;page=&amp;size=&amp;sort=&amp;desc=</c>), so a filtered grid can be shared,
/// survives a reload, and the CSV export link reads exactly what the grid shows. Unknown or malformed values fall
/// back to the defaults instead of failing.
/// </summary>
public sealed record ProductGridFilters
{
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];
    public const string DefaultSort = "updatedAt";

    public string? Search { get; init; }
    public int? CategoryId { get; init; }
    public StockFilter Stock { get; init; } = StockFilter.Any;
    /// <summary>"active" (the default), "archived" or "all".</summary>
    public string Status { get; init; } = "active";
    public int Page { get; init; } = 1;
    public int Size { get; init; } = 25;
    /// <summary>name, sku, price, stock, updatedAt or createdAt.</summary>
    public string Sort { get; init; } = DefaultSort;
    public bool Descending { get; init; } = true;

    public bool IsDefaultSort => Sort == DefaultSort && Descending;

    public static ProductGridFilters Parse(
        string? q, string? category, string? stock, string? status, string? page, string? size, string? sort, string? desc)
    {
        var sortKey = NormalizeSort(sort);
        return new ProductGridFilters
        {
            Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            CategoryId = int.TryParse(category, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : null,
            Stock = ParseStock(stock),
            Status = status?.Trim().ToLowerInvariant() is "archived" or "all" ? status.Trim().ToLowerInvariant() : "active",
            Page = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1,
            Size = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && PageSizes.Contains(s) ? s : PageSizes[0],
            Sort = sortKey ?? DefaultSort,
            // Without a sort the grid shows the most recently updated first; with one, ascending unless desc says otherwise.
            Descending = sortKey is null || desc?.Trim().ToLowerInvariant() is "true" or "1",
        };
    }

    /// <summary>The service's query for these filters.</summary>
    public AdminProductQuery ToQuery() => new()
    {
        Search = Search,
        CategoryId = CategoryId,
        Stock = Stock,
        Status = Status switch { "archived" => ProductStatus.Archived, "all" => null, _ => ProductStatus.Active },
        SortBy = Sort,
        Descending = Descending,
        PageNumber = Page,
        PageSize = Size,
    };

    /// <summary>The query string (without "?"), leaving out defaults; <paramref name="paging"/> false leaves out page and size.</summary>
    public string ToQueryString(bool paging = true)
    {
        var parts = new List<string>();
        void Add(string name, string value) => parts.Add($"{name}={Uri.EscapeDataString(value)}");
        if (!string.IsNullOrEmpty(Search)) Add("q", Search);
        if (CategoryId is { } category) Add("category", category.ToString(CultureInfo.InvariantCulture));
        if (Stock != StockFilter.Any) Add("stock", StockName(Stock));
        if (Status != "active") Add("status", Status);
        if (!IsDefaultSort)
        {
            Add("sort", Sort);
            if (Descending) Add("desc", "true");
        }
        if (paging && Page > 1) Add("page", Page.ToString(CultureInfo.InvariantCulture));
        if (paging && Size != PageSizes[0]) Add("size", Size.ToString(CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }

    /// <summary>The same filters, sort and page as a grid URL.</summary>
    public string ToUrl(string path = "/admin/products")
    {
        var query = ToQueryString();
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    /// <summary>The CSV download of every product these filters match (all pages).</summary>
    public string ExportUrl()
    {
        var query = ToQueryString(paging: false);
        return query.Length == 0 ? ExportPath : $"{ExportPath}?{query}";
    }

    public const string ExportPath = "/admin/products/export.csv";

    public static string StockName(StockFilter stock) => stock switch
    {
        StockFilter.InStock => "inStock",
        StockFilter.Low => "low",
        StockFilter.Out => "out",
        _ => "any",
    };

    private static StockFilter ParseStock(string? stock) => stock?.Trim().ToLowerInvariant() switch
    {
        "instock" or "in-stock" or "in" => StockFilter.InStock,
        "low" => StockFilter.Low,
        "out" => StockFilter.Out,
        _ => StockFilter.Any,
    };

    private static string? NormalizeSort(string? sort) => sort?.Trim().ToLowerInvariant() switch
    {
        "name" => "name",
        "sku" => "sku",
        "price" => "price",
        "stock" => "stock",
        "createdat" => "createdAt",
        "updatedat" => "updatedAt",
        _ => null,
    };
}
