using System.Text.Json;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Ecommerce.Api.Infrastructure;

/// <summary>
/// Reads a JSON object as a typed request and tells which members the client sent, so a PUT changes only those
/// (partial update, as document 002's "Update Product" example shows). The body is bound as a <see cref="JsonElement"/>,
/// not a JsonObject: with the API's <c>AllowDuplicateProperties = false</c> a member sent twice is then a 400 naming
/// it, where binding a JsonObject throws an ArgumentException (a 500).
/// </summary>
public static class PartialJson
{
    public static Result<(T Value, IReadOnlySet<string> Present)> Read<T>(JsonElement body, IOptions<JsonOptions> options)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return new Error(ErrorCodes.InvalidFormat, "The request body must be a JSON object.");
        try
        {
            var value = body.Deserialize<T>(options.Value.SerializerOptions);
            if (value is null) return Error.Validation("body", "The request body must be a JSON object.");
            var present = body.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return (value, present);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            return new Error(ErrorCodes.InvalidFormat, field is null ? "The request body is not valid for this operation." : $"The value of '{field}' is not valid.", field);
        }
    }

    /// <summary>
    /// A partial update's field: set to <paramref name="value"/> when the client sent <paramref name="member"/> (or,
    /// with no set of sent members, always — a create), left unset otherwise.
    /// </summary>
    public static Optional<T> Sent<T>(IReadOnlySet<string>? present, string member, T value) =>
        present is null || present.Contains(member) ? new Optional<T>(value) : default;

    /// <summary>The sent member names normalised to the API's camelCase spelling.</summary>
    public static IReadOnlySet<string> CamelCase(IEnumerable<string> names) =>
        names.Select(n => n.Length == 0 ? n : char.ToLowerInvariant(n[0]) + n[1..]).ToHashSet(StringComparer.Ordinal);
}
