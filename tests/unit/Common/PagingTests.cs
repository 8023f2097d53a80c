using Ecommerce.Shared.Common;

namespace Ecommerce.Tests.Unit.Common;

public class PagingTests
{
    private static PagedResult<int> Page(int pageNumber, int pageSize, int totalCount) =>
        new(Enumerable.Range(1, Math.Max(0, Math.Min(pageSize, totalCount - (pageNumber - 1) * pageSize))).ToList(), pageNumber, pageSize, totalCount);

    [Theory]
    [InlineData(1, 20, 95, 5, false, true)]
    [InlineData(3, 20, 95, 5, true, true)]
    [InlineData(5, 20, 95, 5, true, false)]
    [InlineData(1, 20, 100, 5, false, true)]
    [InlineData(5, 20, 100, 5, true, false)]
    [InlineData(1, 20, 101, 6, false, true)]
    [InlineData(1, 20, 20, 1, false, false)]
    [InlineData(1, 20, 1, 1, false, false)]
    [InlineData(1, 20, 0, 0, false, false)]
    [InlineData(2, 20, 0, 0, true, false)]
    [InlineData(7, 20, 95, 5, true, false)]
    [InlineData(1, 1, 3, 3, false, true)]
    public void Page_numbers(int pageNumber, int pageSize, int totalCount, int totalPages, bool hasPrevious, bool hasNext)
    {
        var page = Page(pageNumber, pageSize, totalCount);
        Assert.Equal(totalPages, page.TotalPages);
        Assert.Equal(hasPrevious, page.HasPreviousPage);
        Assert.Equal(hasNext, page.HasNextPage);
    }

    [Fact]
    public void A_page_size_of_zero_has_no_pages()
    {
        var page = new PagedResult<int>([], 1, 0, 10);
        Assert.Equal(0, page.TotalPages);
        Assert.False(page.HasNextPage);
    }

    [Fact]
    public void Map_keeps_the_numbers()
    {
        var page = new PagedResult<int>([1, 2, 3], 2, 3, 8);
        var mapped = page.Map(i => $"#{i}");
        Assert.Equal(["#1", "#2", "#3"], mapped.Items);
        Assert.Equal(2, mapped.PageNumber);
        Assert.Equal(3, mapped.PageSize);
        Assert.Equal(8, mapped.TotalCount);
        Assert.Equal(3, mapped.TotalPages);
        Assert.True(mapped.HasPreviousPage);
        Assert.True(mapped.HasNextPage);
    }

    [Theory]
    [InlineData(1, 1, new string[0])]
    [InlineData(1, 100, new string[0])]
    [InlineData(1, 20, new string[0])]
    [InlineData(0, 20, new[] { "pageNumber" })]
    [InlineData(-1, 20, new[] { "pageNumber" })]
    [InlineData(1, 0, new[] { "pageSize" })]
    [InlineData(1, -5, new[] { "pageSize" })]
    [InlineData(1, 101, new[] { "pageSize" })]
    [InlineData(0, 1000, new[] { "pageNumber", "pageSize" })]
    public void Validate_checks_page_number_and_size(int pageNumber, int pageSize, string[] fields)
    {
        var errors = new List<Error>();
        Paging.Validate(pageNumber, pageSize, errors);
        Assert.Equal(fields, errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal(ErrorCodes.ValidationError, e.Code));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }
}
