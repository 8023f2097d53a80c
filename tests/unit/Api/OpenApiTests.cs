using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;

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
}
