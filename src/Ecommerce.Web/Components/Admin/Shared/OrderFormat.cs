using System.Globalization;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;

namespace Ecommerce.Web.Components.Admin.Shared;

/// <summary>How the back office's order and customer screens write times, payment states and addresses.</summary>
public static class OrderFormat
{
    /// <summary>"Mar 4, 2026 14:05" — the store keeps UTC; callers add "UTC" where the column does not say it.</summary>
    public static string Time(DateTime utc, CultureInfo culture) => utc.ToString("MMM d, yyyy HH:mm", culture);

    /// <summary>"Mar 4, 2026 14:05 UTC".</summary>
    public static string TimeUtc(DateTime utc, CultureInfo culture) => Time(utc, culture) + " UTC";

    /// <summary>"Mar 4, 2026".</summary>
    public static string Date(DateTime utc, CultureInfo culture) => utc.ToString("MMM d, yyyy", culture);

    /// <summary>The value of a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

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

    /// <summary>The label of the button that moves an order to <paramref name="next"/>: "Mark paid", "Mark shipped", …</summary>
    public static string StepLabel(OrderStatus next) => "Mark " + OrderStatusRules.Name(next);

    public static string Payment(PaymentStatus? status) => status switch
    {
        null => "No payment",
        PaymentStatus.Pending => "Awaiting payment",
        PaymentStatus.Succeeded => "Paid",
        PaymentStatus.Failed => "Failed",
        PaymentStatus.Refunded => "Refunded",
        PaymentStatus.PartiallyRefunded => "Partially refunded",
        PaymentStatus.Cancelled => "Cancelled",
        _ => status.Value.ToString(),
    };

    public static string Refund(RefundStatus status) => status switch
    {
        RefundStatus.Pending => "Pending",
        RefundStatus.Succeeded => "Refunded",
        RefundStatus.Failed => "Failed",
        _ => status.ToString(),
    };

    /// <summary>"bank_transfer" → "Bank transfer".</summary>
    public static string Method(string method)
    {
        var words = method.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? method : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>An order's address as the lines of a label: name, street, line 2, "City, State ZIP", country, phone.</summary>
    public static IEnumerable<string> AddressLines(OrderAddress address)
    {
        if (Join(" ", address.FirstName, address.LastName) is { Length: > 0 } name) yield return name;
        yield return address.Street;
        if (!string.IsNullOrWhiteSpace(address.Street2)) yield return address.Street2;
        yield return CityLine(address.City, address.State, address.ZipCode);
        yield return address.Country;
        if (!string.IsNullOrWhiteSpace(address.Phone)) yield return address.Phone;
    }

    /// <summary>"Bar Harbor, ME 04609": the state and ZIP code share a part, as on an envelope.</summary>
    public static string CityLine(string city, string? state, string zipCode) =>
        Join(", ", city, Join(" ", state, zipCode));

    public static string? FullName(string? firstName, string? lastName) =>
        Join(" ", firstName, lastName) is { Length: > 0 } name ? name : null;

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
