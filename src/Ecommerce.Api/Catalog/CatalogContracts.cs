using System.Globalization;
using Ecommerce.Shared.Catalog;

namespace Ecommerce.Api.Catalog;

// The product and category shapes of document 002 ("Product Catalog Service API"). Ids are strings, money is
// a number with two decimals, times are UTC ISO-8601.

public sealed record CategoryRefDto(string Id, string Name, string Slug);

public sealed record ProductImageDto(string Url, string Alt, bool IsPrimary);

public sealed record AttributeDto(string Name, string Value);

public sealed record ProductDto(
    string Id,
    string Name,
    string Slug,
    string Description,
    decimal Price,
    decimal? CompareAtPrice,
    string Sku,
    CategoryRefDto? Category,
    IReadOnlyList<ProductImageDto> Images,
    int Stock,
    bool InStock,
    double Rating,
    int ReviewCount,
    IReadOnlyList<string> Tags,
    IReadOnlyList<AttributeDto> Attributes,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record ReviewDto(string Id, string? UserId, string UserName, int Rating, string? Title, string? Comment, DateTime CreatedAt);

public sealed record ProductDetailDto(
    string Id,
    string Name,
    string Slug,
    string Description,
    string? LongDescription,
    decimal Price,
    decimal? CompareAtPrice,
    string Sku,
    CategoryRefDto? Category,
    IReadOnlyList<ProductImageDto> Images,
    int Stock,
    bool InStock,
    double Rating,
    int ReviewCount,
    IReadOnlyList<string> Tags,
    IReadOnlyList<AttributeDto> Attributes,
    IReadOnlyList<ReviewDto> Reviews,
    IReadOnlyDictionary<string, string> Specifications,
    IReadOnlyList<string> RelatedProducts,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>A page of search results: the pagination object plus the query that was run.</summary>
public sealed record SearchResultsDto(
    IReadOnlyList<ProductDto> Items,
    string Query,
    int PageNumber,
    int PageSize,
    int TotalPages,
    int TotalCount,
    bool HasPreviousPage,
    bool HasNextPage);

public sealed record CategoryDto(
    string Id,
    string Name,
    string Slug,
    string? Description,
    string? Image,
    int ProductCount,
    string? ParentId,
    IReadOnlyList<CategoryDto> Children);

internal static class CatalogMapping
{
    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static ProductDto ToDto(this ProductSummary p, Uri baseUri) => new(
        Id(p.Id), p.Name, p.Slug, p.Description,
        p.Price.ToDecimal(), p.CompareAtPrice?.ToDecimal(), p.Sku,
        p.Category is { } c ? new CategoryRefDto(Id(c.Id), c.Name, c.Slug) : null,
        p.Images.Select(i => new ProductImageDto(Absolute(baseUri, i.Url), i.Alt, i.IsPrimary)).ToList(),
        p.Stock, p.InStock, p.Rating, p.ReviewCount, p.Tags,
        p.Attributes.Select(a => new AttributeDto(a.Name, a.Value)).ToList(),
        p.CreatedAt, p.UpdatedAt);

    public static ProductDetailDto ToDto(this ProductDetails d, Uri baseUri)
    {
        var p = d.Summary;
        var specifications = new Dictionary<string, string>();
        foreach (var spec in d.Specifications) specifications.TryAdd(spec.Name, spec.Value);
        return new ProductDetailDto(
            Id(p.Id), p.Name, p.Slug, p.Description, d.LongDescription,
            p.Price.ToDecimal(), p.CompareAtPrice?.ToDecimal(), p.Sku,
            p.Category is { } c ? new CategoryRefDto(Id(c.Id), c.Name, c.Slug) : null,
            p.Images.Select(i => new ProductImageDto(Absolute(baseUri, i.Url), i.Alt, i.IsPrimary)).ToList(),
            p.Stock, p.InStock, p.Rating, p.ReviewCount, p.Tags,
            p.Attributes.Select(a => new AttributeDto(a.Name, a.Value)).ToList(),
            d.Reviews.Select(r => new ReviewDto(Id(r.Id), r.UserId, r.UserName, r.Rating, r.Title, r.Comment, r.CreatedAt)).ToList(),
            specifications,
            d.RelatedProducts.Select(r => Id(r.Id)).ToList(),
            p.CreatedAt, p.UpdatedAt);
    }

    public static CategoryDto ToDto(this CategoryNode node, Uri baseUri) => new(
        Id(node.Id), node.Name, node.Slug, node.Description,
        node.ImageUrl is null ? null : Absolute(baseUri, node.ImageUrl),
        node.ProductCount,
        node.ParentId is { } parent ? Id(parent) : null,
        node.Children.Select(c => c.ToDto(baseUri)).ToList());

    /// <summary>Images ship with the store as site-relative paths; API clients get absolute URLs.</summary>
    public static string Absolute(Uri baseUri, string url) =>
        url.StartsWith('/') ? new Uri(baseUri, url).ToString() : url;
}
