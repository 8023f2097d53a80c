using Ecommerce.Shared.Catalog;
using Ecommerce.Web.Components.Pages.Catalog;
using Ecommerce.Web.Components.Shared;

namespace Ecommerce.Tests.Unit.Web.Components.Pages;

public class ListingParametersTests
{
    [Fact]
    public void Reads_page_sort_and_prices()
    {
        var listing = ListingParameters.Parse("audio", "3", "price-desc", "10.5", "99");
        Assert.Empty(listing.Errors);
        Assert.Equal(new ProductListQuery
        {
            PageNumber = 3, PageSize = ListingParameters.PageSize, Category = "audio",
            MinPrice = 10.5m, MaxPrice = 99m, SortBy = "price", SortOrder = "desc",
        }, listing.Query);
        Assert.Equal("price-desc", listing.Sort.Key);
        Assert.Equal(10.5m, listing.MinPrice);
        Assert.Equal(99m, listing.MaxPrice);
        Assert.Empty(listing.Query.Validate());
    }

    [Fact]
    public void Defaults_to_the_newest_first_page_of_24()
    {
        var listing = ListingParameters.Parse("audio", null, null, null, null);
        Assert.Equal(1, listing.Query.PageNumber);
        Assert.Equal(24, listing.Query.PageSize);
        Assert.Equal("newest", listing.Sort.Key);
        Assert.Equal(("createdAt", "desc"), (listing.Query.SortBy, listing.Query.SortOrder));
        Assert.Null(listing.Query.MinPrice);
        Assert.Null(listing.Query.MaxPrice);
        Assert.Empty(listing.Errors);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999")]
    public void An_unreadable_page_is_page_1(string page)
    {
        var listing = ListingParameters.Parse(null, page, null, null, null);
        Assert.Equal(1, listing.Query.PageNumber);
        Assert.Empty(listing.Errors);
    }

    [Theory]
    [InlineData("newest", "createdAt", "desc")]
    [InlineData("price-asc", "price", "asc")]
    [InlineData("PRICE-DESC", "price", "desc")]
    [InlineData("name", "name", "asc")]
    [InlineData("rating", "rating", "desc")]
    [InlineData("colour", "createdAt", "desc")]
    [InlineData("", "createdAt", "desc")]
    public void Sort_keys_map_to_api_sorts(string key, string sortBy, string sortOrder)
    {
        var listing = ListingParameters.Parse(null, null, key, null, null);
        Assert.Equal((sortBy, sortOrder), (listing.Query.SortBy, listing.Query.SortOrder));
        Assert.Equal(StorefrontSort.Resolve(key), listing.Sort);
    }

    [Theory]
    [InlineData("abc", null, "minPrice", "Min price must be a number.")]
    [InlineData("1e3", null, "minPrice", "Min price must be a number.")]
    [InlineData("2000000000", null, "minPrice", "Min price must be a number.")]
    [InlineData(null, "ten", "maxPrice", "Max price must be a number.")]
    [InlineData("-5", null, "minPrice", "Min price cannot be negative.")]
    [InlineData(null, "-0.01", "maxPrice", "Max price cannot be negative.")]
    [InlineData("50", "10", "minPrice", "Min price cannot be above max price.")]
    public void A_bad_price_is_reported_and_left_out(string? min, string? max, string field, string message)
    {
        var listing = ListingParameters.Parse("audio", null, null, min, max);
        var error = Assert.Single(listing.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
        Assert.Empty(listing.Query.Validate());
        if (field == "minPrice") Assert.Null(listing.Query.MinPrice);
        else Assert.Null(listing.Query.MaxPrice);
    }

    [Fact]
    public void Min_above_max_drops_both_filters()
    {
        var listing = ListingParameters.Parse(null, null, null, "50", "10");
        Assert.Null(listing.Query.MinPrice);
        Assert.Null(listing.Query.MaxPrice);
        // The typed values are still shown in the form.
        Assert.Equal(50m, listing.MinPrice);
        Assert.Equal(10m, listing.MaxPrice);
    }

    [Fact]
    public void Both_prices_negative_report_both_fields()
    {
        var listing = ListingParameters.Parse(null, null, null, "-1", "-2");
        Assert.Equal(["minPrice", "maxPrice"], listing.Errors.Select(e => e.Field));
        Assert.Empty(listing.Query.Validate());
    }

    [Theory]
    [InlineData(" 12.50 ", 12.50)]
    [InlineData("1000", 1000)]
    [InlineData("0", 0)]
    public void Prices_are_read_in_the_invariant_culture(string text, double expected)
    {
        var listing = ListingParameters.Parse(null, null, null, text, null);
        Assert.Empty(listing.Errors);
        Assert.Equal((decimal)expected, listing.Query.MinPrice);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1,000")]
    [InlineData("1.000,50")]
    public void Thousands_separators_and_decimal_commas_are_refused_not_misread(string text)
    {
        var listing = ListingParameters.Parse(null, null, null, text, null);
        Assert.Equal("minPrice", Assert.Single(listing.Errors).Field);
        Assert.Null(listing.Query.MinPrice);
    }
}
