using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Coupons;

public enum CouponKind
{
    /// <summary>A percentage of the subtotal (<see cref="Coupon.PercentOff"/>).</summary>
    Percentage = 0,
    /// <summary>A fixed amount off the subtotal (<see cref="Coupon.AmountOffCents"/>), never more than the subtotal.</summary>
    FixedAmount = 1,
}

/// <summary>A discount code a shopper types at the cart.</summary>
public class Coupon : IHasTimestamps
{
    public int Id { get; set; }
    /// <summary>Upper-case, unique.</summary>
    public required string Code { get; set; }
    public string? Description { get; set; }
    public CouponKind Kind { get; set; }
    public decimal PercentOff { get; set; }
    public long AmountOffCents { get; set; }
    public long? MinimumSubtotalCents { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    /// <summary>How many orders in total may use the code; null for no limit.</summary>
    public int? UsageLimit { get; set; }
    /// <summary>How many orders one customer may place with the code; null for no limit.</summary>
    public int? PerCustomerLimit { get; set; }
    public int TimesUsed { get; set; }
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One use of a coupon by an order, for the per-customer limit and the books.</summary>
public class CouponRedemption
{
    public int Id { get; set; }
    public int CouponId { get; set; }
    public string? UserId { get; set; }
    public int OrderId { get; set; }
    public long DiscountCents { get; set; }
    public DateTime RedeemedAt { get; set; }
}
