using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Api;

public class SearchApiTests(ApiCatalogFixture fixture) : IClassFixture<ApiCatalogFixture>
{
    private const string Path = "/api/v1/products/search";

    [Fact]
    public async Task Answers_with_items_query_and_paging_fields()
    {
        var data = ApiAssert.Success(await fixture.Client.GetJsonAsync($"{Path}?q=headphones"));
        Assert.Equal(
            ["items", "query", "pageNumber", "pageSize", "totalPages", "totalCount", "hasPreviousPage", "hasNextPage"],
            ApiAssert.PropertyNames(data));
        Assert.Equal("headphones", data.GetProperty("query").GetString());
        Assert.Equal(1, data.GetProperty("pageNumber").GetInt32());
        Assert.Equal(20, data.GetProperty("pageSize").GetInt32());

        var items = data.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(data.GetProperty("totalCount").GetInt32(), items.Count);
        Assert.Equal("driftwood-wireless-headphones", items[0].GetProperty("slug").GetString());
        Assert.All(items, item =>
        {
            Assert.Equal(17, ApiAssert.PropertyNames(item).Count);
            ApiAssert.Id(item.GetProperty("id"));
            ApiAssert.Money(item.GetProperty("price"));
        });
    }

    [Fact]
    public async Task Finds_by_sku_first()
    {
        var source = fixture.Source.Products.Single(p => p.Slug == "lumenfield-arc-desk-lamp");
        var data = ApiAssert.Success(await fixture.Client.GetJsonAsync($"{Path}?q={source.Sku}"));
        Assert.Equal(source.Sku, data.GetProperty("items")[0].GetProperty("sku").GetString());
    }

    [Fact]
    public async Task Is_accent_and_case_insensitive()
    {
        var upper = ApiAssert.Success(await fixture.Client.GetJsonAsync($"{Path}?q=KETTLE"));
        var lower = ApiAssert.Success(await fixture.Client.GetJsonAsync($"{Path}?q=kettle"));
        Assert.True(upper.GetProperty("totalCount").GetInt32() > 0);
        Assert.Equal(lower.GetProperty("totalCount").GetInt32(), upper.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Pages_through_results()
    {
        var all = ApiAssert.Success(await fixture.Client.GetJsonAsync($"{Path}?q=wireless&pageSize=100"));
        var total = all.GetProperty("totalCount").GetInt32();
        Assert.True(total >= 3, $"only {total} results");

        var second = ApiAssert.Success(await fixture.Client.GetJsonAsync($"{Path}?q=wireless&pageSize=1&pageNumber=2"));
        Assert.Equal(total, second.GetProperty("totalCount").GetInt32());
        Assert.Equal(total, second.GetProperty("totalPages").GetInt32());
        Assert.True(second.GetProperty("hasPreviousPage").GetBoolean());
        Assert.True(second.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(all.GetProperty("items")[1].GetProperty("id").GetString(), second.GetProperty("items")[0].GetProperty("id").GetString());

        var beyond = ApiAssert.Success(await fixture.Client.GetJsonAsync($"{Path}?q=wireless&pageSize=1&pageNumber={total + 1}"));
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
        Assert.Equal(total, beyond.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_page_number_far_past_the_end_is_an_empty_page()
    {
        var data = ApiAssert.Success(await fixture.Client.GetJsonAsync($"{Path}?q=wireless&pageNumber=2147483647&pageSize=100"));
        Assert.Equal(0, data.GetProperty("items").GetArrayLength());
        Assert.True(data.GetProperty("totalCount").GetInt32() > 0);
    }

    [Fact]
    public async Task Archived_products_are_not_found()
    {
        var name = fixture.Source.Products.Single(p => p.Slug == ApiCatalogFixture.ArchivedSlug).Name;
        var data = ApiAssert.Success(await fixture.Client.GetJsonAsync($"{Path}?q={Uri.EscapeDataString(name)}"));
        Assert.DoesNotContain(data.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == ApiCatalogFixture.ArchivedSlug);
    }

    [Fact]
    public async Task Nothing_found_is_an_empty_success()
    {
        var data = ApiAssert.Success(await fixture.Client.GetJsonAsync($"{Path}?q=zzqqxx"));
        Assert.Equal(0, data.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("items").GetArrayLength());
        Assert.Equal("zzqqxx", data.GetProperty("query").GetString());
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("?q=", "q")]
    [InlineData("?q=%20%20%20", "q")]
    [InlineData("?pageSize=5", "q")]
    [InlineData("?q=lamp&pageSize=0", "pageSize")]
    [InlineData("?q=lamp&pageSize=101", "pageSize")]
    [InlineData("?q=lamp&pageSize=abc", "pageSize")]
    [InlineData("?q=lamp&pageNumber=0", "pageNumber")]
    [InlineData("?q=lamp&pageNumber=x", "pageNumber")]
    public async Task Bad_requests_are_a_400_validation_error(string query, string field)
    {
        using var response = await fixture.Client.GetAsync(Path + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ApiAssert.Error(await response.ReadJsonAsync(), "VALIDATION_ERROR", field, Path);
    }

    [Fact]
    public async Task A_query_over_200_characters_is_a_400_on_q()
    {
        using var response = await fixture.Client.GetAsync($"{Path}?q={new string('a', 201)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ApiAssert.Error(await response.ReadJsonAsync(), "VALIDATION_ERROR", "q", Path);
    }
}
