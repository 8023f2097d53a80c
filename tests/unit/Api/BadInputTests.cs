using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Ecommerce.Shared.Cart;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>Input that used to answer 500 or wrong data: each gets a clear 4xx in the error envelope, and nothing is lost.</summary>
[Collection(AdminApiCollection.Name)]
public partial class BadInputTests(AdminApiFixture fixture)
{
    private HttpClient Anonymous => fixture.App.CreateRawClient();

    [Theory]
    [InlineData("endDate=9999-12-31", HttpStatusCode.OK)]
    [InlineData("startDate=0001-01-01&endDate=9999-12-31", HttpStatusCode.OK)]
    [InlineData("endDate=9999-12-31T23:59:59Z", HttpStatusCode.OK)]
    [InlineData("startDate=9999-12-31T23:59:59-05:00", HttpStatusCode.BadRequest)]
    [InlineData("endDate=10000-01-01", HttpStatusCode.BadRequest)]
    public async Task Extreme_dates_in_the_order_list_never_answer_500(string query, HttpStatusCode expected)
    {
        var reply = await fixture.Customer.Client.GetApiAsync($"/api/v1/orders?{query}");
        if (expected == HttpStatusCode.OK) reply.Data();
        else reply.Error(expected, "VALIDATION_ERROR", query.Split('=')[0]);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z", null, HttpStatusCode.Created)]
    [InlineData("9999-12-31T23:59:59-05:00", "endsAt", HttpStatusCode.BadRequest)]
    [InlineData("0001-01-01T00:00:00+01:00", "endsAt", HttpStatusCode.BadRequest)]
    public async Task Extreme_dates_in_a_body_never_answer_500(string endsAt, string? field, HttpStatusCode expected)
    {
        var reply = await fixture.Admin.Client.PostApiAsync("/api/v1/coupons", new RawJson(
            $$"""{"code":"{{ShopData.NewCode("EDGE")}}","type":"percentage","value":5,"endsAt":"{{endsAt}}"}"""));
        Assert.Equal(expected, reply.Status);
        if (field is not null) Assert.Contains(field, reply.ErrorFields);
        var profile = await fixture.Customer.Client.PutApiAsync("/api/v1/users/profile", new RawJson(
            """{"firstName":"Casey","lastName":"Shopper","dateOfBirth":"9999-12-31"}"""));
        profile.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "dateOfBirth");
    }

