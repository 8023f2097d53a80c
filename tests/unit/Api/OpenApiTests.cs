using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Api;

public class OpenApiTests(ApiCatalogFixture fixture) : IClassFixture<ApiCatalogFixture>
{
    private async Task<JsonElement> Document() => await fixture.Client.GetJsonAsync("/openapi/v1.json");

    private static JsonElement Operation(JsonElement document, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty("get");

    private static List<string> Parameters(JsonElement operation, string location) =>
        operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == location)
            .Select(p => p.GetProperty("name").GetString()!)
            .ToList();

    [Fact]
    public async Task Describes_the_api()
    {
        var document = await Document();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("E-Commerce Platform API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("v1", document.GetProperty("info").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Lists_the_four_catalog_paths_and_nothing_outside_the_api()
    {
        var paths = (await Document()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/products", paths);
        Assert.Contains("/api/v1/products/search", paths);
        Assert.Contains("/api/v1/products/{id}", paths);
        Assert.Contains("/api/v1/categories", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
        Assert.DoesNotContain(paths, p => p.Contains("rest", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_product_list_documents_its_query_parameters_and_responses()
    {
        var operation = Operation(await Document(), "/api/v1/products");
        Assert.Equal(
            new[] { "category", "maxPrice", "minPrice", "pageNumber", "pageSize", "sortBy", "sortOrder" },
            Parameters(operation, "query").Order(StringComparer.Ordinal));
        Assert.All(operation.GetProperty("parameters").EnumerateArray(),
            p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString())));

        var responses = operation.GetProperty("responses");
        Assert.True(responses.GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
        Assert.True(responses.GetProperty("400").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
        Assert.True(responses.TryGetProperty("500", out _));
        Assert.True(responses.GetProperty("503").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
        Assert.Equal("ListProducts", operation.GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task Search_documents_q_and_paging()
    {
        var operation = Operation(await Document(), "/api/v1/products/search");
        Assert.Equal(new[] { "pageNumber", "pageSize", "q" }, Parameters(operation, "query").Order(StringComparer.Ordinal));
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task The_product_detail_documents_its_id_and_not_found()
    {
        var operation = Operation(await Document(), "/api/v1/products/{id}");
        Assert.Equal(["id"], Parameters(operation, "path"));
        var responses = operation.GetProperty("responses");
        Assert.True(responses.GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
        Assert.True(responses.GetProperty("404").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
    }

    [Fact]
    public async Task Categories_document_a_200()
    {
        var operation = Operation(await Document(), "/api/v1/categories");
        Assert.True(operation.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public async Task The_schemas_describe_money_as_numbers_and_ids_as_strings()
    {
        var document = await Document();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var product = schemas.GetProperty("ProductDto").GetProperty("properties");
        Assert.Contains("string", Types(product.GetProperty("id")));
        Assert.Contains("number", Types(product.GetProperty("price")));
        Assert.Contains("integer", Types(product.GetProperty("stock")));
        Assert.Contains("boolean", Types(product.GetProperty("inStock")));
    }

    private static IEnumerable<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return [];
        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!) : [type.GetString()!];
    }

    [Fact]
    public async Task The_interactive_reference_is_served_at_api_docs()
    {
        using var client = fixture.App.CreateClient(); // follows redirects
        using var response = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<title>E-Commerce Platform API</title>", html);
        Assert.Contains("openapi/v1.json", html);
        Assert.DoesNotContain("fonts.googleapis.com", html);

        // The reference's script ships with the app (it works offline).
        var page = response.RequestMessage!.RequestUri!;
        using var script = await client.GetAsync(new Uri(page, "scalar.js"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 10_000);
    }

    [Fact]
    public async Task Every_route_the_app_maps_under_api_v1_is_in_the_document_and_nothing_else()
    {
        var mapped = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                $"{m.ToUpperInvariant()} /{e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/')}"))
            .Where(route => !route.StartsWith("HEAD ", StringComparison.Ordinal))
            .ToHashSet();
        var documented = (await Document()).GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}"))
            .ToHashSet();

        Assert.True(mapped.Count > 40, $"Only {mapped.Count} routes found.");
        Assert.Empty(mapped.Except(documented).Order());
        Assert.Empty(documented.Except(mapped).Order());
    }

    [Fact]
    public async Task Every_operation_documents_the_common_headers_and_errors_and_some_their_own()
    {
        var document = await Document();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Key: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToDictionary(o => o.Key, o => o.Operation);
        foreach (var (key, operation) in operations)
        {
            var headers = Parameters(operation, "header");
            Assert.Contains("X-Correlation-Id", headers);
            Assert.Contains("X-API-Version", headers);
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "400", "429", "500", "503" })
                Assert.True(responses.TryGetProperty(status, out _), $"{key} does not document {status}.");
            var first = responses.EnumerateObject().First().Value;
            Assert.True(first.GetProperty("headers").TryGetProperty("X-RateLimit-Remaining", out _), key);
            Assert.True(first.GetProperty("headers").TryGetProperty("X-Correlation-Id", out _), key);
        }

        var create = operations["POST /api/v1/orders"];
        Assert.Contains("Idempotency-Key", Parameters(create, "header"));
        Assert.True(create.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(create.GetProperty("responses").GetProperty("201").GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _));

        foreach (var read in new[] { "GET /api/v1/products", "GET /api/v1/products/{id}", "GET /api/v1/products/search", "GET /api/v1/categories", "GET /api/v1/categories/{id}", "GET /api/v1/orders/{orderId}" })
        {
            Assert.Contains("If-None-Match", Parameters(operations[read], "header"));
            Assert.True(operations[read].GetProperty("responses").TryGetProperty("304", out _), read);
            Assert.True(operations[read].GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _), read);
        }
        foreach (var update in new[] { "PUT /api/v1/products/{id}", "PUT /api/v1/categories/{id}" })
        {
            Assert.Contains("If-Match", Parameters(operations[update], "header"));
            Assert.True(operations[update].GetProperty("responses").TryGetProperty("412", out _), update);
        }
        Assert.DoesNotContain("Idempotency-Key", Parameters(operations["GET /api/v1/products"], "header"));
    }

    [Fact]
    public async Task The_error_envelope_schema_carries_the_documents_example()
    {
        var schema = (await Document()).GetProperty("components").GetProperty("schemas").GetProperty("ApiErrorResponse");
        var example = schema.GetProperty("examples")[0];
        Assert.Equal("Request validation failed", example.GetProperty("message").GetString());
        Assert.Equal("abc123-def456-ghi789", example.GetProperty("traceId").GetString());
    }

    [Theory]
    [InlineData("/swagger")]
    [InlineData("/swagger/index.html")]
    public async Task Swagger_leads_to_the_reference(string path)
    {
        using var client = fixture.App.CreateRawClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/api/docs", response.Headers.Location?.OriginalString);
    }
}
