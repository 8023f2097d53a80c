using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// GET /api/v1/admin/products: products of every status with filters (search, category with its sub-categories,
/// stock, status), sort and paging. Each test works inside a category (and with a search word) of its own.
/// </summary>
[Collection(AdminApiCollection.Name)]
public class AdminProductListApiTests(AdminApiFixture fixture)
{
    private HttpClient Admin => fixture.Admin.Client;

    private sealed record Shelf(int Category, int Sub, string Word, int Out, int Low, int Plenty, int Archived, int InSub);

    /// <summary>
    /// A category with a sub-category and five products: out of stock (12.00), low (3 left, 30.00), plenty (50, 20.00),
    /// archived (40.00, 8 left) and one in the sub-category (10.00, 9 left).
    /// </summary>
    private async Task<Shelf> ShelfAsync()
    {
        var unique = AdminApiFixture.Unique();
        var word = "zq" + unique;
        var category = await fixture.CreateCategoryAsync($"Shelf {unique}");
        var sub = await fixture.CreateCategoryAsync($"Shelf {unique} sub", category);

        async Task<int> Product(string name, decimal price, int stock, int categoryId)
        {
            var body = AdminApiFixture.ProductBody(name: $"{name} {word}", categoryId: categoryId.ToString());
            body["price"] = price;
            body["compareAtPrice"] = null;
            body["stock"] = stock;
            return (await fixture.CreateProductAsync(body)).Id();
        }

        var outOfStock = await Product("Anchor", 12m, 0, category);
        var low = await Product("Bollard", 30m, 3, category);
        var plenty = await Product("Capstan", 20m, 50, category);
        var archived = await Product("Davit", 40m, 8, category);
        (await Admin.PutApiAsync($"/api/v1/products/{archived}", new { status = "archived" })).Data();
        var inSub = await Product("Ensign", 10m, 9, sub);
        return new Shelf(category, sub, word, outOfStock, low, plenty, archived, inSub);
    }

    private async Task<(List<int> Ids, JsonElement Page)> ListAsync(string query)
    {
        var page = (await Admin.GetApiAsync($"/api/v1/admin/products?{query}")).Data();
        return (page.GetProperty("items").EnumerateArray().Select(p => p.Id()).ToList(), page);
    }

    [Fact]
    public async Task Filters_by_category_with_its_sub_categories_status_stock_and_search()
    {
        var s = await ShelfAsync();

        var (all, page) = await ListAsync($"categoryId={s.Category}&sortBy=name&sortOrder=asc");
        Assert.Equal([s.Out, s.Low, s.Plenty, s.Archived, s.InSub], all);
        Assert.Equal(["items", "pageNumber", "pageSize", "totalPages", "totalCount", "hasPreviousPage", "hasNextPage"], ApiAssert.PropertyNames(page));
        // Each row carries the version a PUT can be made conditional on: the archived one was changed once since it was created.
        Assert.Equal([0L, 0L, 0L, 1L, 0L], page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("version").GetInt64()));
        Assert.Equal(20, page.Int("pageSize")); // the one paging rule's default

        var row = page.GetProperty("items").EnumerateArray().First();
        Assert.Equal(s.Category, row.Id("categoryId"));
        Assert.StartsWith("Shelf ", row.Str("categoryName"));
        Assert.Equal(12.00m, row.Money("price"));
        Assert.Equal(0, row.Int("stock"));
        Assert.Equal("active", row.Str("status"));
        Assert.EndsWith("sw-001-1.jpg", row.Str("image"));

