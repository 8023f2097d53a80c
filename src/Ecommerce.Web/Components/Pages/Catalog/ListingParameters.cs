using System.Globalization;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Web.Components.Shared;

namespace Ecommerce.Web.Components.Pages.Catalog;

/// <summary>
/// Reads a storefront listing's query string (page, sort, min, max) into a catalog query. Values a person
/// typed wrong never fail the page: an unreadable page number means page 1, and a price filter that does not
/// validate is reported next to its field and left out of the query.
/// </summary>
public sealed record ListingParameters(ProductListQuery Query, StorefrontSort.Option Sort, decimal? MinPrice, decimal? MaxPrice, IReadOnlyList<Error> Errors)
{
    public const int PageSize = 24;

    public static ListingParameters Parse(string? category, string? page, string? sort, string? min, string? max)
    {
        var errors = new List<Error>();
        var minPrice = ParsePrice(min, "minPrice", "Min price", errors);
        var maxPrice = ParsePrice(max, "maxPrice", "Max price", errors);

        // The same rules as the API's (ProductListQuery.Validate), worded for a shopper; a bad filter is left out.
        decimal? minFilter = minPrice, maxFilter = maxPrice;
        if (minPrice < 0) { errors.Add(Error.Validation("minPrice", "Min price cannot be negative.")); minFilter = null; }
        if (maxPrice < 0) { errors.Add(Error.Validation("maxPrice", "Max price cannot be negative.")); maxFilter = null; }
        if (minFilter > maxFilter)
        {
            errors.Add(Error.Validation("minPrice", "Min price cannot be above max price."));
            minFilter = maxFilter = null;
        }

        var option = StorefrontSort.Resolve(sort);
        var query = new ProductListQuery
        {
            PageNumber = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : 1,
            PageSize = PageSize,
            Category = category,
            MinPrice = minFilter,
            MaxPrice = maxFilter,
            SortBy = option.SortBy,
            SortOrder = option.SortOrder,
        };
        return new ListingParameters(query, option, minPrice, maxPrice, errors);
    }

    private static decimal? ParsePrice(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (InvariantNumbers.TryParseDecimal(text, out var value) && value <= ProductListQuery.MaxPriceFilter)
            return value;
        errors.Add(Error.Validation(field, $"{label} must be a number."));
        return null;
    }
}
