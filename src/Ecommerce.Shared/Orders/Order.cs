using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Orders;

/// <summary>
/// The life of an order. Allowed moves: Pending → Paid → Processing → Shipped → Delivered, and Cancelled from
/// any state before Shipped. Refunded follows a refund of a paid order.
/// </summary>
public enum OrderStatus
{
    Pending = 0,
    Paid = 1,
    Processing = 2,
    Shipped = 3,
    Delivered = 4,
    Cancelled = 5,
    Refunded = 6,
}

/// <summary>A placed order. Lines and addresses are copies taken at checkout, so later catalog or address-book changes do not alter it.</summary>
public class Order : IHasTimestamps
{
    public int Id { get; set; }
    /// <summary>ORD-YYYY-NNNNNN, unique.</summary>
    public required string OrderNumber { get; set; }
    /// <summary>The customer; null once the customer's account has been deleted (the order stays for the books).</summary>
    public string? UserId { get; set; }
    public required string CustomerEmail { get; set; }
    public string? CustomerName { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.Pending;
    public required string Currency { get; set; }
    public long SubtotalCents { get; set; }
    public long DiscountCents { get; set; }
    public long TaxCents { get; set; }
    public long ShippingCents { get; set; }
    public long TotalCents { get; set; }
    public string? CouponCode { get; set; }
    public string? Notes { get; set; }

    public required OrderAddress ShippingAddress { get; set; }
    public required OrderAddress BillingAddress { get; set; }

    /// <summary>The payment method chosen at checkout, e.g. "manual" or "card".</summary>
    public required string PaymentMethod { get; set; }
    public string? TrackingNumber { get; set; }
    public string? Carrier { get; set; }
    public string? CancelReason { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime? ShippedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? CancelledAt { get; set; }

    public List<OrderLine> Lines { get; set; } = [];
    public List<OrderStatusChange> StatusHistory { get; set; } = [];
}

/// <summary>An address as it was when the order was placed.</summary>
public class OrderAddress
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public required string Street { get; set; }
    public string? Street2 { get; set; }
    public required string City { get; set; }
    public string? State { get; set; }
    public required string ZipCode { get; set; }
    public required string Country { get; set; }
    public string? Phone { get; set; }
}

/// <summary>One product in an order, with the name, SKU and unit price it had at checkout.</summary>
public class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public int ProductId { get; set; }
    public required string ProductName { get; set; }
    public required string Sku { get; set; }
    public string? ImageUrl { get; set; }
    public long UnitPriceCents { get; set; }
    public int Quantity { get; set; }
    public long LineTotalCents { get; set; }
}

/// <summary>An entry of the order's timeline: a status it moved to, when, by whom, and with what note or tracking.</summary>
public class OrderStatusChange : IHasCorrelationId
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public OrderStatus? FromStatus { get; set; }
    public OrderStatus Status { get; set; }
    public string? Note { get; set; }
    public string? TrackingNumber { get; set; }
    public string? Carrier { get; set; }
    public string? ChangedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The <c>X-Correlation-Id</c> of the request that made the change (null for pages and jobs).</summary>
    public string? CorrelationId { get; set; }
}

/// <summary>The last order number handed out per year, so numbers run ORD-2026-000001, ORD-2026-000002, …</summary>
public class OrderNumberSequence
{
    public int Year { get; set; }
    public int LastValue { get; set; }
}