        Assert.Equal([s.InSub], (await ListAsync($"categoryId={s.Sub}")).Ids);
        Assert.Equal([s.Archived], (await ListAsync($"categoryId={s.Category}&status=archived")).Ids);
        Assert.Equal([s.Out, s.Low, s.Plenty, s.InSub], (await ListAsync($"categoryId={s.Category}&status=active&sortBy=name&sortOrder=asc")).Ids);
        Assert.Equal([s.Out], (await ListAsync($"categoryId={s.Category}&stock=out")).Ids);
        Assert.Equal([s.Low], (await ListAsync($"categoryId={s.Category}&stock=low")).Ids);
        Assert.Equal([s.Low, s.Plenty, s.Archived, s.InSub], (await ListAsync($"categoryId={s.Category}&stock=inStock&sortBy=name&sortOrder=asc")).Ids);
        Assert.Equal([s.Out, s.Low, s.Plenty, s.Archived, s.InSub], (await ListAsync($"search={s.Word}&sortBy=name&sortOrder=asc")).Ids);
        Assert.Equal([s.Plenty], (await ListAsync($"search=capstan {s.Word}")).Ids);
        Assert.Empty((await ListAsync("categoryId=999999")).Ids);
    }

    [Fact]
    public async Task Sorts_by_the_chosen_column_in_the_chosen_order()
    {
        var s = await ShelfAsync();
        int[] byIndex = [s.Out, s.Low, s.Plenty, s.Archived, s.InSub]; // prices 12, 30, 20, 40, 10; stock 0, 3, 50, 8, 9
        var cases = new (string Query, int[] Expected)[]
        {
            ("sortBy=price&sortOrder=asc", [4, 0, 2, 1, 3]),
            ("sortBy=price&sortOrder=desc", [3, 1, 2, 0, 4]),
            ("sortBy=stock&sortOrder=asc", [0, 1, 3, 4, 2]),
            ("sortBy=name&sortOrder=desc", [4, 3, 2, 1, 0]),
            ("sortBy=NAME", [4, 3, 2, 1, 0]), // descending unless asked otherwise
            ("sortBy=createdAt&sortOrder=asc", [0, 1, 2, 3, 4]),
            ("sortBy=sku&sortOrder=asc", null!),
        };
        foreach (var (query, expected) in cases)
        {
            var (ids, _) = await ListAsync($"categoryId={s.Category}&{query}");
            if (expected is null) Assert.Equal(5, ids.Count);
            else Assert.True(expected.Select(i => byIndex[i]).SequenceEqual(ids), $"{query}: got {string.Join(", ", ids)}");
        }
    }

    [Fact]
    public async Task Pages_through_the_matches()
    {
        var s = await ShelfAsync();

        var (first, page) = await ListAsync($"categoryId={s.Category}&sortBy=name&sortOrder=asc&pageSize=2");
        Assert.Equal([s.Out, s.Low], first);
        Assert.Equal(5, page.Int("totalCount"));
        Assert.Equal(3, page.Int("totalPages"));
        Assert.True(page.GetProperty("hasNextPage").GetBoolean());
        Assert.False(page.GetProperty("hasPreviousPage").GetBoolean());

        var (last, lastPage) = await ListAsync($"categoryId={s.Category}&sortBy=name&sortOrder=asc&pageSize=2&pageNumber=3");
        Assert.Equal([s.InSub], last);
        Assert.False(lastPage.GetProperty("hasNextPage").GetBoolean());
        Assert.True(lastPage.GetProperty("hasPreviousPage").GetBoolean());

        var (beyond, beyondPage) = await ListAsync($"categoryId={s.Category}&pageSize=2&pageNumber=9");
        Assert.Empty(beyond);
        Assert.Equal(5, beyondPage.Int("totalCount"));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageNumber=0", "pageNumber")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("categoryId=abc", "categoryId")]
    [InlineData("stock=plenty", "stock")]
    [InlineData("stock=9", "stock")]
    [InlineData("status=deleted", "status")]
    [InlineData("sortBy=colour", "sortBy")]
    [InlineData("sortOrder=up", "sortOrder")]
    public async Task An_invalid_query_value_is_400_naming_it(string query, string field)
    {
        (await Admin.GetApiAsync($"/api/v1/admin/products?{query}")).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
    }
}
