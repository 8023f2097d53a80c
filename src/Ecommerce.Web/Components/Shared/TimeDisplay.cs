using System.Globalization;
using System.Text.RegularExpressions;

namespace Ecommerce.Web.Components.Shared;

/// <summary>
/// Dates and times as the storefront and the back office write them, in the store's culture (Store:Culture): the
/// culture's own order of day, month and year and its own clock, so that a shop set to de-DE writes "25. Nov. 2026,
/// 15:27" where an en-US one writes "Nov 25, 2026, 3:27 PM". The store keeps UTC and has no time zone of its own, so
/// the times are UTC; <see cref="DateTimeUtc"/> says so where no column heading does.
/// </summary>
public static partial class TimeDisplay
{
    /// <summary>"Nov 25, 2026": the culture's long date without the weekday and with the short month name.</summary>
    public static string Date(DateTime utc, CultureInfo culture) => utc.ToString(DatePattern(culture), culture);

    /// <summary>"Nov 25, 2026, 3:27 PM": the date and the culture's short time.</summary>
    public static string DateTime(DateTime utc, CultureInfo culture) =>
        $"{Date(utc, culture)}, {utc.ToString(culture.DateTimeFormat.ShortTimePattern, culture)}";

    /// <summary>"Nov 25, 2026, 3:27 PM UTC".</summary>
    public static string DateTimeUtc(DateTime utc, CultureInfo culture) => DateTime(utc, culture) + " UTC";

    /// <summary>The value of a &lt;time datetime&gt; attribute: ISO 8601 in UTC.</summary>
    public static string Iso(DateTime utc) =>
        System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The culture's long date pattern without the weekday (wherever the culture puts it, with the separator beside
    /// it) and with the abbreviated month: "dddd, MMMM d, yyyy" → "MMM d, yyyy", "dddd d MMMM yyyy" → "d MMM yyyy".
    /// </summary>
    private static string DatePattern(CultureInfo culture) =>
        Weekday().Replace(culture.DateTimeFormat.LongDatePattern, " ").Replace("MMMM", "MMM").Trim();

    [GeneratedRegex(@"[\s,]*dddd[\s,]*")]
    private static partial Regex Weekday();
}
