using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Common;

namespace Ecommerce.Tests.Unit.Cart;

/// <summary>CartPricing.Compute: tax on subtotal minus discount, rounded half away from zero; shipping; clamped discounts.</summary>
public class CartPricingTests
{
    private static Money M(decimal amount) => Money.FromDecimal(amount);

    private static CartTotals Compute(decimal subtotal, decimal discount = 0, decimal taxRate = 0.08m, decimal flat = 0, decimal? threshold = null) =>
        CartPricing.Compute(M(subtotal), M(discount), new StoreSettings { TaxRate = taxRate, ShippingFlatRate = flat, FreeShippingThreshold = threshold });

    private static void Expect(CartTotals totals, decimal subtotal, decimal discount, decimal tax, decimal shipping, decimal total)
    {
        Assert.Equal(subtotal, totals.Subtotal.ToDecimal());
        Assert.Equal(discount, totals.Discount.ToDecimal());
        Assert.Equal(tax, totals.Tax.ToDecimal());
        Assert.Equal(shipping, totals.Shipping.ToDecimal());
        Assert.Equal(total, totals.Total.ToDecimal());
    }

    [Theory]
    [InlineData("115.20", "9.22")]   // 9.216
    [InlineData("999.97", "80.00")]  // 79.9976
    [InlineData("599.98", "48.00")]  // 47.9984
    [InlineData("1.06", "0.08")]     // 0.0848
    [InlineData("0.06", "0.00")]     // 0.0048
    [InlineData("0.07", "0.01")]     // 0.0056
    [InlineData("0.00", "0.00")]
    public void Tax_is_the_rate_of_the_subtotal_rounded_to_the_cent(string subtotal, string tax)
    {
        var totals = Compute(decimal.Parse(subtotal));
        Assert.Equal(decimal.Parse(tax), totals.Tax.ToDecimal());
        Assert.Equal(decimal.Parse(subtotal) + decimal.Parse(tax), totals.Total.ToDecimal());
    }

    [Theory]
    // Exactly half a cent rounds away from zero (banker's rounding would give the even cent).
    [InlineData("0.25", "0.10", "0.03")]    // 2.5 cents
    [InlineData("0.45", "0.10", "0.05")]    // 4.5 cents
    [InlineData("1.05", "0.10", "0.11")]    // 10.5 cents
    [InlineData("1.00", "0.075", "0.08")]   // 7.5 cents
    [InlineData("0.40", "0.0625", "0.03")]  // 2.5 cents
    [InlineData("12.50", "0.0725", "0.91")] // 90.625 cents
    [InlineData("2.00", "0.0825", "0.17")]  // 16.5 cents
    [InlineData("4.00", "0.0825", "0.33")]  // 33.0 cents
    public void Half_cents_round_away_from_zero(string subtotal, string rate, string tax)
    {
        Assert.Equal(decimal.Parse(tax), Compute(decimal.Parse(subtotal), taxRate: decimal.Parse(rate)).Tax.ToDecimal());
    }

    [Fact]
    public void Tax_is_taken_after_the_discount()
    {
        Expect(Compute(115.20m, 23.04m), 115.20m, 23.04m, 7.37m, 0, 99.53m); // 92.16 × 0.08 = 7.3728
        Expect(Compute(999.97m, 199.99m), 999.97m, 199.99m, 64.00m, 0, 863.98m); // the document's example
    }

    [Fact]
    public void A_discount_larger_than_the_subtotal_is_clamped_to_it()
    {
        Expect(Compute(30m, 50m), 30m, 30m, 0, 0, 0);
        Expect(Compute(30m, 30m), 30m, 30m, 0, 0, 0);
    }

    [Fact]
    public void A_negative_discount_counts_as_none()
    {
        Expect(Compute(10m, -5m), 10m, 0, 0.80m, 0, 10.80m);
    }

    [Theory]
    [InlineData("49.99", "0", "4.95")]
    [InlineData("50.00", "0", "0.00")]   // at the threshold ships free
    [InlineData("50.01", "0", "0.00")]
    [InlineData("60.00", "12.00", "4.95")] // the discounted subtotal decides
    [InlineData("62.50", "12.50", "0.00")]
    [InlineData("0.00", "0", "0.00")]    // an empty cart ships nothing
    public void Shipping_is_the_flat_rate_below_the_free_shipping_threshold(string subtotal, string discount, string shipping)
    {
        var totals = Compute(decimal.Parse(subtotal), decimal.Parse(discount), flat: 4.95m, threshold: 50m);
        Assert.Equal(decimal.Parse(shipping), totals.Shipping.ToDecimal());
        Assert.Equal((totals.Subtotal - totals.Discount + totals.Tax + totals.Shipping).Cents, totals.Total.Cents);
    }

    [Fact]
    public void Shipping_is_charged_always_without_a_threshold_and_never_without_a_rate()
    {
        Expect(Compute(1000m, flat: 4.95m), 1000m, 0, 80.00m, 4.95m, 1084.95m);
        Expect(Compute(10m, flat: 0m, threshold: 50m), 10m, 0, 0.80m, 0, 10.80m);
        Expect(Compute(10m), 10m, 0, 0.80m, 0, 10.80m);
    }

    [Fact]
    public void A_fully_discounted_cart_below_the_threshold_still_pays_shipping()
    {
        Expect(Compute(30m, 30m, flat: 4.95m, threshold: 50m), 30m, 30m, 0, 4.95m, 4.95m);
    }

    [Fact]
    public void A_zero_tax_rate_charges_no_tax()
    {
        Expect(Compute(19.99m, taxRate: 0), 19.99m, 0, 0, 0, 19.99m);
    }
}
