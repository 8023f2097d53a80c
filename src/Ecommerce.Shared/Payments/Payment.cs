using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Payments;

public enum PaymentStatus
{
    Pending = 0,
    Succeeded = 1,
    Failed = 2,
    Refunded = 3,
    PartiallyRefunded = 4,
    Cancelled = 5,
}

/// <summary>An attempt to collect an order's total through a provider ("manual", "stripe", …).</summary>
public class Payment : IHasTimestamps
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public required string Provider { get; set; }
    /// <summary>What the shopper chose, e.g. "bank_transfer", "cash_on_delivery", "card".</summary>
    public required string Method { get; set; }
    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;
    public long AmountCents { get; set; }
    public long RefundedCents { get; set; }
    public required string Currency { get; set; }
    /// <summary>The provider's id for this payment (e.g. a Stripe PaymentIntent id).</summary>
    public string? ProviderReference { get; set; }
    public string? FailureMessage { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<Refund> Refunds { get; set; } = [];
}

public enum RefundStatus
{
    Pending = 0,
    Succeeded = 1,
    Failed = 2,
}

/// <summary>Money given back on a payment, whole or in part.</summary>
public class Refund : IHasTimestamps
{
    public int Id { get; set; }
    public int PaymentId { get; set; }
    public long AmountCents { get; set; }
    public string? Reason { get; set; }
    public RefundStatus Status { get; set; } = RefundStatus.Pending;
    public string? ProviderReference { get; set; }
    public string? RequestedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