    [Fact]
    public async Task Duplicate_keys_in_a_partial_update_are_refused_and_change_nothing()
    {
        var product = await fixture.CreateProductAsync();
        var id = product.Str("id");
        var price = product.Money("price");
        var categoryId = await fixture.CreateCategoryAsync();

        var reply = await fixture.Admin.Client.PutApiAsync($"/api/v1/products/{id}", new RawJson("""{"price":1,"price":2}"""));
        reply.Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "price");
        var category = await fixture.Admin.Client.PutApiAsync($"/api/v1/categories/{categoryId}", new RawJson("""{"name":"A","name":"B"}"""));
        category.Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "name");
        var created = await fixture.Admin.Client.PostApiAsync("/api/v1/cart/items", new RawJson("""{"productId":"1","quantity":1,"quantity":5}"""));
        Assert.Equal(HttpStatusCode.BadRequest, created.Status);

        Assert.Equal(price, (await Anonymous.GetApiAsync($"/api/v1/products/{id}")).Data().Money("price"));
    }

    [Fact]
    public async Task A_quantity_times_price_beyond_the_limits_is_a_400_and_the_cart_keeps_working()
    {
        var expensive = await fixture.App.AddProductAsync(999_999_999m, stock: 1_000_000_000);
        var cheap = await fixture.App.AddProductAsync(2m, stock: 5000);
        using var customer = await fixture.App.RegisterCustomerAsync();

        var huge = await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = expensive, quantity = 1_000_000_000 });
        Assert.Contains($"At most {CartLimits.MaxLineQuantity}", huge.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "quantity").ErrorMessage());
        var total = await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = expensive, quantity = 11 });
        Assert.Contains("total", total.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "quantity").ErrorMessage());
        var tooMany = await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = cheap, quantity = CartLimits.MaxLineQuantity + 1 });
        tooMany.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "quantity");

        // The cart still answers and takes sensible lines.
        var line = (await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = expensive, quantity = 10 })).Data(HttpStatusCode.Created);
        var update = await customer.Client.PutApiAsync($"/api/v1/cart/items/{line.Str("id")}", new { quantity = 500 });
        update.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "quantity");
        var cart = (await customer.Client.GetApiAsync("/api/v1/cart")).Data();
        Assert.Equal(9_999_999_990m, cart.Money("subtotal"));
    }

    [Theory]
    [InlineData("minPrice=1,5", "minPrice")]
    [InlineData("maxPrice=1,000", "maxPrice")]
    [InlineData("minPrice=1e3", "minPrice")]
    [InlineData("minPrice=abc", "minPrice")]
    public async Task Prices_in_the_query_are_read_with_the_invariant_culture_only(string query, string field)
    {
        var reply = await Anonymous.GetApiAsync($"/api/v1/products?{query}");
        Assert.Contains("no thousands separators", reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field).ErrorMessage());
    }

    [Fact]
    public async Task A_price_with_a_dot_still_filters()
    {
        var reply = await Anonymous.GetApiAsync("/api/v1/products?minPrice=1.5&maxPrice=1000000");
        reply.Data();
    }

    [Theory]
    [InlineData("Evil\u202Eexe.txt")]
    [InlineData("Line\nbreak")]
    [InlineData("Tab\tname")]
    [InlineData("Isolate\u2066name")]
    public async Task Names_refuse_control_and_text_direction_characters(string name)
    {
        var product = await fixture.Admin.Client.PostApiAsync("/api/v1/products", AdminApiFixture.ProductBody(name: name));
        product.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "name");
        var category = await fixture.Admin.Client.PostApiAsync("/api/v1/categories", new { name });
        category.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "name");
        var register = await Anonymous.PostApiAsync("/api/v1/auth/register",
            new { email = ApiSessions.NewEmail(), password = ApiSessions.CustomerPassword, firstName = name, lastName = "Ok" });
        register.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "firstName");
        var profile = await fixture.Customer.Client.PutApiAsync("/api/v1/users/profile", new { firstName = "Ok", lastName = name });
        profile.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "lastName");
        var address = await fixture.Customer.Client.PostApiAsync("/api/v1/users/addresses", new
        {
            firstName = name, street = "1 Harbor Way", city = "Portland", zipCode = "04101", country = "US",
        });
        address.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "firstName");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_in_the_envelope()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = new StringContent("email=a@b.c&password=x", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        using var response = await Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        ApiAssert.Error(await response.ReadJsonAsync(), "UNSUPPORTED_MEDIA_TYPE", null, "/api/v1/auth/login");

        using var partial = new HttpRequestMessage(HttpMethod.Put, "/api/v1/products/1") { Content = new StringContent("{}", Encoding.UTF8, "text/plain") };
        partial.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Admin.AccessToken);
        using var refused = await Anonymous.SendAsync(partial);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        ApiAssert.Error(await refused.ReadJsonAsync(), "UNSUPPORTED_MEDIA_TYPE", null, "/api/v1/products/1");
    }

    /// <summary>Every API route that binds a JSON body (the framework declares it with accepts-metadata), with a path to call it on.</summary>
    private IReadOnlyList<(string Method, string Path)> JsonBodyEndpoints() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true)
            .Where(e => e.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.ContentTypes.Contains("application/json")))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(method =>
                (method, "/" + RouteParameter().Replace(e.RoutePattern.RawText!.Trim('/'), "1"))))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [Theory]
    [InlineData("text/plain", "{}")]
    [InlineData("application/x-www-form-urlencoded", "name=x")]
    [InlineData(null, "{}")]
    public async Task Every_endpoint_that_takes_a_json_body_answers_415_for_another_content_type(string? contentType, string body)
    {
        var endpoints = JsonBodyEndpoints();
        // The walk covers the whole API, not a few routes: sign-in, the cart, checkout and the admin's partial updates among them.
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} endpoints with a JSON body");
        Assert.Contains(("POST", "/api/v1/auth/login"), endpoints);
        Assert.Contains(("POST", "/api/v1/orders"), endpoints);
        Assert.Contains(("PUT", "/api/v1/products/1"), endpoints);
        Assert.Contains(("PUT", "/api/v1/cart/items/1"), endpoints);

        var wrong = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            if (contentType is not null) request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            // The admin may call every endpoint: the answer is about the body, not about who sends it.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Admin.AccessToken);
            using var response = await Anonymous.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.UnsupportedMediaType || response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                wrong.Add($"{method} {path} → {(int)response.StatusCode}: {text[..Math.Min(text.Length, 200)]}");
                continue;
            }
            using var json = System.Text.Json.JsonDocument.Parse(text);
            var error = ApiAssert.Error(json.RootElement, "UNSUPPORTED_MEDIA_TYPE", null, path);
            Assert.Contains("application/json", error.ErrorMessage());
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/products", "GET, HEAD, POST")]
    [InlineData("PATCH", "/api/v1/cart", "GET, HEAD, DELETE")]
    [InlineData("GET", "/api/v1/auth/login", "POST")]
    public async Task A_wrong_method_on_a_known_path_is_a_405_with_allow(string method, string path, string allow)
    {
        using var response = await Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow.Split(", ").Order(), response.Content.Headers.Allow.Order());
        ApiAssert.Error(await response.ReadJsonAsync(), "METHOD_NOT_ALLOWED", null, path);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/search?q=mug")]
    [InlineData("/api/v1/products")]
    [InlineData("/api/v1/categories")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/app.css")]
    public async Task Head_works_wherever_get_does(string url)
    {
        using var get = await Anonymous.GetAsync(url);
        using var head = await Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
