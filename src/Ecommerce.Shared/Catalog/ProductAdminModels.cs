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
    long Version)
{
    /// <summary>The page title search engines show, when it should differ from the name.</summary>
    public string? SeoTitle { get; init; }
    /// <summary>The page description search engines show, when it should differ from the short description.</summary>
    public string? SeoDescription { get; init; }
}

public sealed record ProductImageInput(string Url, string? Alt, bool IsPrimary);

/// <summary>A new product, or the fields of one to change (a partial update: unset fields are left alone).</summary>
public sealed record ProductInput
{
    public Optional<string?> Name { get; init; }
    public Optional<string?> Slug { get; init; }
    public Optional<string?> Sku { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<string?> LongDescription { get; init; }
    public Optional<decimal?> Price { get; init; }
    public Optional<decimal?> CompareAtPrice { get; init; }
    public Optional<int?> CategoryId { get; init; }
    public Optional<int?> Stock { get; init; }
    public Optional<IReadOnlyList<string>?> Tags { get; init; }
    public Optional<IReadOnlyList<NameValue>?> Attributes { get; init; }
    public Optional<IReadOnlyList<NameValue>?> Specifications { get; init; }
    public Optional<bool?> IsFeatured { get; init; }
    /// <summary>"active" or "archived".</summary>
    public Optional<string?> Status { get; init; }
    /// <summary>Pictures by URL (admin API); the editor uploads pictures separately.</summary>
    public Optional<IReadOnlyList<ProductImageInput>?> Images { get; init; }
    public Optional<string?> SeoTitle { get; init; }
    public Optional<string?> SeoDescription { get; init; }

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

    /// <summary>Every field set, as a new product has them: an unset field is empty (no stock: 0).</summary>
    public ProductInput Complete() => this with
    {
        Name = Name.Or(null), Slug = Slug.Or(null), Sku = Sku.Or(null), Description = Description.Or(null), LongDescription = LongDescription.Or(null),
        Price = Price.Or(null), CompareAtPrice = CompareAtPrice.Or(null), CategoryId = CategoryId.Or(null), Stock = Stock.Or(0), Tags = Tags.Or(null),
        Attributes = Attributes.Or(null), Specifications = Specifications.Or(null), IsFeatured = IsFeatured.Or(null), Status = Status.Or(null), Images = Images.Or(null),
        SeoTitle = SeoTitle.Or(null), SeoDescription = SeoDescription.Or(null),
    };

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
