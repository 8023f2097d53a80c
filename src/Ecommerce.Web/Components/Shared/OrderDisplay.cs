using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;
using MudBlazor;

namespace Ecommerce.Web.Components.Shared;

/// <summary>
/// The words for an order's states, shared by the storefront (the shopper's order pages) and the back office, so
/// that a shopper and the shop owner talking about one order read the same status and the same payment state.
/// </summary>
public static class OrderDisplay
{
    /// <summary>"Pending", "Shipped", …: the status as a word with a capital (the API's name is lower case).</summary>
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

    /// <summary>The colour of a status chip: waiting is amber, on its way is blue, delivered is green, cancelled is red.</summary>
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

    /// <summary>
    /// The state of an order's (latest) payment. An order without any payment record says so plainly ("No payment"):
    /// it is true of an order whose payment never started and of one cancelled before it did.
    /// </summary>
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

    /// <summary>The state of one refund; a refund that went through is "Refunded", as a payment that was refunded is.</summary>
    public static string Refund(RefundStatus status) => status switch
    {
        RefundStatus.Pending => "Pending",
        RefundStatus.Succeeded => "Refunded",
        RefundStatus.Failed => "Failed",
        _ => status.ToString(),
    };

    /// <summary>A payment provider's or method's id as words: "bank_transfer" → "Bank transfer".</summary>
    public static string Method(string method)
    {
        var words = method.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? method : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
