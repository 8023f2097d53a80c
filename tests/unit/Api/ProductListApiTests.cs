using System.Globalization;
using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Api;

public class ProductListApiTests(ApiCatalogFixture fixture) : IClassFixture<ApiCatalogFixture>
{
    private const string Path = "/api/v1/products";

    private async Task<JsonElement> Page(string query = "") =>
        ApiAssert.Success(await fixture.Client.GetJsonAsync(Path + query));

    private static List<JsonElement> Items(JsonElement data) => data.GetProperty("items").EnumerateArray().ToList();

    private async Task<List<JsonElement>> All(string query = "") => Items(await Page("?pageSize=100" + query));

    [Fact]
    public async Task Answers_with_the_paged_envelope()
    {
        var root = await fixture.Client.GetJsonAsync(Path);
        Assert.Equal("success", root.EnumerateObject().First().Name);
        var data = ApiAssert.Success(root);

        Assert.Equal(
            ["items", "pageNumber", "pageSize", "totalPages", "totalCount", "hasPreviousPage", "hasNextPage"],
            ApiAssert.PropertyNames(data));
        var total = fixture.Active.Count;
        Assert.Equal(1, data.GetProperty("pageNumber").GetInt32());
        Assert.Equal(20, data.GetProperty("pageSize").GetInt32());
        Assert.Equal(total, data.GetProperty("totalCount").GetInt32());
        Assert.Equal((int)Math.Ceiling(total / 20.0), data.GetProperty("totalPages").GetInt32());
        Assert.False(data.GetProperty("hasPreviousPage").GetBoolean());
        Assert.True(data.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(20, Items(data).Count);
    }

    [Fact]
    public async Task Products_have_exactly_the_documented_fields()
    {
        var items = await All();
        Assert.All(items, item => Assert.Equal(
            ["id", "name", "slug", "description", "price", "compareAtPrice", "sku", "category", "images", "stock", "inStock",
             "rating", "reviewCount", "tags", "attributes", "createdAt", "updatedAt"],
            ApiAssert.PropertyNames(item)));
    }

    [Fact]
    public async Task Product_fields_have_the_documented_types()
    {
        foreach (var item in await All())
        {
            ApiAssert.Id(item.GetProperty("id"));
            Assert.Equal(JsonValueKind.String, item.GetProperty("name").ValueKind);
            Assert.True(Ecommerce.Shared.Common.Slug.IsValid(item.GetProperty("slug").GetString()));
            Assert.Equal(JsonValueKind.String, item.GetProperty("description").ValueKind);
            var price = ApiAssert.Money(item.GetProperty("price"));
            var compareAt = item.GetProperty("compareAtPrice");
            if (compareAt.ValueKind != JsonValueKind.Null) Assert.True(ApiAssert.Money(compareAt) > price);
            Assert.Equal(JsonValueKind.String, item.GetProperty("sku").ValueKind);

            var category = item.GetProperty("category");
            Assert.Equal(["id", "name", "slug"], ApiAssert.PropertyNames(category));
            ApiAssert.Id(category.GetProperty("id"));

            var images = item.GetProperty("images").EnumerateArray().ToList();
            Assert.NotEmpty(images);
            Assert.Single(images, i => i.GetProperty("isPrimary").GetBoolean());
            Assert.All(images, image =>
            {
                Assert.Equal(["url", "alt", "isPrimary"], ApiAssert.PropertyNames(image));
                var url = new Uri(image.GetProperty("url").GetString()!);
                Assert.True(url.IsAbsoluteUri);
                Assert.Equal("http", url.Scheme);
                Assert.StartsWith("/images/", url.AbsolutePath);
                Assert.False(string.IsNullOrWhiteSpace(image.GetProperty("alt").GetString()));
            });

            var stock = item.GetProperty("stock").GetInt32();
            Assert.Equal(stock > 0, item.GetProperty("inStock").GetBoolean());
            Assert.InRange(item.GetProperty("rating").GetDouble(), 0, 5);
            Assert.True(item.GetProperty("reviewCount").GetInt32() >= 0);
            Assert.All(item.GetProperty("tags").EnumerateArray(), t => Assert.Equal(JsonValueKind.String, t.ValueKind));
            Assert.All(item.GetProperty("attributes").EnumerateArray(), a => Assert.Equal(["name", "value"], ApiAssert.PropertyNames(a)));
            var created = ApiAssert.UtcTimestamp(item.GetProperty("createdAt"));
            var updated = ApiAssert.UtcTimestamp(item.GetProperty("updatedAt"));
            Assert.True(updated >= created);
        }
    }

    [Fact]
    public async Task Both_in_stock_and_out_of_stock_products_are_listed()
    {
        var items = await All();
        Assert.Contains(items, i => !i.GetProperty("inStock").GetBoolean() && i.GetProperty("stock").GetInt32() == 0);
        Assert.Contains(items, i => i.GetProperty("inStock").GetBoolean());
    }

    [Fact]
    public async Task A_product_shows_its_demo_values()
    {
        var item = (await All()).Single(i => i.GetProperty("slug").GetString() == "driftwood-wireless-headphones");
        var source = fixture.Source.Products.Single(p => p.Slug == "driftwood-wireless-headphones");

        Assert.Equal(fixture.IdsBySlug[source.Slug].ToString(CultureInfo.InvariantCulture), item.GetProperty("id").GetString());
        Assert.Equal(source.Name, item.GetProperty("name").GetString());
        Assert.Equal("129.00", item.GetProperty("price").GetRawText());
        Assert.Equal("159.00", item.GetProperty("compareAtPrice").GetRawText());
        Assert.Equal(source.Sku, item.GetProperty("sku").GetString());
        Assert.Equal("audio", item.GetProperty("category").GetProperty("slug").GetString());
        Assert.Equal("Audio", item.GetProperty("category").GetProperty("name").GetString());
        Assert.Equal(source.Stock, item.GetProperty("stock").GetInt32());
        Assert.Equal(source.Tags, item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(source.Reviews!.Count, item.GetProperty("reviewCount").GetInt32());
        Assert.Equal(Math.Round(source.Reviews.Average(r => r.Rating), 1), item.GetProperty("rating").GetDouble());
        Assert.Equal("http://localhost" + source.Images![0].Url, item.GetProperty("images")[0].GetProperty("url").GetString());
        Assert.Equal(source.Attributes!.Select(a => (a.Name, a.Value)),
            item.GetProperty("attributes").EnumerateArray().Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("value").GetString()!)));
    }

