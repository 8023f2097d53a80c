using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Catalog;

public enum StockFilter { Any, InStock, Low, Out }

/// <summary>Filters, sort and page of the back office's product grid.</summary>
public sealed record AdminProductQuery
{
    public int PageNumber { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>Words of the name or SKU (word-prefix match), or an exact SKU.</summary>
    public string? Search { get; init; }
    /// <summary>Includes the category's sub-categories.</summary>
    public int? CategoryId { get; init; }
    public StockFilter Stock { get; init; } = StockFilter.Any;
    public ProductStatus? Status { get; init; }
    /// <summary>name, sku, price, stock, updatedAt or createdAt.</summary>
    public string SortBy { get; init; } = "updatedAt";
    public bool Descending { get; init; } = true;
}

public sealed record AdminProductRow(
    int Id, string Name, string Sku, string Slug, int? CategoryId, string? CategoryName, Money Price, Money? CompareAtPrice,
    int Stock, ProductStatus Status, bool IsFeatured, string? ImageUrl, DateTime UpdatedAt, long Version);

public sealed record AdminImage(int Id, string Url, string Alt, bool IsPrimary, int SortOrder);

/// <summary>A product as the editor shows it.</summary>
public sealed record ProductEdit(
    int Id, string Name, string Slug, string Sku, string Description, string? LongDescription, decimal Price, decimal? CompareAtPrice,
    int? CategoryId, int Stock, IReadOnlyList<string> Tags, IReadOnlyList<NameValue> Attributes, IReadOnlyList<NameValue> Specifications,
    bool IsFeatured, ProductStatus Status, IReadOnlyList<AdminImage> Images, bool InOrders, DateTime CreatedAt, DateTime UpdatedAt,
    long Version);

public sealed record ProductImageInput(string Url, string? Alt, bool IsPrimary);

/// <summary>
/// A product as the editor, the admin API and the CSV import write it. <see cref="Present"/> lists the fields a
/// partial update changes (camelCase names, as the API writes them); null means every field is given.
/// </summary>
public sealed record ProductInput
{
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Sku { get; init; }
    public string? Description { get; init; }
    public string? LongDescription { get; init; }
    public decimal? Price { get; init; }
    public decimal? CompareAtPrice { get; init; }
    public int? CategoryId { get; init; }
    public int? Stock { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<NameValue>? Attributes { get; init; }
    public IReadOnlyList<NameValue>? Specifications { get; init; }
    public bool? IsFeatured { get; init; }
    /// <summary>"active" or "archived".</summary>
    public string? Status { get; init; }
    /// <summary>Pictures by URL (admin API); the editor uploads pictures separately.</summary>
    public IReadOnlyList<ProductImageInput>? Images { get; init; }
    public IReadOnlySet<string>? Present { get; init; }

    /// <summary>
    /// The <see cref="Product.Version"/> the caller loaded. When given and the product has moved on since, the update
    /// is refused with <c>CONFLICT</c> and nothing is written (someone else changed the product meanwhile).
    /// </summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>
    /// The stock the caller saw. When given with a stock change and orders (or anyone) have changed the stock since,
    /// the update is refused with <c>CONFLICT</c> naming the current stock, so that a save never overwrites sales.
    /// </summary>
    public int? ExpectedStock { get; init; }

    public bool Has(string field) => Present is null || Present.Contains(field);

}

/// <summary>A change applied to many selected products at once.</summary>
public abstract record BulkEdit
{
    /// <summary>Sets the price (Absolute) or changes it by a percentage (Percent, e.g. -10 for 10 % off).</summary>
    public sealed record SetPrice(bool Percent, decimal Value) : BulkEdit;
    public sealed record SetStock(int Stock) : BulkEdit;
    public sealed record SetCategory(int? CategoryId) : BulkEdit;
    public sealed record Archive : BulkEdit;
    public sealed record Restore : BulkEdit;
}

public enum ProductRemoval { Deleted, Archived }

public sealed record ImportRow(int Line, string? Sku, string Outcome, IReadOnlyList<string> Messages)
{
    public bool Failed => Outcome == "error";
}

/// <summary>What a CSV import did, row by row. A failing row changes nothing.</summary>
public sealed record ImportReport(int Created, int Updated, int Failed, IReadOnlyList<ImportRow> Rows);
