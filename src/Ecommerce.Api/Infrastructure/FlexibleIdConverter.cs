using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecommerce.Api.Infrastructure;

/// <summary>
/// Reads an id sent either as a JSON string ("42", as the API writes ids) or as a number (42), so clients of
/// either habit work; writes strings.
/// </summary>
public sealed class FlexibleIdConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("An id must be a string or a whole number."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue(); else writer.WriteStringValue(value);
    }
}

/// <summary>Ids in paths and bodies: strings that must hold a positive whole number.</summary>
public static class ApiIds
{
    public static bool TryParse(string? value, out int id) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static string Format(int id) => id.ToString(CultureInfo.InvariantCulture);
}
