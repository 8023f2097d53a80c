using System.Globalization;
using System.Text;

namespace Ecommerce.Shared.Common;

/// <summary>URL slugs: lower-case ASCII letters and digits separated by single hyphens ("cafe-creme-200g").</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";

        // Decompose accented letters (é → e + ´) so that only their base letter is kept.
        var normalized = text.Replace("&", " and ").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        var pendingHyphen = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '’') continue; // "Men's" → "mens", not "men-s"

            var lower = char.ToLowerInvariant(c);
            var mapped = lower switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => null,
                'ß' => "ss",
                'æ' => "ae",
                'ø' => "o",
                'œ' => "oe",
                'ł' => "l",
                'đ' => "d",
                _ => "-",
            };

            if (mapped == "-")
            {
                pendingHyphen = builder.Length > 0;
                continue;
            }

            if (pendingHyphen) builder.Append('-');
            pendingHyphen = false;
            if (mapped is null) builder.Append(lower); else builder.Append(mapped);
        }

        var slug = builder.ToString();
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }

    /// <summary>True when <paramref name="slug"/> is already in canonical slug form.</summary>
    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && From(slug) == slug;

    /// <summary>
    /// The first of "base", "base-2", "base-3", … that <paramref name="isTaken"/> says is free.
    /// </summary>
    public static async Task<string> UniqueAsync(string baseSlug, Func<string, Task<bool>> isTaken)
    {
        if (string.IsNullOrEmpty(baseSlug)) baseSlug = "item";
        if (!await isTaken(baseSlug)) return baseSlug;
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var candidate = (baseSlug.Length + suffix.Length > MaxLength
                ? baseSlug[..(MaxLength - suffix.Length)].TrimEnd('-')
                : baseSlug) + suffix;
            if (!await isTaken(candidate)) return candidate;
        }
    }
}
