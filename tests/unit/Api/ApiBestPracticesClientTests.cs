using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// A client written from document 002's "API Best Practices" section, exactly as it reads, works against the store:
/// 1. the Authorization header, 2. a correlation id, 3. pagination, 4. retries with exponential backoff (made safe
/// by 6. an idempotency key), 5. caching with ETags, 7. client-side validation is the client's affair, 8. errors
/// handled from the envelope — and the common headers (Accept, X-API-Version) on every call.
/// </summary>
public class ApiBestPracticesClientTests
{
    /// <summary>The document's client: every call carries its common headers; a failed attempt is retried after 2^n seconds (here 2^n ms).</summary>
    private sealed class DocumentClient(HttpClient http)
    {
        public string? AccessToken { get; set; }
        public string CorrelationId { get; } = "bp-" + Guid.NewGuid().ToString("N");

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body = null,
            string? idempotencyKey = null, string? ifNoneMatch = null, Func<int, bool>? failAttempt = null)
        {
            for (var attempt = 1; ; attempt++)
            {
                using var request = new HttpRequestMessage(method, url);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (AccessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
                request.Headers.Add("X-Correlation-Id", CorrelationId);
                request.Headers.Add("X-API-Version", "v1");
                if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
                if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
                if (body is not null) request.Content = JsonContent.Create(body);
                var response = await http.SendAsync(request);
                // As if the answer were lost on the way: the client cannot know whether the call worked, and retries.
                if (failAttempt?.Invoke(attempt) == true && attempt < 3)
                {
                    response.Dispose();
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Pow(2, attempt)));
                    continue;
                }
                return response;
            }
        }
    }

    [Fact]
    public async Task A_client_following_the_documents_best_practices_works_unchanged()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Caching:CatalogSeconds"] = "30" });
        var product = await app.AddProductAsync(19.99m, stock: 10, name: "Best practice kettle");
        using var http = app.CreateRawClient();
        var client = new DocumentClient(http);

        // 3. Pagination, and 5. caching with an ETag.
        using var page = await client.SendAsync(HttpMethod.Get, "/api/v1/products?pageNumber=1&pageSize=20");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(client.CorrelationId, page.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("v1", page.Headers.GetValues("X-API-Version").Single());
        Assert.True(page.Headers.CacheControl?.Public);
        var etag = page.Headers.ETag!.ToString();
        using var cached = await client.SendAsync(HttpMethod.Get, "/api/v1/products?pageNumber=1&pageSize=20", ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);

        // 1. Authorization.
        var email = ApiSessions.NewEmail();
        (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/register",
            new { email, password = ApiSessions.CustomerPassword, firstName = "Dee", lastName = "Client" })).Dispose();
        using var login = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/login", new { email, password = ApiSessions.CustomerPassword });
        client.AccessToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("accessToken").GetString();
        using var address = await client.SendAsync(HttpMethod.Post, "/api/v1/users/addresses", ShopData.AddressBody());
        var addressId = (await address.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("id").GetString();
        (await client.SendAsync(HttpMethod.Post, "/api/v1/cart/items", new { productId = product.ToString(), quantity = 2 })).Dispose();

        // 4. Retry with exponential backoff, made safe by 6. an idempotency key: two answers lost, one order.
        var key = Guid.NewGuid().ToString();
        using var placed = await client.SendAsync(HttpMethod.Post, "/api/v1/orders",
            new { shippingAddressId = addressId, paymentMethodId = "bank_transfer" }, idempotencyKey: key, failAttempt: attempt => attempt < 3);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Equal("true", placed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(8, await app.StockOfAsync(product));

        // 8. Errors handled from the envelope: the traceId is the correlation id the client sent.
        using var missing = await client.SendAsync(HttpMethod.Get, "/api/v1/orders/999999");
        var error = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(error.GetProperty("success").GetBoolean());
        Assert.Equal("NOT_FOUND", error.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(client.CorrelationId, error.GetProperty("traceId").GetString());
    }
}
