using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// Every admin endpoint refuses callers who are not admins and changes nothing for them: no token or a bad one →
/// 401 UNAUTHORIZED, a customer's token → 403 FORBIDDEN. The OpenAPI document describes each of them with the
/// bearer scheme and those answers.
/// </summary>
[Collection(AdminApiCollection.Name)]
public class AdminApiAccessTests(AdminApiFixture fixture)
{
    private StoreApp App => fixture.App;

    /// <summary>Method, path ({product}, {category}, {customer} are filled in) and body of each admin endpoint.</summary>
    public static TheoryData<string, string, string?> Endpoints => new()
    {
        { "POST", "/api/v1/products", """{"name":"Sneaky","sku":"SNEAKY-1","price":1}""" },
        { "PUT", "/api/v1/products/{product}", """{"price":0.01}""" },
        { "DELETE", "/api/v1/products/{product}", null },
        { "GET", "/api/v1/admin/products", null },
        { "POST", "/api/v1/categories", """{"name":"Sneaky category"}""" },
        { "PUT", "/api/v1/categories/{category}", """{"name":"Renamed by a stranger"}""" },
        { "DELETE", "/api/v1/categories/{category}", null },
        { "GET", "/api/v1/admin/customers", null },
        { "GET", "/api/v1/admin/customers/{customer}", null },
        { "POST", "/api/v1/admin/customers/{customer}/lock", null },
        { "POST", "/api/v1/admin/customers/{customer}/unlock", null },
        { "PUT", "/api/v1/admin/customers/{customer}/roles", """{"roles":["Admin","Customer"]}""" },
        { "DELETE", "/api/v1/admin/customers/{customer}", null },
        { "PUT", "/api/v1/orders/{order}/status", """{"status":"paid"}""" },
    };

    private async Task<(string Url, Func<Task> AssertUnchanged)> PrepareAsync(string path)
    {
        var product = await fixture.CreateProductAsync();
        var productId = product.Id();
        var price = product.Money("price");
        var categoryName = $"Guarded {AdminApiFixture.Unique()}";
        var categoryId = await fixture.CreateCategoryAsync(categoryName);
        using var target = await App.RegisterCustomerAsync();
        var targetToken = target.AccessToken;
        var orderProduct = await App.AddProductAsync(12m, stock: 5);
        await target.AddToCartAsync(orderProduct, 1);
        var order = (await target.Client.PostApiAsync("/api/v1/orders", new
        {
            shippingAddress = new { street = "1 Harbor Way", city = "Bar Harbor", state = "ME", zipCode = "04609", country = "USA" },
            paymentMethodId = "bank_transfer",
        })).Data(HttpStatusCode.Created).Id();
        var counts = await CountsAsync();

        var url = path.Replace("{product}", productId.ToString())
            .Replace("{category}", categoryId.ToString())
            .Replace("{customer}", target.UserId)
            .Replace("{order}", order.ToString());
        return (url, async () =>
        {
            Assert.Equal(counts, await CountsAsync());
            var stored = (await App.CreateRawClient().GetApiAsync($"/api/v1/products/{productId}")).Data();
            Assert.Equal(price, stored.Money("price"));
            Assert.True(await App.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == categoryId && c.Name == categoryName)));
            Assert.True(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == target.UserId && u.LockoutEnd == null)));
            Assert.False((await fixture.Admin.Client.GetApiAsync($"/api/v1/admin/customers/{target.UserId}")).Data().GetProperty("isAdmin").GetBoolean());
            using var targetClient = App.CreateBearerClient(targetToken);
            (await targetClient.GetApiAsync("/api/v1/cart")).Expect(HttpStatusCode.OK); // its session goes on
            Assert.Equal("pending", (await fixture.Admin.Client.GetApiAsync($"/api/v1/orders/{order}")).Data().Str("status"));
        });
    }

    private Task<(int Products, int Categories, int Users, int Audit)> CountsAsync() =>
        App.WithDbAsync(async db => (await db.Products.CountAsync(), await db.Categories.CountAsync(), await db.Users.CountAsync(), await db.AuditEntries.CountAsync()));

    private static Task<ApiReply> SendAsync(HttpClient client, string method, string url, string? body, string? bearer = null) =>
        client.CallAsync(new HttpMethod(method), url, body is null ? null : new RawJson(body), bearer);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_token_it_is_401_and_nothing_changes(string method, string path, string? body)
    {
        var (url, assertUnchanged) = await PrepareAsync(path);
        using var anonymous = App.CreateRawClient();

        (await SendAsync(anonymous, method, url, body)).Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        (await SendAsync(anonymous, method, url, body, bearer: "not-a-token")).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");

        await assertUnchanged();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task With_a_customers_token_it_is_403_and_nothing_changes(string method, string path, string? body)
    {
        var (url, assertUnchanged) = await PrepareAsync(path);

        (await SendAsync(fixture.Customer.Client, method, url, body)).Error(HttpStatusCode.Forbidden, "FORBIDDEN");

        await assertUnchanged();
    }

    [Theory]
    [InlineData("post", "/api/v1/products", "201")]
    [InlineData("put", "/api/v1/products/{id}", "200")]
    [InlineData("delete", "/api/v1/products/{id}", "204")]
    [InlineData("get", "/api/v1/admin/products", "200")]
    [InlineData("post", "/api/v1/categories", "201")]
    [InlineData("put", "/api/v1/categories/{id}", "200")]
    [InlineData("delete", "/api/v1/categories/{id}", "204")]
    [InlineData("get", "/api/v1/admin/customers", "200")]
    [InlineData("get", "/api/v1/admin/customers/{id}", "200")]
    [InlineData("post", "/api/v1/admin/customers/{id}/lock", "200")]
    [InlineData("post", "/api/v1/admin/customers/{id}/unlock", "200")]
    [InlineData("put", "/api/v1/admin/customers/{id}/roles", "200")]
    [InlineData("delete", "/api/v1/admin/customers/{id}", "204")]
    public async Task The_openapi_document_describes_each_admin_endpoint_with_its_bearer_scheme_and_refusals(string method, string path, string success)
    {
        var document = (await App.CreateRawClient().GetApiAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Body;

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Contains(success, responses);
        Assert.Contains("401", responses);
        Assert.Contains("403", responses);
        Assert.Contains("Bearer", operation.GetProperty("security").EnumerateArray().SelectMany(s => s.EnumerateObject()).Select(s => s.Name));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        if (method is "post" or "put" && !path.EndsWith("lock", StringComparison.Ordinal))
            Assert.Equal(JsonValueKind.Object, operation.GetProperty("requestBody").ValueKind);
    }
}
