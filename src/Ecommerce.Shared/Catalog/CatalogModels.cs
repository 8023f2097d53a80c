using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Catalog;

public sealed record CategoryRef(int Id, string Name, string Slug);

public sealed record ProductImageInfo(string Url, string Alt, bool IsPrimary);

public sealed record NameValue(string Name, string Value);

/// <summary>A product as listings show it (cards, API lists, search results).</summary>
public sealed record ProductSummary(
    int Id,
    string Name,
    string Slug,
    string Sku,
    string Description,
    Money Price,
    Money? CompareAtPrice,
    CategoryRef? Category,
    IReadOnlyList<ProductImageInfo> Images,
    int Stock,
    double Rating,
    int ReviewCount,
    IReadOnlyList<string> Tags,
    IReadOnlyList<NameValue> Attributes,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public bool InStock => Stock > 0;
    public ProductImageInfo? PrimaryImage => Images.FirstOrDefault(i => i.IsPrimary) ?? Images.FirstOrDefault();
    /// <summary>True when the compare-at price is above the price, i.e. the product is on sale.</summary>
    public bool IsOnSale => CompareAtPrice is { } was && was > Price;
}

public sealed record ReviewInfo(int Id, string? UserId, string UserName, int Rating, string? Title, string? Comment, DateTime CreatedAt);

/// <summary>Everything the product page and the API's product detail show.</summary>
public sealed record ProductDetails(
    ProductSummary Summary,
    string? LongDescription,
    IReadOnlyList<NameValue> Specifications,
    IReadOnlyList<CategoryRef> Breadcrumbs,
    IReadOnlyList<ReviewInfo> Reviews,
    IReadOnlyList<ProductSummary> RelatedProducts)
{
    /// <summary>The product's row version (<see cref="Product.Version"/>), for conditional updates.</summary>
    public long Version { get; init; }
    /// <summary>The page title and description for search engines, when the shop set them.</summary>
    public string? SeoTitle { get; init; }
    public string? SeoDescription { get; init; }
}

/// <summary>A category with its product count (including sub-categories) and its children.</summary>
public sealed record CategoryNode(
    int Id,
    string Name,
    string Slug,
    string? Description,
    string? ImageUrl,
    int? ParentId,
    int ProductCount,
    IReadOnlyList<CategoryNode> Children)
{
    /// <summary>The category's row version (<see cref="Category.Version"/>), for conditional updates.</summary>
    public long Version { get; init; }
}

/// <summary>What a category page needs besides its products.</summary>
public sealed record CategoryPageInfo(
    CategoryRef Category,
    string? Description,
    string? ImageUrl,
    IReadOnlyList<CategoryRef> Breadcrumbs,
    IReadOnlyList<CategoryRef> Children,
    IReadOnlyList<CategoryRef> Siblings)
{
    /// <summary>The page title and description for search engines, when the shop set them.</summary>
    public string? SeoTitle { get; init; }
    public string? SeoDescription { get; init; }
}

public enum ProductSort { CreatedAt, Name, Price, Rating }

public sealed record SearchResult(string Query, PagedResult<ProductSummary> Page);
