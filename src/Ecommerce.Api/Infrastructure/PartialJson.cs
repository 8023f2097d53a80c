using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Ecommerce.Api.Infrastructure;

/// <summary>
/// Reads a JSON object as a typed request and tells which members the client sent, so a PUT changes only those
/// (partial update, as document 002's "Update Product" example shows).
/// </summary>
public static class PartialJson
{
    public static Result<(T Value, IReadOnlySet<string> Present)> Read<T>(JsonObject body, IOptions<JsonOptions> options)
    {
        try
        {
            var value = body.Deserialize<T>(options.Value.SerializerOptions);
            if (value is null) return Error.Validation("body", "The request body must be a JSON object.");
            var present = body.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return (value, present);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            return new Error(ErrorCodes.InvalidFormat, field is null ? "The request body is not valid for this operation." : $"The value of '{field}' is not valid.", field);
        }
    }

    /// <summary>The sent member names normalised to the API's camelCase spelling.</summary>
    public static IReadOnlySet<string> CamelCase(IEnumerable<string> names) =>
        names.Select(n => n.Length == 0 ? n : char.ToLowerInvariant(n[0]) + n[1..]).ToHashSet(StringComparer.Ordinal);
}
