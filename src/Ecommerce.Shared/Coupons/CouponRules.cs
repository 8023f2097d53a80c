using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Coupons;

/// <summary>
/// Whether a coupon can be used for a subtotal at a moment by a customer, and what it takes off. Every rule
/// failure names the reason (unknown, disabled, not yet valid, expired, used up, per-customer limit, minimum
/// subtotal) so that the shopper knows what to do.
/// </summary>
public static class CouponRules
{
    public const string Field = "couponCode";

    /// <summary>Codes are compared in upper case without surrounding spaces.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static Error? Check(Coupon? coupon, string code, Money subtotal, DateTime now, int usesByCustomer, StoreSettings store)
    {
        var shown = Normalize(code);
        if (coupon is null) return Error.Validation(Field, $"Coupon code '{shown}' does not exist.");
        if (!coupon.IsActive) return Error.Validation(Field, $"Coupon '{coupon.Code}' is no longer active.");
        if (coupon.StartsAt is { } starts && now < starts)
            return Error.Validation(Field, $"Coupon '{coupon.Code}' is not valid yet: it can be used from {starts.ToString("MMMM d, yyyy", store.CultureInfo)}.");
        if (coupon.EndsAt is { } ends && now > ends)
            return Error.Validation(Field, $"Coupon '{coupon.Code}' expired on {ends.ToString("MMMM d, yyyy", store.CultureInfo)}.");
        if (coupon.UsageLimit is { } limit && coupon.TimesUsed >= limit)
            return Error.Validation(Field, $"Coupon '{coupon.Code}' has been used up.");
        if (coupon.PerCustomerLimit is { } perCustomer && usesByCustomer >= perCustomer)
            return Error.Validation(Field, perCustomer == 1
                ? $"You have already used coupon '{coupon.Code}'."
                : $"You have already used coupon '{coupon.Code}' {perCustomer} times, the most it allows.");
        if (coupon.MinimumSubtotalCents is { } minimum && subtotal.Cents < minimum)
            return Error.Validation(Field, $"Coupon '{coupon.Code}' needs a subtotal of at least {store.FormatPrice(new Money(minimum))}; add {store.FormatPrice(new Money(minimum) - subtotal)} more.");
        return null;
    }

    /// <summary>What the coupon takes off the subtotal: a percentage, or a fixed amount never above the subtotal.</summary>
    public static Money DiscountFor(Coupon coupon, Money subtotal) => coupon.Kind switch
    {
        CouponKind.Percentage => Money.Min(subtotal.Percent(coupon.PercentOff), subtotal),
        _ => Money.Min(new Money(coupon.AmountOffCents), subtotal),
    };
}
