using System.Globalization;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;
using MudBlazor;

namespace Ecommerce.Web.Components.Account.Pages.Manage;

/// <summary>How the account pages write dates, order states and addresses.</summary>
internal static class AccountFormat
{
    /// <summary>"Nov 25, 2026" in en-US: the culture's long date without the weekday, with the short month name.</summary>
    public static string Date(DateTime utc, CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.LongDatePattern.Replace("dddd, ", "").Replace("dddd ", "").Replace("MMMM", "MMM");
        return utc.ToString(pattern, culture);
    }

    /// <summary>"Nov 25, 2026, 3:27 PM UTC". The store keeps times in UTC and has no time zone of its own.</summary>
    public static string DateTime(DateTime utc, CultureInfo culture) =>
        $"{Date(utc, culture)}, {utc.ToString(culture.DateTimeFormat.ShortTimePattern, culture)} UTC";

    /// <summary>The value of a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTime utc) =>
        System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "Pending",
        OrderStatus.Paid => "Paid",
        OrderStatus.Processing => "Processing",
        OrderStatus.Shipped => "Shipped",
        OrderStatus.Delivered => "Delivered",
        OrderStatus.Cancelled => "Cancelled",
        OrderStatus.Refunded => "Refunded",
        _ => status.ToString(),
    };

    public static Color StatusColor(OrderStatus status) => status switch
    {
        OrderStatus.Pending => Color.Warning,
        OrderStatus.Paid => Color.Info,
        OrderStatus.Processing => Color.Primary,
        OrderStatus.Shipped => Color.Secondary,
        OrderStatus.Delivered => Color.Success,
        OrderStatus.Cancelled => Color.Error,
        _ => Color.Default,
    };

    public static string Payment(PaymentStatus? status) => status switch
    {
        null => "Not started",
        PaymentStatus.Pending => "Awaiting payment",
        PaymentStatus.Succeeded => "Paid",
        PaymentStatus.Failed => "Failed",
        PaymentStatus.Refunded => "Refunded",
        PaymentStatus.PartiallyRefunded => "Partially refunded",
        PaymentStatus.Cancelled => "Cancelled",
        _ => status.Value.ToString(),
    };

    /// <summary>An order's address as the lines of a label: name, street, line 2, "City, State ZIP", country, phone.</summary>
    public static IEnumerable<string> Lines(OrderAddress address)
    {
        if (Join(" ", address.FirstName, address.LastName) is { Length: > 0 } name) yield return name;
        yield return address.Street;
        if (!string.IsNullOrWhiteSpace(address.Street2)) yield return address.Street2;
        yield return CityLine(address.City, address.State, address.ZipCode);
        yield return address.Country;
        if (!string.IsNullOrWhiteSpace(address.Phone)) yield return address.Phone;
    }

    public static string CityLine(string city, string? state, string zipCode) =>
        Join(" ", Join(", ", city, state), zipCode);

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
