using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// One paging rule for every list the API has (found from the OpenAPI document, so that a new list cannot escape it):
/// pageNumber from 1, pageSize 1–100, default 20 (10 for orders), and a value outside is 400 naming it, never clamped.
/// </summary>
public class PagingRuleApiTests(ShopperAdminFixture fixture) : IClassFixture<ShopperAdminFixture>
{
    private async Task<List<string>> PagedListsAsync()
    {
        var document = await fixture.Admin.Client.GetJsonAsync("/openapi/v1.json");
        var product = await fixture.App.AddProductAsync(4m);
        return document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Value.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out var parameters)
                           && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "pageSize"))
            .Select(path => path.Name.Replace("{id}", product.ToString()).Replace("{productId}", product.ToString())
                            + (path.Name.EndsWith("/search", StringComparison.Ordinal) ? "?q=product&" : "?"))
            .ToList();
    }

    [Fact]
    public async Task Every_list_refuses_page_values_outside_the_rule_and_accepts_the_largest_page()
    {
        var lists = await PagedListsAsync();
        Assert.True(lists.Count >= 7, $"Only {lists.Count} paged lists found: {string.Join(", ", lists)}");

        foreach (var list in lists)
        {
            foreach (var (query, field) in new[] { ("pageSize=0", "pageSize"), ("pageSize=101", "pageSize"), ("pageNumber=0", "pageNumber"), ("pageNumber=-3", "pageNumber") })
            {
                var reply = await fixture.Admin.Client.GetApiAsync(list + query);
                reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
            }
            var largest = (await fixture.Admin.Client.GetApiAsync(list + "pageSize=100")).Data();
            Assert.Equal(100, largest.Int("pageSize"));
        }
    }

    [Fact]
    public async Task Every_list_pages_by_twenty_unless_it_is_the_orders_which_page_by_ten()
    {
        foreach (var list in await PagedListsAsync())
        {
            var data = (await fixture.Admin.Client.GetApiAsync(list.TrimEnd('?', '&'))).Data();
            var expected = list.StartsWith("/api/v1/orders", StringComparison.Ordinal) ? 10 : 20;
            Assert.True(data.Int("pageSize") == expected, $"{list}: pageSize {data.Int("pageSize")}, expected {expected}");
            Assert.Equal(JsonValueKind.Array, data.GetProperty("items").ValueKind);
        }
    }
}
