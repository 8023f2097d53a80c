using System.Net;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

public class UnknownApiRouteTests(ApiCatalogFixture fixture) : IClassFixture<ApiCatalogFixture>
{
    [Theory]
    [InlineData("GET", "/api/v1/nope")]
    [InlineData("GET", "/api/v1/products/1/nope")]
    [InlineData("GET", "/api/v2/products")]
    [InlineData("GET", "/api")]
    [InlineData("DELETE", "/api/v1/nope")]
    public async Task An_unknown_api_route_is_a_json_404_not_found_envelope(string method, string path)
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        var error = ApiAssert.Error(await response.ReadJsonAsync(), "NOT_FOUND", null, path);
        Assert.Contains(path, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_api_route_asked_for_html_still_answers_json()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nope");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}

public class UnexpectedApiErrorTests
{
    [Fact]
    public async Task An_unexpected_exception_is_a_500_internal_error_envelope_without_details()
    {
        // The demo catalog makes sure the product query really runs (an empty catalog answers without it).
        using var app = new StoreApp();
        var client = app.CreateRawClient();
        // Works before the database is broken.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "ProductImages" RENAME TO "Gone";"""));

        using var response = await client.GetAsync("/api/v1/products?pageSize=5");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        var root = await response.ReadJsonAsync();
        ApiAssert.Error(root, "INTERNAL_ERROR", null, "/api/v1/products");
        Assert.Equal(32, root.GetProperty("traceId").GetString()!.Length);

        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("Sqlite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ProductImages", body);
        Assert.DoesNotContain("Microsoft.", body);
        Assert.DoesNotContain("Ecommerce.", body);
        Assert.DoesNotContain(".cs:line", body);

        // The same failure on a page shows the store's error page, not the developer exception page.
        using var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var document = HttpTestExtensions.ParseHtml(html);
        Assert.StartsWith("Something went wrong", document.Title);
        Assert.Equal("Something went wrong", document.QuerySelector("h1")!.Text());
        Assert.DoesNotContain("   at ", html);
        Assert.DoesNotContain("SqliteException", html);
    }
}

/// <summary>A database that cannot be reached is the store's outage, not a fault: 503 with when to try again.</summary>
public class UnreachableDatabaseApiTests
{
    [Fact]
    public async Task Api_calls_answer_503_service_unavailable_with_retry_after_while_the_database_is_gone()
    {
        using var app = ShopperApp.Create();
        using var customer = await app.RegisterCustomerAsync();
        var client = app.CreateRawClient();
        (await client.GetApiAsync("/api/v1/products?pageSize=5")).Data(); // works before the outage

        using (app.TakeDatabaseAway())
        {
            var catalog = await client.GetApiAsync("/api/v1/products?pageSize=5");
            var login = await client.PostApiAsync("/api/v1/auth/login", new { email = customer.Email, password = customer.Password });
            foreach (var reply in new[] { catalog, login })
            {
                var error = reply.Error(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
                Assert.Contains("Try again", error.ErrorMessage());
                Assert.Equal("Service unavailable", reply.Body.Str("message"));
                Assert.Equal("30", reply.Header("Retry-After"));
                Assert.Equal(30, reply.Body.GetProperty("retryAfter").GetInt32());
                Assert.DoesNotContain("Exception", reply.RawBody);
                Assert.DoesNotContain(TestProvider.IsPostgres ? "Npgsql" : "Sqlite", reply.RawBody, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
