using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>What an API call answered: status, parsed body (default when empty) and the path the envelope should name.</summary>
public sealed record ApiReply(HttpStatusCode Status, JsonElement Body, string RawBody, string Method, string Url)
{
    public override string ToString() => $"{Method} {Url} → {(int)Status}: {RawBody}";

    /// <summary>The response's headers (content headers included).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A response header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The request path without the query, as the error envelope's <c>path</c> shows it.</summary>
    public string Path => Url.Split('?')[0];

    /// <summary>Asserts the status code, showing the body when it differs.</summary>
    public ApiReply Expect(HttpStatusCode status)
    {
        Assert.True(Status == status, $"{Method} {Url}: expected {(int)status} {status}, got {(int)Status} {Status}: {RawBody}");
        return this;
    }

    /// <summary>Asserts a success envelope with the given status and returns its data.</summary>
    public JsonElement Data(HttpStatusCode status = HttpStatusCode.OK) => ApiAssert.Success(Expect(status).Body);

    /// <summary>Asserts an error envelope with the given status, holding an error of the code and field; returns that error.</summary>
    public JsonElement Error(HttpStatusCode status, string code, string? field = null) =>
        ApiAssert.Error(Expect(status).Body, code, field, Path);

    /// <summary>The errors of an error envelope.</summary>
    public IReadOnlyList<JsonElement> Errors => Body.GetProperty("errors").EnumerateArray().ToList();

    /// <summary>The fields named by the errors, in order (null for errors without one).</summary>
    public IReadOnlyList<string?> ErrorFields =>
        Errors.Select(e => e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null).ToList();
}

/// <summary>Calling the JSON API in tests: bodies are written camelCase, as clients send them.</summary>
public static class ApiCalls
{
    public static Task<ApiReply> GetApiAsync(this HttpClient client, string url) => client.CallAsync(HttpMethod.Get, url);

    public static Task<ApiReply> PostApiAsync(this HttpClient client, string url, object? body = null) => client.CallAsync(HttpMethod.Post, url, body);

    public static Task<ApiReply> PutApiAsync(this HttpClient client, string url, object? body = null) => client.CallAsync(HttpMethod.Put, url, body);

    public static Task<ApiReply> DeleteApiAsync(this HttpClient client, string url) => client.CallAsync(HttpMethod.Delete, url);

    /// <summary>Sends a request with extra request headers (e.g. Idempotency-Key, If-None-Match).</summary>
    public static Task<ApiReply> SendApiAsync(this HttpClient client, HttpMethod method, string url, object? body, params (string Name, string Value)[] headers) =>
        client.CallAsync(method, url, body, requestHeaders: headers.Select(h => KeyValuePair.Create(h.Name, h.Value)));

    /// <summary>Sends a request; <paramref name="body"/> is serialized as JSON, or sent as is when it is a <see cref="RawJson"/>.</summary>
    public static async Task<ApiReply> CallAsync(this HttpClient client, HttpMethod method, string url, object? body = null, string? bearer = null,
        IEnumerable<KeyValuePair<string, string>>? requestHeaders = null)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in requestHeaders ?? []) request.Headers.TryAddWithoutValidation(name, value);
        request.Content = body switch
        {
            null => null,
            RawJson raw => new StringContent(raw.Json, Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body, body.GetType()),
        };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement parsed = default;
        if (text.Length > 0)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json",
                $"{method} {url}: expected a JSON answer, got {response.Content.Headers.ContentType}: {text[..Math.Min(text.Length, 300)]}");
            using var document = JsonDocument.Parse(text);
            parsed = document.RootElement.Clone();
        }
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiReply(response.StatusCode, parsed, text, method.Method, url) { Headers = headers };
    }
}

/// <summary>A request body sent exactly as written (for malformed or oddly typed JSON).</summary>
public sealed record RawJson(string Json);

/// <summary>Small readers for values in API answers.</summary>
public static class Json
{
    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static int Int(this JsonElement element, string name) => element.GetProperty(name).GetInt32();

    public static decimal Money(this JsonElement element, string name) => ApiAssert.Money(element.GetProperty(name));

    public static int Id(this JsonElement element, string name = "id") => ApiAssert.Id(element.GetProperty(name));

    public static string ErrorMessage(this JsonElement error) => error.GetProperty("message").GetString()!;
}
