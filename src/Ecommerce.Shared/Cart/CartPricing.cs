using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Cart;

/// <summary>The money of a cart or an order. Total = (subtotal − discount) + tax + shipping.</summary>
public sealed record CartTotals(Money Subtotal, Money Discount, Money Tax, Money Shipping, Money Total)
{
    public static readonly CartTotals Zero = new(Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);
}

public static class CartPricing
{
    /// <summary>
    /// Tax is <see cref="StoreSettings.TaxRate"/> of subtotal minus discount, rounded half away from zero to the
    /// cent; shipping is the flat rate unless the discounted subtotal reaches the free-shipping threshold (or the
    /// cart is empty).
    /// </summary>
    public static CartTotals Compute(Money subtotal, Money discount, StoreSettings store)
    {
        discount = Money.Min(Money.Max(discount, Money.Zero), subtotal);
        var taxable = subtotal - discount;
        var tax = taxable.MultiplyBy(store.TaxRate);
        var freeShipping = subtotal.Cents == 0
            || store.ShippingFlatRate <= 0
            || (store.FreeShippingThreshold is { } threshold && taxable >= Money.FromDecimal(threshold));
        var shipping = freeShipping ? Money.Zero : Money.FromDecimal(store.ShippingFlatRate);
        return new CartTotals(subtotal, discount, tax, shipping, taxable + tax + shipping);
    }
}
