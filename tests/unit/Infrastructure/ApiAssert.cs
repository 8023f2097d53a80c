using System.Globalization;
using System.Text.Json;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>Checks of the API's response envelopes (document 002, "Standard Response Format").</summary>
public static class ApiAssert
{
    /// <summary>A success envelope: success (first), data, message, timestamp — and nothing else. Returns data.</summary>
    public static JsonElement Success(JsonElement root)
    {
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("success", names[0]);
        Assert.Equal(["data", "message", "success", "timestamp"], names.Order(StringComparer.Ordinal));
        Assert.True(root.GetProperty("success").GetBoolean());
        Assert.True(root.GetProperty("message").ValueKind is JsonValueKind.Null or JsonValueKind.String);
        UtcTimestamp(root.GetProperty("timestamp"));
        return root.GetProperty("data");
    }

    /// <summary>
    /// An error envelope: success:false (first), errors with one of the given code and field, message, timestamp,
    /// traceId and path. Returns the matching error.
    /// </summary>
    public static JsonElement Error(JsonElement root, string code, string? field, string path)
    {
        Assert.Equal("success", root.EnumerateObject().First().Name);
        Assert.False(root.GetProperty("success").GetBoolean());
        var errors = root.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        var error = Assert.Single(errors, e => e.GetProperty("code").GetString() == code
            && (field is null ? !e.TryGetProperty("field", out _) || e.GetProperty("field").ValueKind == JsonValueKind.Null
                              : e.TryGetProperty("field", out var f) && f.GetString() == field));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("message").GetString()));
        UtcTimestamp(root.GetProperty("timestamp"));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("traceId").GetString()));
        Assert.Equal(path, root.GetProperty("path").GetString());
        return error;
    }

    /// <summary>An ISO-8601 UTC time ending in Z.</summary>
    public static DateTime UtcTimestamp(JsonElement value)
    {
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        var text = value.GetString()!;
        Assert.EndsWith("Z", text);
        var parsed = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        return parsed;
    }

    /// <summary>A money amount: a JSON number written with exactly two decimals (19.90, not 19.9).</summary>
    public static decimal Money(JsonElement value)
    {
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        Assert.Matches(@"^-?\d+\.\d{2}$", value.GetRawText());
        return value.GetDecimal();
    }

    /// <summary>An id: a JSON string holding a positive integer.</summary>
    public static int Id(JsonElement value)
    {
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.True(int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0,
            $"'{value.GetString()}' is not an id");
        return id;
    }

    public static IReadOnlyList<string> PropertyNames(JsonElement value) => value.EnumerateObject().Select(p => p.Name).ToList();
}
