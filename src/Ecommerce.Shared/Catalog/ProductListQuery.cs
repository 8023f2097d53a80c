using System.Globalization;
using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Catalog;

/// <summary>
/// Filters, sort and page of a product listing, named as the API names them. Both the API and the catalog pages
/// build one of these and have it validated here.
/// </summary>
public sealed record ProductListQuery
{
    public int PageNumber { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>A category slug; the listing then includes its sub-categories.</summary>
    public string? Category { get; init; }
    public decimal? MinPrice { get; init; }
    public decimal? MaxPrice { get; init; }
    /// <summary>name, price, createdAt or rating (case-insensitive). Default: createdAt.</summary>
    public string? SortBy { get; init; }
    /// <summary>asc or desc. Default: asc for name and price, desc for createdAt and rating.</summary>
    public string? SortOrder { get; init; }

    public static readonly IReadOnlyList<string> SortFields = ["name", "price", "createdAt", "rating"];

    /// <summary>The largest price a filter may name (far above any real price; keeps cents within range).</summary>
    public const decimal MaxPriceFilter = 1_000_000_000m;

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        Paging.Validate(PageNumber, PageSize, errors);
        if (MinPrice < 0) errors.Add(Error.Validation("minPrice", "minPrice cannot be negative."));
        if (MaxPrice < 0) errors.Add(Error.Validation("maxPrice", "maxPrice cannot be negative."));
        if (MinPrice > MaxPriceFilter) errors.Add(Error.Validation("minPrice", $"minPrice can be at most {MaxPriceFilter.ToString("0", CultureInfo.InvariantCulture)}."));
        if (MaxPrice > MaxPriceFilter) errors.Add(Error.Validation("maxPrice", $"maxPrice can be at most {MaxPriceFilter.ToString("0", CultureInfo.InvariantCulture)}."));
        if (MinPrice >= 0 && MaxPrice >= 0 && MinPrice > MaxPrice)
            errors.Add(Error.Validation("minPrice", "minPrice cannot be greater than maxPrice."));
        if (SortBy is not null && ParseSort(SortBy) is null)
            errors.Add(Error.Validation("sortBy", $"sortBy must be one of: {string.Join(", ", SortFields)}."));
        if (SortOrder is not null && !IsSortOrder(SortOrder))
            errors.Add(Error.Validation("sortOrder", "sortOrder must be asc or desc."));
        return errors;
    }

    public ProductSort Sort => SortBy is null ? ProductSort.CreatedAt : ParseSort(SortBy) ?? ProductSort.CreatedAt;

    public bool Descending => SortOrder is null
        ? Sort is ProductSort.CreatedAt or ProductSort.Rating
        : SortOrder.Equals("desc", StringComparison.OrdinalIgnoreCase);

    private static ProductSort? ParseSort(string value) => value.ToLowerInvariant() switch
    {
        "name" => ProductSort.Name,
        "price" => ProductSort.Price,
        "createdat" => ProductSort.CreatedAt,
        "rating" => ProductSort.Rating,
        _ => null,
    };

    private static bool IsSortOrder(string value) =>
        value.Equals("asc", StringComparison.OrdinalIgnoreCase) || value.Equals("desc", StringComparison.OrdinalIgnoreCase);
}
