using System.Net;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>ETags, If-None-Match (304), If-Match (412) and Cache-Control on the API ("Cache Responses When Appropriate").</summary>
public class ConditionalRequestsApiTests
{
    private static StoreApp CreateApp(bool cache = false) => ShopperApp.Create(new Dictionary<string, string?> { ["Caching:CatalogSeconds"] = cache ? "30" : "0" });

    private static async Task<(int Product, int Category, ApiSession Admin)> CatalogAsync(StoreApp app)
    {
        var admin = await app.SignInAdminAsync();
        var category = (await admin.Client.PostApiAsync("/api/v1/categories", new { name = "Lamps " + Guid.NewGuid().ToString("N")[..6] }))
            .Data(HttpStatusCode.Created).Id();
        var product = await app.AddProductAsync(25m, name: "Brass desk lamp");
        (await admin.Client.PutApiAsync($"/api/v1/products/{product}", new { categoryId = category.ToString() })).Expect(HttpStatusCode.OK);
        return (product, category, admin);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Catalog_answers_carry_an_etag_and_answer_304_to_a_current_if_none_match(bool outputCache)
    {
        using var app = CreateApp(outputCache);
        var (product, category, admin) = await CatalogAsync(app);
        using var _ = admin;
        using var client = app.CreateRawClient();

        foreach (var url in new[] { "/api/v1/products", $"/api/v1/products/{product}", "/api/v1/products/search?q=brass", "/api/v1/categories", $"/api/v1/categories/{category}" })
        {
            var first = (await client.GetApiAsync(url)).Expect(HttpStatusCode.OK);
            var etag = first.Header("ETag");
            Assert.False(string.IsNullOrEmpty(etag), url);
            Assert.Equal(outputCache ? ["max-age=30", "public"] : ["no-cache", "public"], ApiConventionsTests.Directives(first));
            Assert.Equal(etag, (await client.GetApiAsync(url)).Header("ETag")); // the timestamp in the envelope is not part of it

            var unchanged = await client.SendApiAsync(HttpMethod.Get, url, null, ("If-None-Match", etag!));
            unchanged.Expect(HttpStatusCode.NotModified);
            Assert.Equal("", unchanged.RawBody);
            Assert.Equal(etag, unchanged.Header("ETag"));

            var other = await client.SendApiAsync(HttpMethod.Get, url, null, ("If-None-Match", "\"something-else\""));
            Assert.Equal(first.Body.GetProperty("data").GetRawText(), other.Expect(HttpStatusCode.OK).Body.GetProperty("data").GetRawText());
        }
    }

    [Fact]
    public async Task A_change_to_the_product_changes_its_etag()
    {
        using var app = CreateApp();
        var (product, _, admin) = await CatalogAsync(app);
        using var __ = admin;
        using var client = app.CreateRawClient();
        var before = (await client.GetApiAsync($"/api/v1/products/{product}")).Header("ETag")!;

        (await admin.Client.PutApiAsync($"/api/v1/products/{product}", new { price = 27.5m })).Expect(HttpStatusCode.OK);

        var after = await client.SendApiAsync(HttpMethod.Get, $"/api/v1/products/{product}", null, ("If-None-Match", before));
        Assert.Equal(27.5m, after.Data().Money("price"));
        Assert.NotEqual(before, after.Header("ETag"));
    }

    [Fact]
    public async Task Signed_in_callers_get_private_copies_and_their_orders_revalidate_with_etags()
    {
        using var app = CreateApp();
        var product = await app.AddProductAsync(9m);
        using var customer = await app.RegisterCustomerAsync();
        var order = await customer.OrderAsync(product);
        var url = $"/api/v1/orders/{order.Str("id")}";

        var first = (await customer.Client.GetApiAsync(url)).Expect(HttpStatusCode.OK);
        Assert.Equal(["no-cache", "private"], ApiConventionsTests.Directives(first));
        var etag = first.Header("ETag")!;
        var unchanged = await customer.Client.SendApiAsync(HttpMethod.Get, url, null, ("If-None-Match", etag));
        unchanged.Expect(HttpStatusCode.NotModified);
        Assert.Equal(["no-cache", "private"], ApiConventionsTests.Directives(unchanged));

        (await customer.Client.PostApiAsync($"{url}/cancel", new { reason = "Changed my mind" })).Expect(HttpStatusCode.OK);
        var changed = await customer.Client.SendApiAsync(HttpMethod.Get, url, null, ("If-None-Match", etag));
        Assert.Equal("cancelled", changed.Data().Str("status"));

        // The catalog asked with a token is that caller's own view.
        Assert.Equal(["no-cache", "private"], ApiConventionsTests.Directives(await customer.Client.GetApiAsync("/api/v1/products")));
    }

    [Fact]
    public async Task A_product_update_with_the_current_etag_in_if_match_is_saved_and_with_a_stale_one_is_refused_with_412()
    {
        using var app = CreateApp();
        var (product, _, admin) = await CatalogAsync(app);
        using var __ = admin;
        var url = $"/api/v1/products/{product}";
        var seen = (await admin.Client.GetApiAsync(url)).Header("ETag")!;

        var saved = await admin.Client.SendApiAsync(HttpMethod.Put, url, new { price = 30m }, ("If-Match", seen));
        saved.Expect(HttpStatusCode.OK);
        Assert.NotEqual(seen, saved.Header("ETag"));

        var stale = await admin.Client.SendApiAsync(HttpMethod.Put, url, new { price = 31m }, ("If-Match", seen));
        var error = stale.Error(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED", "If-Match");
        Assert.Contains("changed since", error.ErrorMessage(), StringComparison.Ordinal);
        Assert.Equal(30m, (await admin.Client.GetApiAsync(url)).Data().Money("price"));

        // The tag of the last answer (GET or PUT) is current.
        (await admin.Client.SendApiAsync(HttpMethod.Put, url, new { price = 32m }, ("If-Match", saved.Header("ETag")!))).Expect(HttpStatusCode.OK);
        (await admin.Client.SendApiAsync(HttpMethod.Put, url, new { price = 33m }, ("If-Match", "*"))).Expect(HttpStatusCode.OK);
        (await admin.Client.SendApiAsync(HttpMethod.Put, url, new { price = 34m }, ("If-Match", "\"not-a-tag-of-this-store\"")))
            .Error(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED", "If-Match");
        (await admin.Client.SendApiAsync(HttpMethod.Put, url, new { price = 34m }, ("If-Match", "W/" + saved.Header("ETag"))))
            .Error(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED", "If-Match");
        Assert.Equal(33m, (await admin.Client.GetApiAsync(url)).Data().Money("price"));
    }

    [Fact]
    public async Task A_category_update_with_a_stale_if_match_is_refused_with_412_and_a_current_one_is_saved()
    {
        using var app = CreateApp();
        var (_, category, admin) = await CatalogAsync(app);
        using var __ = admin;
        var url = $"/api/v1/categories/{category}";
        var seen = (await admin.Client.GetApiAsync(url)).Header("ETag")!;

        var renamed = await admin.Client.SendApiAsync(HttpMethod.Put, url, new { name = "Desk lamps" }, ("If-Match", seen));
        Assert.Equal("Desk lamps", renamed.Data().Str("name"));

        var stale = await admin.Client.SendApiAsync(HttpMethod.Put, url, new { name = "Floor lamps" }, ("If-Match", seen));
        stale.Error(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED", "If-Match");
        Assert.Equal("Desk lamps", (await admin.Client.GetApiAsync(url)).Data().Str("name"));

        var current = (await admin.Client.GetApiAsync(url)).Header("ETag")!;
        Assert.Equal(renamed.Header("ETag")!.Split('.')[0], current.Split('.')[0]); // the same version
        (await admin.Client.SendApiAsync(HttpMethod.Put, url, new { name = "Floor lamps" }, ("If-Match", current))).Expect(HttpStatusCode.OK);
        (await admin.Client.PutApiAsync(url, new { description = "Without If-Match the last save wins." })).Expect(HttpStatusCode.OK);
    }
}
