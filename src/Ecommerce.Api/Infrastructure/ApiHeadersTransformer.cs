using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.Api.Infrastructure;

/// <summary>
/// Documents what every operation shares and what some honour, so that a client generated from the OpenAPI document
/// knows it: the request headers (<c>X-Correlation-Id</c>, <c>X-API-Version</c>, and where they apply
/// <c>Idempotency-Key</c>, <c>If-None-Match</c>, <c>If-Match</c>), the response headers (correlation id, version,
/// rate limits, ETag, Cache-Control), the error statuses every operation can answer (400 for an unsupported version,
/// 429, 500, and 503 while the database is unreachable) and 304 where ETags are sent; the error envelope's schema
/// carries document 002's own example.
/// </summary>
internal sealed class ApiHeadersTransformer : IOpenApiOperationTransformer, IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Parameters ??= [];
        AddHeader(operation, "X-Correlation-Id", "Your id for this call (1–128 printable characters): echoed in the response, used as the error envelope's traceId and in the store's logs. Made up when absent.", maxLength: 128);
        AddHeader(operation, ApiVersioning.HeaderName, "The API version you expect: v1 (or 1). Any other value is 400 UNSUPPORTED_API_VERSION.", values: ["v1", "1"]);
        if (metadata.OfType<IdempotencyKeyMetadata>().Any())
            AddHeader(operation, IdempotencyKeys.HeaderName, "A key of your choice (a UUID) that makes retries safe: the same key with the same request answers with the first answer (Idempotent-Replayed: true) and does nothing again; with another request, 422 IDEMPOTENCY_KEY_REUSED. Kept 24 hours.", maxLength: 255);
        var etags = metadata.OfType<ETagMetadata>().Any();
        if (etags) AddHeader(operation, "If-None-Match", "The ETag of your copy: 304 without a body when it is still current.");
        if (metadata.OfType<IfMatchMetadata>().Any())
            AddHeader(operation, "If-Match", "The ETag of your last GET: the update is refused with 412 PRECONDITION_FAILED when the resource changed since.");

        operation.Responses ??= [];
        var envelope = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(ApiErrorResponse), context.Document) },
        };
        foreach (var (status, description) in new[]
                 {
                     ("400", "Request validation failed (also: an unsupported X-API-Version)"),
                     ("429", "Too many requests (RATE_LIMIT_EXCEEDED, with Retry-After)"),
                     ("500", "An unexpected error (INTERNAL_ERROR; quote the traceId)"),
                     ("503", "Service unavailable (SERVICE_UNAVAILABLE, e.g. while the database is unreachable)"),
                 })
        {
            if (!operation.Responses.ContainsKey(status)) operation.Responses[status] = new OpenApiResponse { Description = description, Content = envelope };
        }
        if (etags && !operation.Responses.ContainsKey("304"))
            operation.Responses["304"] = new OpenApiResponse { Description = "Not modified: the ETag in If-None-Match is current (no body)." };

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete) continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            Header(concrete, "X-Correlation-Id", "The call's correlation id (yours, or the one the store made).");
            Header(concrete, ApiVersioning.HeaderName, "The version that answered (v1).");
            Header(concrete, "X-RateLimit-Limit", "Requests allowed per hour on your plan.", JsonSchemaType.Integer);
            Header(concrete, "X-RateLimit-Remaining", "Requests left in the current hour.", JsonSchemaType.Integer);
            Header(concrete, "X-RateLimit-Reset", "When the hour's allowance is refilled (Unix time, seconds).", JsonSchemaType.Integer);
            if (etags && status is "200" or "304")
            {
                Header(concrete, "ETag", "The tag of the response's data; send it in If-None-Match (and, where a resource can be changed, in If-Match).");
                Header(concrete, "Cache-Control", "public, max-age=… for the anonymous catalog; private, no-cache for a caller's own data.");
            }
            if (status == "201" && metadata.OfType<IdempotencyKeyMetadata>().Any())
                Header(concrete, IdempotencyKeys.ReplayedHeaderName, "true when this is the stored answer of an earlier request with the same Idempotency-Key.");
        }
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(ApiErrorResponse))
            schema.Examples = [JsonNode.Parse("""
                {
                  "success": false,
                  "errors": [
                    { "code": "VALIDATION_ERROR", "message": "Email is required", "field": "email" },
                    { "code": "INVALID_FORMAT", "message": "Invalid email format", "field": "email" }
                  ],
                  "message": "Request validation failed",
                  "timestamp": "2025-11-02T10:30:00Z",
                  "traceId": "abc123-def456-ghi789",
                  "path": "/api/v1/users/register"
                }
                """)!];
        return Task.CompletedTask;
    }

    private static void AddHeader(OpenApiOperation operation, string name, string description, int? maxLength = null, string[]? values = null)
    {
        if (operation.Parameters!.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) return;
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MaxLength = maxLength,
                Enum = values?.Select(v => (JsonNode)JsonValue.Create(v)!).ToList(),
            },
        });
    }

    private static void Header(OpenApiResponse response, string name, string description, JsonSchemaType type = JsonSchemaType.String) =>
        response.Headers!.TryAdd(name, new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type } });
}
