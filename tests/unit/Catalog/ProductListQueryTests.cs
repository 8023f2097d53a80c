using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;

namespace Ecommerce.Tests.Unit.Catalog;

public class ProductListQueryTests
{
    private static string[] Fields(ProductListQuery query)
    {
        var errors = query.Validate();
        Assert.All(errors, e => Assert.Equal(ErrorCodes.ValidationError, e.Code));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        return errors.Select(e => e.Field!).ToArray();
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        var query = new ProductListQuery();
        Assert.Empty(query.Validate());
        Assert.Equal(1, query.PageNumber);
        Assert.Equal(20, query.PageSize);
        Assert.Equal(ProductSort.CreatedAt, query.Sort);
        Assert.True(query.Descending);
    }

    [Theory]
    [InlineData(0, "pageNumber")]
    [InlineData(-1, "pageNumber")]
    [InlineData(int.MinValue, "pageNumber")]
    public void Page_number_must_be_at_least_1(int pageNumber, string field)
    {
        Assert.Equal([field], Fields(new ProductListQuery { PageNumber = pageNumber }));
        Assert.Empty(Fields(new ProductListQuery { PageNumber = 1 }));
        Assert.Empty(Fields(new ProductListQuery { PageNumber = int.MaxValue }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(1000)]
    public void Page_size_must_be_between_1_and_100(int pageSize)
    {
        Assert.Equal(["pageSize"], Fields(new ProductListQuery { PageSize = pageSize }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Page_size_limits_are_inclusive(int pageSize)
    {
        Assert.Empty(Fields(new ProductListQuery { PageSize = pageSize }));
    }

    [Fact]
    public void Prices_cannot_be_negative()
    {
        Assert.Equal(["minPrice"], Fields(new ProductListQuery { MinPrice = -0.01m }));
        Assert.Equal(["maxPrice"], Fields(new ProductListQuery { MaxPrice = -5m }));
        Assert.Equal(["minPrice", "maxPrice"], Fields(new ProductListQuery { MinPrice = -1m, MaxPrice = -5m }));
        Assert.Empty(Fields(new ProductListQuery { MinPrice = 0m, MaxPrice = 0m }));
    }

    [Fact]
    public void Min_price_cannot_be_above_max_price()
    {
        Assert.Equal(["minPrice"], Fields(new ProductListQuery { MinPrice = 50m, MaxPrice = 10m }));
        Assert.Equal(["minPrice"], Fields(new ProductListQuery { MinPrice = 10.01m, MaxPrice = 10m }));
        Assert.Empty(Fields(new ProductListQuery { MinPrice = 10m, MaxPrice = 10m }));
        Assert.Empty(Fields(new ProductListQuery { MinPrice = 10m }));
        Assert.Empty(Fields(new ProductListQuery { MaxPrice = 10m }));
    }

    [Theory]
    [InlineData("name", ProductSort.Name)]
    [InlineData("NAME", ProductSort.Name)]
    [InlineData("price", ProductSort.Price)]
    [InlineData("Price", ProductSort.Price)]
    [InlineData("createdAt", ProductSort.CreatedAt)]
    [InlineData("createdat", ProductSort.CreatedAt)]
    [InlineData("rating", ProductSort.Rating)]
    public void Sort_fields_are_case_insensitive(string sortBy, ProductSort expected)
    {
        var query = new ProductListQuery { SortBy = sortBy };
        Assert.Empty(query.Validate());
        Assert.Equal(expected, query.Sort);
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("")]
    [InlineData("created_at")]
    [InlineData("price desc")]
    public void Unknown_sort_fields_are_rejected(string sortBy)
    {
        var errors = new ProductListQuery { SortBy = sortBy }.Validate();
        var error = Assert.Single(errors);
        Assert.Equal("sortBy", error.Field);
        Assert.Contains("name, price, createdAt, rating", error.Message);
    }

    [Theory]
    [InlineData("up")]
    [InlineData("")]
    [InlineData("ascending")]
    public void Sort_order_must_be_asc_or_desc(string sortOrder)
    {
        Assert.Equal(["sortOrder"], Fields(new ProductListQuery { SortOrder = sortOrder }));
    }

    [Theory]
    [InlineData("asc", false)]
    [InlineData("ASC", false)]
    [InlineData("desc", true)]
    [InlineData("Desc", true)]
    public void Sort_order_is_case_insensitive(string sortOrder, bool descending)
    {
        var query = new ProductListQuery { SortBy = "price", SortOrder = sortOrder };
        Assert.Empty(query.Validate());
        Assert.Equal(descending, query.Descending);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("name", false)]
    [InlineData("price", false)]
    [InlineData("createdAt", true)]
    [InlineData("rating", true)]
    public void Default_sort_order_depends_on_the_field(string? sortBy, bool descending)
    {
        Assert.Equal(descending, new ProductListQuery { SortBy = sortBy }.Descending);
    }

    [Fact]
    public void Every_failing_field_is_listed()
    {
        var fields = Fields(new ProductListQuery
        {
            PageNumber = 0, PageSize = 0, MinPrice = -1, MaxPrice = -2, SortBy = "colour", SortOrder = "up",
        });
        Assert.Equal(["pageNumber", "pageSize", "minPrice", "maxPrice", "sortBy", "sortOrder"], fields);
    }
}
