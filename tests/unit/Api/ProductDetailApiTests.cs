using System.Globalization;
using System.Net;
using System.Text.Json;
using Ecommerce.Shared.Catalog;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

public class ProductDetailApiTests(ApiCatalogFixture fixture) : IClassFixture<ApiCatalogFixture>
{
    private const string Slug = "lumenfield-arc-desk-lamp";

    private async Task<JsonElement> Detail(string slug) =>
        ApiAssert.Success(await fixture.Client.GetJsonAsync($"/api/v1/products/{fixture.IdsBySlug[slug]}"));

    [Fact]
    public async Task Has_exactly_the_documented_fields()
    {
        var data = await Detail(Slug);
        Assert.Equal(
            ["id", "name", "slug", "description", "longDescription", "price", "compareAtPrice", "sku", "category", "images", "stock",
             "inStock", "rating", "reviewCount", "tags", "attributes", "reviews", "specifications", "relatedProducts", "createdAt", "updatedAt"],
            ApiAssert.PropertyNames(data));
    }

    [Fact]
    public async Task Shows_the_products_values()
    {
        var source = fixture.Source.Products.Single(p => p.Slug == Slug);
        var data = await Detail(Slug);

        Assert.Equal(fixture.IdsBySlug[Slug], ApiAssert.Id(data.GetProperty("id")));
        Assert.Equal(source.Name, data.GetProperty("name").GetString());
        Assert.Equal(source.Description, data.GetProperty("description").GetString());
        Assert.Equal(source.LongDescription, data.GetProperty("longDescription").GetString());
        Assert.Equal(source.Price, ApiAssert.Money(data.GetProperty("price")));
        Assert.Equal(source.CompareAtPrice, ApiAssert.Money(data.GetProperty("compareAtPrice")));
        Assert.Equal(source.Sku, data.GetProperty("sku").GetString());
        Assert.Equal(source.Category, data.GetProperty("category").GetProperty("slug").GetString());
        Assert.Equal(source.Images!.Count, data.GetProperty("images").GetArrayLength());
        Assert.True(data.GetProperty("images")[0].GetProperty("isPrimary").GetBoolean());
        Assert.Equal(source.Stock > 0, data.GetProperty("inStock").GetBoolean());
        ApiAssert.UtcTimestamp(data.GetProperty("createdAt"));
    }

    [Fact]
    public async Task Specifications_are_a_json_object()
    {
        var source = fixture.Source.Products.Single(p => p.Slug == Slug);
        var specifications = (await Detail(Slug)).GetProperty("specifications");
        Assert.Equal(JsonValueKind.Object, specifications.ValueKind);
        Assert.Equal(source.Specifications!.Select(s => s.Name), ApiAssert.PropertyNames(specifications));
        foreach (var spec in source.Specifications!)
            Assert.Equal(spec.Value, specifications.GetProperty(spec.Name).GetString());
    }

    [Fact]
    public async Task Reviews_are_newest_first_with_the_documented_fields()
    {
        var source = fixture.Source.Products.Single(p => p.Slug == Slug);
        var reviews = (await Detail(Slug)).GetProperty("reviews").EnumerateArray().ToList();
        Assert.Equal(source.Reviews!.Count, reviews.Count);
        Assert.All(reviews, review =>
        {
            Assert.Equal(["id", "userId", "userName", "rating", "title", "comment", "createdAt"], ApiAssert.PropertyNames(review));
            ApiAssert.Id(review.GetProperty("id"));
            Assert.InRange(review.GetProperty("rating").GetInt32(), 1, 5);
            Assert.False(string.IsNullOrWhiteSpace(review.GetProperty("userName").GetString()));
        });
        var dates = reviews.Select(r => ApiAssert.UtcTimestamp(r.GetProperty("createdAt"))).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal(source.Reviews.OrderBy(r => r.DaysAgo).Select(r => r.Author), reviews.Select(r => r.GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task Related_products_are_ids_of_other_products_in_the_same_category()
    {
        var data = await Detail("driftwood-wireless-headphones");
        var related = data.GetProperty("relatedProducts").EnumerateArray().ToList();
        Assert.InRange(related.Count, 1, 4);
        var ids = related.Select(r => ApiAssert.Id(r)).ToList();
        Assert.DoesNotContain(fixture.IdsBySlug["driftwood-wireless-headphones"], ids);
        Assert.DoesNotContain(fixture.ArchivedId, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var audio = fixture.Active.Where(p => p.Category == "audio" && p.Slug != "driftwood-wireless-headphones")
            .Select(p => fixture.IdsBySlug[p.Slug]).ToHashSet();
        Assert.All(ids, id => Assert.Contains(id, audio));
        Assert.Equal(Math.Min(4, audio.Count), ids.Count);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("prod-001")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task An_unknown_id_is_a_404_not_found_envelope(string id)
    {
        using var response = await fixture.Client.GetAsync($"/api/v1/products/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = await response.ReadJsonAsync();
        var error = ApiAssert.Error(root, "NOT_FOUND", null, $"/api/v1/products/{id}");
        Assert.Contains(id, error.GetProperty("message").GetString());
        Assert.Equal("Resource not found", root.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_archived_product_is_not_found()
    {
        using var response = await fixture.Client.GetAsync($"/api/v1/products/{fixture.ArchivedId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        ApiAssert.Error(await response.ReadJsonAsync(), "NOT_FOUND", null, $"/api/v1/products/{fixture.ArchivedId}");
        Assert.Equal(ProductStatus.Archived,
            await fixture.App.WithDbAsync(db => db.Products.Where(p => p.Id == fixture.ArchivedId).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Every_listed_product_can_be_fetched()
    {
        var list = ApiAssert.Success(await fixture.Client.GetJsonAsync("/api/v1/products?pageSize=100&category=coffee-tea"));
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString();
            var detail = ApiAssert.Success(await fixture.Client.GetJsonAsync($"/api/v1/products/{id}"));
            Assert.Equal(item.GetProperty("name").GetString(), detail.GetProperty("name").GetString());
            Assert.Equal(item.GetProperty("price").GetRawText(), detail.GetProperty("price").GetRawText());
            Assert.Equal(item.GetProperty("reviewCount").GetInt32(), detail.GetProperty("reviews").GetArrayLength());
        }
        Assert.Equal(int.Parse(list.GetProperty("totalCount").GetRawText(), CultureInfo.InvariantCulture), list.GetProperty("items").GetArrayLength());
    }
}