    [Fact]
    public async Task Archived_products_are_not_listed()
    {
        var items = await All();
        Assert.Equal(fixture.Active.Count, items.Count);
        Assert.DoesNotContain(items, i => i.GetProperty("slug").GetString() == ApiCatalogFixture.ArchivedSlug);
        Assert.DoesNotContain(await All("&category=audio"), i => i.GetProperty("slug").GetString() == ApiCatalogFixture.ArchivedSlug);
    }

    [Fact]
    public async Task Pages_through_all_products()
    {
        var total = fixture.Active.Count;
        var seen = new List<string>();
        var pages = (int)Math.Ceiling(total / 30.0);
        for (var n = 1; n <= pages; n++)
        {
            var data = await Page($"?pageSize=30&pageNumber={n}");
            Assert.Equal(n, data.GetProperty("pageNumber").GetInt32());
            Assert.Equal(30, data.GetProperty("pageSize").GetInt32());
            Assert.Equal(pages, data.GetProperty("totalPages").GetInt32());
            Assert.Equal(n > 1, data.GetProperty("hasPreviousPage").GetBoolean());
            Assert.Equal(n < pages, data.GetProperty("hasNextPage").GetBoolean());
            seen.AddRange(Items(data).Select(i => i.GetProperty("id").GetString()!));
        }
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
        Assert.Equal(total - 30 * (pages - 1), Items(await Page($"?pageSize=30&pageNumber={pages}")).Count);

        var beyond = await Page($"?pageSize=30&pageNumber={pages + 1}");
        Assert.Empty(Items(beyond));
        Assert.Equal(total, beyond.GetProperty("totalCount").GetInt32());
        Assert.False(beyond.GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData(2147483647, 100)]
    [InlineData(2147483647, 20)]
    [InlineData(1000000000, 100)]
    public async Task A_page_number_far_past_the_end_is_an_empty_page(int pageNumber, int pageSize)
    {
        var data = await Page($"?pageNumber={pageNumber}&pageSize={pageSize}");
        Assert.Empty(Items(data));
        Assert.Equal(fixture.Active.Count, data.GetProperty("totalCount").GetInt32());
        Assert.Equal(pageNumber, data.GetProperty("pageNumber").GetInt32());
        Assert.False(data.GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData("minPrice=100000000000000000", "minPrice")]
    [InlineData("maxPrice=100000000000000000", "maxPrice")]
    [InlineData("minPrice=79228162514264337593543950335", "minPrice")]
    public async Task A_huge_price_limit_is_never_a_500(string query, string field)
    {
        using var response = await fixture.Client.GetAsync($"{Path}?{query}");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
            $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var root = await response.ReadJsonAsync();
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            ApiAssert.Error(root, "VALIDATION_ERROR", field, Path);
        }
        else
        {
            var expected = field == "minPrice" ? 0 : fixture.Active.Count;
            Assert.Equal(expected, ApiAssert.Success(root).GetProperty("totalCount").GetInt32());
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task Page_size_limits_are_accepted(int pageSize)
    {
        var data = await Page($"?pageSize={pageSize}");
        Assert.Equal(pageSize, data.GetProperty("pageSize").GetInt32());
        Assert.Equal(Math.Min(pageSize, fixture.Active.Count), Items(data).Count);
    }

    [Theory]
    [InlineData("electronics")]
    [InlineData("home-kitchen")]
    [InlineData("audio")]
    [InlineData("puzzles")]
    public async Task Filters_by_category_including_sub_categories(string category)
    {
        var slugs = fixture.SelfAndDescendants(category);
        var expected = fixture.Active.Where(p => slugs.Contains(p.Category)).Select(p => p.Slug).Order().ToList();

        var data = await Page($"?pageSize=100&category={category}");
        Assert.Equal(expected.Count, data.GetProperty("totalCount").GetInt32());
        Assert.Equal(expected, Items(data).Select(i => i.GetProperty("slug").GetString()!).Order());
        Assert.All(Items(data), i => Assert.Contains(i.GetProperty("category").GetProperty("slug").GetString()!, slugs));
        if (slugs.Count > 1) Assert.Contains(Items(data), i => i.GetProperty("category").GetProperty("slug").GetString() != category);
    }

    [Fact]
    public async Task An_unknown_category_lists_nothing()
    {
        var data = await Page("?category=no-such-category");
        Assert.Empty(Items(data));
        Assert.Equal(0, data.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("totalPages").GetInt32());
    }

    [Fact]
    public async Task Price_limits_are_inclusive()
    {
        var expected = fixture.Active.Where(p => p.Price is >= 59.95m and <= 129m).Select(p => p.Slug).Order().ToList();
        Assert.Contains(fixture.Active, p => p.Price == 59.95m);
        Assert.Contains(fixture.Active, p => p.Price == 129m);

        var items = await All("&minPrice=59.95&maxPrice=129");
        Assert.Equal(expected, items.Select(i => i.GetProperty("slug").GetString()!).Order());
        Assert.All(items, i => Assert.InRange(i.GetProperty("price").GetDecimal(), 59.95m, 129m));

        Assert.All(await All("&minPrice=200"), i => Assert.True(i.GetProperty("price").GetDecimal() >= 200m));
        Assert.All(await All("&maxPrice=10"), i => Assert.True(i.GetProperty("price").GetDecimal() <= 10m));
        Assert.Equal(fixture.Active.Count(p => p.Price <= 10m), (await All("&maxPrice=10")).Count);
    }

    [Fact]
    public async Task Filters_combine()
    {
        var slugs = fixture.SelfAndDescendants("electronics");
        var expected = fixture.Active.Count(p => slugs.Contains(p.Category) && p.Price <= 50m);
        var items = await All("&category=electronics&maxPrice=50&sortBy=price");
        Assert.Equal(expected, items.Count);
        Assert.True(expected > 0);
    }

    [Theory]
    [InlineData("?sortBy=name", "name", false)]
    [InlineData("?sortBy=name&sortOrder=asc", "name", false)]
    [InlineData("?sortBy=name&sortOrder=desc", "name", true)]
    [InlineData("?sortBy=price", "price", false)]
    [InlineData("?sortBy=price&sortOrder=desc", "price", true)]
    [InlineData("?sortBy=PRICE&sortOrder=DESC", "price", true)]
    [InlineData("", "createdAt", true)]
    [InlineData("?sortBy=createdAt", "createdAt", true)]
    [InlineData("?sortBy=createdAt&sortOrder=asc", "createdAt", false)]
    [InlineData("?sortBy=rating", "rating", true)]
    [InlineData("?sortBy=rating&sortOrder=asc", "rating", false)]
    public async Task Sorts(string query, string field, bool descending)
    {
        var items = Items(await Page(query + (query.Length == 0 ? "?" : "&") + "pageSize=100"));
        Assert.Equal(fixture.Active.Count, items.Count);

        var comparisons = items.Zip(items.Skip(1), (a, b) => field switch
        {
            "name" => string.CompareOrdinal(a.GetProperty("name").GetString()!.ToLowerInvariant(), b.GetProperty("name").GetString()!.ToLowerInvariant()),
            "price" => a.GetProperty("price").GetDecimal().CompareTo(b.GetProperty("price").GetDecimal()),
            "rating" => a.GetProperty("rating").GetDouble().CompareTo(b.GetProperty("rating").GetDouble()),
            _ => ApiAssert.UtcTimestamp(a.GetProperty("createdAt")).CompareTo(ApiAssert.UtcTimestamp(b.GetProperty("createdAt"))),
        }).ToList();
        Assert.All(comparisons, c => Assert.True(descending ? c >= 0 : c <= 0, $"{field} out of order"));
        Assert.Contains(comparisons, c => c != 0);
    }

    [Theory]
    [InlineData("pageNumber=0", "pageNumber")]
    [InlineData("pageNumber=-1", "pageNumber")]
    [InlineData("pageNumber=1.5", "pageNumber")]
    [InlineData("pageNumber=abc", "pageNumber")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=-3", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("pageSize=99999999999", "pageSize")]
    [InlineData("minPrice=abc", "minPrice")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("maxPrice=-5", "maxPrice")]
    [InlineData("maxPrice=ten", "maxPrice")]
    [InlineData("minPrice=50&maxPrice=10", "minPrice")]
    [InlineData("sortBy=colour", "sortBy")]
    [InlineData("sortOrder=up", "sortOrder")]
    [InlineData("sortBy=price&sortOrder=up", "sortOrder")]
    public async Task Invalid_parameters_are_a_400_validation_error_naming_the_parameter(string query, string field)
    {
        using var response = await fixture.Client.GetAsync($"{Path}?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = await response.ReadJsonAsync();
        ApiAssert.Error(root, "VALIDATION_ERROR", field, Path);
        Assert.Equal("Request validation failed", root.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Every_failing_parameter_is_listed()
    {
        using var response = await fixture.Client.GetAsync($"{Path}?pageNumber=0&pageSize=500&minPrice=-1&sortBy=colour&sortOrder=up");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = await response.ReadJsonAsync();
        Assert.Equal(
            ["pageNumber", "pageSize", "minPrice", "sortBy", "sortOrder"],
            root.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.All(root.GetProperty("errors").EnumerateArray(), e => Assert.Equal("VALIDATION_ERROR", e.GetProperty("code").GetString()));
    }
}
