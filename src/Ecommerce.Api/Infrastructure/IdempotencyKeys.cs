using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ecommerce.Api.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on money-moving endpoints (document 002, "Use Idempotency Keys for Critical Operations"):
/// a client that retries a request with the same key — because it timed out, or the connection dropped — gets the
/// first attempt's answer with <c>Idempotent-Replayed: true</c>, and the work is done once. Keys are per caller and
/// kept for <c>Idempotency:Hours</c> in the database (<see cref="IdempotencyStore"/>). A repeat that arrives while the
/// first attempt still runs waits for it (up to <c>Idempotency:WaitSeconds</c>, then 409 CONFLICT); the same key with
/// a different request is 422 IDEMPOTENCY_KEY_REUSED; a key longer than 255 characters is 400. Answers below 500 are
/// kept (a refused order stays refused for that key); a 5xx or an exception frees the key for a retry.
/// </summary>
public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>Makes the endpoint honour <c>Idempotency-Key</c>.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(HandleAsync)
            .WithMetadata(new IdempotencyKeyMetadata())
            .ProducesErrors(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

    private static async ValueTask<object?> HandleAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers[HeaderName];
        if (header.Count == 0) return await next(context);

        var key = header.Count == 1 ? header[0] : null;
        if (string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyRecord.MaxKeyLength || !key.All(c => c is >= ' ' and <= '~'))
            return ApiResults.Error(Error.Validation(HeaderName,
                $"{HeaderName} must be one value of 1 to {IdempotencyRecord.MaxKeyLength} printable characters (a UUID is a good choice)."));

        // Keys belong to the caller: the same key from two accounts is two operations.
        var scope = http.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (scope is null) return await next(context);

        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var claim = await store.ClaimAsync("user:" + scope, key, Fingerprint(context), http.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.Replay replay:
                return new ReplayResult(replay.Response);
            case IdempotencyClaim.Mismatch:
                return ApiResults.Error(new Error(ErrorCodes.IdempotencyKeyReused,
                    $"This {HeaderName} was already used for a different request. Use a new key for a new operation.", HeaderName));
            case IdempotencyClaim.StillRunning:
                http.Response.Headers.RetryAfter = "1";
                return ApiResults.Error(Error.Conflict(
                    $"A request with this {HeaderName} is still being processed. Retry in a moment to get its result."));
        }

        var recordId = ((IdempotencyClaim.Run)claim).RecordId;
        StoredResponse response;
        try
        {
            var result = await next(context);
            response = await ExecuteAndCaptureAsync(http, result);
        }
        catch
        {
            await store.ReleaseAsync(recordId, CancellationToken.None);
            throw;
        }

        // The work is done: keep its answer even if the client has gone, so that its retry gets it.
        if (response.StatusCode >= 500) await store.ReleaseAsync(recordId, CancellationToken.None);
        else await store.CompleteAsync(recordId, response, CancellationToken.None);
        await http.Response.Body.WriteAsync(response.Body, CancellationToken.None);
        return EmptyResult.Instance;
    }

    /// <summary>What makes two requests "the same": method, path, query and the body as the endpoint read it.</summary>
    private static string Fingerprint(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } bodyType
            ? context.Arguments.FirstOrDefault(a => a is not null && bodyType.IsInstanceOfType(a))
            : null;
        var text = new StringBuilder()
            .Append(http.Request.Method).Append('\n')
            .Append(http.Request.Path.Value).Append('\n')
            .Append(http.Request.QueryString.Value).Append('\n')
            .Append(body is null ? "" : JsonSerializer.Serialize(body, body.GetType(), json));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Runs the endpoint's result into memory, leaving its status and headers on the response, and returns what it wrote.</summary>
    private static async Task<StoredResponse> ExecuteAndCaptureAsync(HttpContext http, object? result)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            switch (result)
            {
                case IResult endpointResult: await endpointResult.ExecuteAsync(http); break;
                case null: break;
                default: await http.Response.WriteAsJsonAsync(result, result.GetType()); break;
            }
        }
        finally
        {
            http.Response.Body = original;
        }
        return new StoredResponse(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, buffer.ToArray());
    }

    /// <summary>The stored answer of the key's first request, marked as a replay.</summary>
    private sealed class ReplayResult(StoredResponse response) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var http = httpContext.Response;
            http.StatusCode = response.StatusCode;
            if (response.ContentType is { } type) http.ContentType = type;
            if (response.Location is { } location) http.Headers.Location = location;
            http.Headers[ReplayedHeaderName] = "true";
            return http.Body.WriteAsync(response.Body).AsTask();
        }
    }

    /// <summary>Nothing more to write: the filter has written the response.</summary>
    private sealed class EmptyResult : IResult
    {
        public static readonly EmptyResult Instance = new();
        public Task ExecuteAsync(HttpContext httpContext) => Task.CompletedTask;
    }
}

/// <summary>Marks endpoints that honour Idempotency-Key (documented in OpenAPI).</summary>
public sealed class IdempotencyKeyMetadata;
