using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Payments;

namespace Ecommerce.Shared.Orders;

/// <summary>What a shopper or client sends to place an order from their cart.</summary>
public sealed record PlaceOrderInput
{
    public int? ShippingAddressId { get; init; }
    public int? BillingAddressId { get; init; }
    /// <summary>An address typed at checkout instead of a saved one.</summary>
    public AddressInput? ShippingAddress { get; init; }
    public AddressInput? BillingAddress { get; init; }
    public string? PaymentMethodId { get; init; }
    /// <summary>Applies this coupon instead of the one on the cart.</summary>
    public string? CouponCode { get; init; }
    public string? Notes { get; init; }
    /// <summary>The total the shopper was shown; when given and the order's total differs, the order is refused (PRICE_CHANGED).</summary>
    public Money? ExpectedTotal { get; init; }
}

public sealed record OrderLineView(int Id, int ProductId, string ProductName, string Sku, string? ImageUrl, Money UnitPrice, int Quantity, Money Subtotal);

/// <summary>One step of an order's life. <see cref="ChangedBy"/> is the e-mail of whoever made it (null once that account is gone).</summary>
public sealed record OrderStatusEntry(OrderStatus? FromStatus, OrderStatus Status, DateTime Timestamp, string? Note, string? TrackingNumber, string? Carrier,
    string? ChangedBy = null);

public sealed record OrderView(
    int Id,
    string OrderNumber,
    string? UserId,
    string CustomerEmail,
    string? CustomerName,
    OrderStatus Status,
    IReadOnlyList<OrderLineView> Items,
    CartTotals Totals,
    string Currency,
    OrderAddress ShippingAddress,
    OrderAddress BillingAddress,
    string PaymentMethod,
    string PaymentMethodName,
    PaymentStatus? PaymentStatus,
    string? CouponCode,
    string? Notes,
    string? TrackingNumber,
    string? Carrier,
    string? CancelReason,
    DateTime? PaidAt,
    DateTime? ShippedAt,
    DateTime? DeliveredAt,
    DateTime? CancelledAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<OrderStatusEntry> StatusHistory)
{
    public int ItemCount => Items.Sum(i => i.Quantity);
    public bool CanBeCancelled => OrderStatusRules.CanCancel(Status);

    /// <summary>The day the order should arrive (see <see cref="DeliveryEstimate"/>); null when it will not be delivered.</summary>
    public DateTime? EstimatedDelivery { get; init; }
}

public sealed record OrderSummaryView(int Id, string OrderNumber, OrderStatus Status, int ItemCount, Money Total, DateTime CreatedAt, string CustomerEmail);

/// <summary>Filters and page of an order list.</summary>
public sealed record OrderQuery
{
    public const int DefaultPageSize = 10;

    public int PageNumber { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;
    public string? Status { get; init; }
    /// <summary>Orders placed at or after this time (UTC; a time without a zone is UTC).</summary>
    public DateTime? From { get; init; }
    /// <summary>Orders placed before this time (exclusive).</summary>
    public DateTime? Until { get; init; }
    /// <summary>Part of an order number or of the customer's email (back office search).</summary>
    public string? Search { get; init; }
}

/// <summary>Whose orders a caller may see: a customer only their own, an admin every order.</summary>
public readonly record struct OrderAccess(string? UserId, bool IsAdmin)
{
    public static OrderAccess Customer(string userId) => new(userId, false);
    public static readonly OrderAccess Admin = new(null, true);
}

public static class OrderStatusRules
{
    private static readonly Dictionary<OrderStatus, OrderStatus> Next = new()
    {
        [OrderStatus.Pending] = OrderStatus.Paid,
        [OrderStatus.Paid] = OrderStatus.Processing,
        [OrderStatus.Processing] = OrderStatus.Shipped,
        [OrderStatus.Shipped] = OrderStatus.Delivered,
    };

    /// <summary>pending → paid → processing → shipped → delivered, one step at a time.</summary>
    public static bool CanMove(OrderStatus from, OrderStatus to) =>
        to == OrderStatus.Cancelled ? CanCancel(from) : Next.TryGetValue(from, out var next) && next == to;

    /// <summary>Orders can be cancelled until they ship.</summary>
    public static bool CanCancel(OrderStatus status) => status is OrderStatus.Pending or OrderStatus.Paid or OrderStatus.Processing;

    /// <summary>The status an order can move to next, if any (cancellation aside).</summary>
    public static OrderStatus? NextOf(OrderStatus status) => Next.TryGetValue(status, out var next) ? next : null;

    public static string Name(OrderStatus status) => status.ToString().ToLowerInvariant();

    public static OrderStatus? Parse(string? value) =>
        Enum.TryParse<OrderStatus>(value?.Trim(), ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(value, out _)
            ? status
            : null;
}
