using System.Globalization;

namespace Ecommerce.Shared.Common;

/// <summary>
/// Rules for text people see as names (products, categories, people, addresses): no control characters (which can
/// break lines, logs and CSV files) and no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069), which
/// can make a name display as something else than it is.
/// </summary>
public static class TextRules
{
    /// <summary>True when the text holds a control character or a bidirectional override or isolate.</summary>
    public static bool HasUnsafeCharacters(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var c in text)
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') return true;
        return false;
    }

    /// <summary>Adds a VALIDATION_ERROR for <paramref name="field"/> when the name holds unsafe characters; true when it did.</summary>
    public static bool CheckName(string? value, string field, string label, List<Error> errors)
    {
        if (!HasUnsafeCharacters(value)) return false;
        errors.Add(Error.Validation(field, $"{label} cannot contain control characters or text-direction marks."));
        return true;
    }
}

/// <summary>Numbers typed into query strings and forms: invariant culture, a dot for decimals, no thousands separators.</summary>
public static class InvariantNumbers
{
    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Reads "12", "12.5" or "-3"; refuses "1,5", "1,000", "1e3" and anything else.</summary>
    public static bool TryParseDecimal(string? text, out decimal value) =>
        decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value);
}
