using Ecommerce.Shared.Common;
using Ecommerce.Shared.Coupons;

namespace Ecommerce.Tests.Unit.Coupons;

/// <summary>CouponRules.Check and DiscountFor: every failure names its reason; the boundaries are inclusive where they should be.</summary>
public class CouponRulesTests
{
    private static readonly DateTime Now = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);
    private static readonly StoreSettings Store = new();

    private static Coupon Coupon(Action<Coupon>? change = null)
    {
        var coupon = new Coupon { Code = "SAVE10", Kind = CouponKind.Percentage, PercentOff = 10 };
        change?.Invoke(coupon);
        return coupon;
    }

    private static Error? Check(Coupon? coupon, decimal subtotal = 100m, int usesByCustomer = 0, string code = "SAVE10", DateTime? now = null) =>
        CouponRules.Check(coupon, code, Money.FromDecimal(subtotal), now ?? Now, usesByCustomer, Store);

    private static string Failure(Coupon? coupon, decimal subtotal = 100m, int usesByCustomer = 0, string code = "SAVE10", DateTime? now = null)
    {
        var error = Check(coupon, subtotal, usesByCustomer, code, now);
        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.ValidationError, error.Code);
        Assert.Equal("couponCode", error.Field);
        return error.Message;
    }

    [Fact]
    public void A_plain_coupon_applies()
    {
        Assert.Null(Check(Coupon()));
    }

    [Fact]
    public void An_unknown_code_does_not_exist_and_is_shown_normalized()
    {
        var message = Failure(null, code: "  save10 ");
        Assert.Contains("'SAVE10'", message);
        Assert.Contains("does not exist", message);
    }

    [Fact]
    public void An_inactive_coupon_is_no_longer_active()
    {
        var message = Failure(Coupon(c => c.IsActive = false));
        Assert.Contains("SAVE10", message);
        Assert.Contains("no longer active", message);
    }

    [Fact]
    public void A_coupon_starting_later_is_not_valid_yet_and_says_from_when()
    {
        var message = Failure(Coupon(c => c.StartsAt = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Contains("SAVE10", message);
        Assert.Contains("not valid yet", message);
        Assert.Contains("February 1, 2026", message);
        Assert.NotNull(Check(Coupon(c => c.StartsAt = Now.AddTicks(1))));
    }

    [Fact]
    public void A_coupon_starting_exactly_now_applies()
    {
        Assert.Null(Check(Coupon(c => c.StartsAt = Now)));
        Assert.Null(Check(Coupon(c => c.StartsAt = Now.AddDays(-1))));
    }

    [Fact]
    public void A_coupon_that_ended_has_expired_and_says_when()
    {
        var message = Failure(Coupon(c => c.EndsAt = new DateTime(2026, 1, 14, 23, 59, 59, DateTimeKind.Utc)));
        Assert.Contains("SAVE10", message);
        Assert.Contains("expired", message);
        Assert.Contains("January 14, 2026", message);
        Assert.NotNull(Check(Coupon(c => c.EndsAt = Now.AddTicks(-1))));
    }

    [Fact]
    public void A_coupon_ending_exactly_now_still_applies()
    {
        Assert.Null(Check(Coupon(c => c.EndsAt = Now)));
        Assert.Null(Check(Coupon(c => { c.StartsAt = Now; c.EndsAt = Now; })));
    }

    [Fact]
    public void A_coupon_whose_usage_limit_is_exactly_reached_is_used_up()
    {
        var message = Failure(Coupon(c => { c.UsageLimit = 5; c.TimesUsed = 5; }));
        Assert.Contains("SAVE10", message);
        Assert.Contains("used up", message);
        Assert.Null(Check(Coupon(c => { c.UsageLimit = 5; c.TimesUsed = 4; })));
        Assert.NotNull(Check(Coupon(c => { c.UsageLimit = 5; c.TimesUsed = 6; })));
    }

    [Fact]
    public void The_per_customer_limit_counts_the_customers_uses()
    {
        var once = Failure(Coupon(c => c.PerCustomerLimit = 1), usesByCustomer: 1);
        Assert.Contains("already used", once);
        Assert.Contains("SAVE10", once);

        var twice = Failure(Coupon(c => c.PerCustomerLimit = 2), usesByCustomer: 2);
        Assert.Contains("already used", twice);
        Assert.Contains("2 times", twice);

        Assert.Null(Check(Coupon(c => c.PerCustomerLimit = 2), usesByCustomer: 1));
        Assert.Null(Check(Coupon(c => c.PerCustomerLimit = null), usesByCustomer: 50));
    }

    [Fact]
    public void A_minimum_subtotal_not_met_says_how_much_more_is_needed()
    {
        var message = Failure(Coupon(c => c.MinimumSubtotalCents = 50_00), subtotal: 49.99m);
        Assert.Contains("SAVE10", message);
        Assert.Contains("$50.00", message);
        Assert.Contains("add $0.01 more", message);

        Assert.Contains("add $37.50 more", Failure(Coupon(c => c.MinimumSubtotalCents = 50_00), subtotal: 12.50m));
    }

    [Fact]
    public void A_minimum_subtotal_exactly_met_applies()
    {
        Assert.Null(Check(Coupon(c => c.MinimumSubtotalCents = 50_00), subtotal: 50m));
        Assert.Null(Check(Coupon(c => c.MinimumSubtotalCents = 0), subtotal: 0m));
    }

    [Fact]
    public void Every_reason_has_its_own_message()
    {
        var messages = new[]
        {
            Failure(null),
            Failure(Coupon(c => c.IsActive = false)),
            Failure(Coupon(c => c.StartsAt = Now.AddDays(1))),
            Failure(Coupon(c => c.EndsAt = Now.AddDays(-1))),
            Failure(Coupon(c => { c.UsageLimit = 1; c.TimesUsed = 1; })),
            Failure(Coupon(c => c.PerCustomerLimit = 1), usesByCustomer: 1),
            Failure(Coupon(c => c.MinimumSubtotalCents = 1_000_00)),
        };
        Assert.Equal(messages.Length, messages.Distinct().Count());
    }

    [Theory]
    [InlineData("20", "115.20", "23.04")]
    [InlineData("12.5", "0.99", "0.12")]   // 0.12375
    [InlineData("33.33", "10.00", "3.33")]  // 3.333
    [InlineData("50", "0.05", "0.03")]      // 2.5 cents rounds away from zero
    [InlineData("15", "0.10", "0.02")]      // 1.5 cents
    [InlineData("100", "42.42", "42.42")]
    [InlineData("10", "0.00", "0.00")]
    public void A_percentage_coupon_takes_its_share_rounded_to_the_cent(string percent, string subtotal, string discount)
    {
        var coupon = Coupon(c => c.PercentOff = decimal.Parse(percent));
        Assert.Equal(decimal.Parse(discount), CouponRules.DiscountFor(coupon, Money.FromDecimal(decimal.Parse(subtotal))).ToDecimal());
    }

    [Theory]
    [InlineData(1000, "50.00", "10.00")]
    [InlineData(1000, "10.00", "10.00")]
    [InlineData(1000, "5.00", "5.00")]     // never more than the subtotal
    [InlineData(1000, "0.00", "0.00")]
    public void A_fixed_coupon_takes_its_amount_but_never_more_than_the_subtotal(long amountCents, string subtotal, string discount)
    {
        var coupon = Coupon(c => { c.Kind = CouponKind.FixedAmount; c.PercentOff = 0; c.AmountOffCents = amountCents; });
        Assert.Equal(decimal.Parse(discount), CouponRules.DiscountFor(coupon, Money.FromDecimal(decimal.Parse(subtotal))).ToDecimal());
    }

    [Theory]
    [InlineData(" save10 ", "SAVE10")]
    [InlineData("Spring-Sale_2", "SPRING-SALE_2")]
    [InlineData(null, "")]
    public void Codes_are_compared_trimmed_in_upper_case(string? code, string normalized)
    {
        Assert.Equal(normalized, CouponRules.Normalize(code));
    }
}
