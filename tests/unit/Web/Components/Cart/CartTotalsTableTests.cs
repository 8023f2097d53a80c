using AngleSharp.Dom;
using Bunit;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Cart;

namespace Ecommerce.Tests.Unit.Web.Components.Cart;

public class CartTotalsTableTests : MudTestContext
{
    private static CartTotals Totals(long subtotal, long discount, long tax, long shipping, long total) =>
        new(new Money(subtotal), new Money(discount), new Money(tax), new Money(shipping), new Money(total));

    private IRenderedComponent<CartTotalsTable> RenderTable(CartTotals totals, string? couponCode = null) =>
        Render<CartTotalsTable>(ps => ps.Add(p => p.Totals, totals).Add(p => p.CouponCode, couponCode));

    /// <summary>The rows as (term, value) pairs, in order.</summary>
    private static List<(string Term, string Value)> Rows(IRenderedComponent<CartTotalsTable> cut) =>
        cut.FindAll("dl.totals > div")
            .Select(row => (row.QuerySelector("dt")!.TextContent.Trim(), row.QuerySelector("dd")!.TextContent.Trim()))
            .ToList();

    [Fact]
    public void Shows_subtotal_tax_shipping_and_total_formatted_in_the_store_currency()
    {
        var cut = RenderTable(Totals(subtotal: 114_350, discount: 0, tax: 9_148, shipping: 1_000, total: 124_498));

        Assert.Equal(
            [("Subtotal", "$1,143.50"), ("Tax", "$91.48"), ("Shipping", "$10.00"), ("Total", "$1,244.98")],
            Rows(cut));
        Assert.Equal("$1,244.98", cut.Find(".totals__total dd").TextContent.Trim());
    }

    [Fact]
    public void A_large_total_has_a_thousands_separator_and_two_decimals()
    {
        var cut = RenderTable(Totals(subtotal: 123_450, discount: 0, tax: 0, shipping: 0, total: 123_450));
        Assert.Equal("$1,234.50", cut.Find(".totals__total dd").TextContent.Trim());
        Assert.Equal("$1,234.50", Rows(cut)[0].Value);
    }

    [Fact]
    public void Free_shipping_reads_Free()
    {
        var cut = RenderTable(Totals(subtotal: 5_000, discount: 0, tax: 400, shipping: 0, total: 5_400));
        Assert.Contains(("Shipping", "Free"), Rows(cut));
        Assert.DoesNotContain("$0.00", cut.Markup);
    }

    [Fact]
    public void Without_a_discount_there_is_no_discount_row()
    {
        var cut = RenderTable(Totals(subtotal: 5_000, discount: 0, tax: 400, shipping: 0, total: 5_400), couponCode: "SPRING10");
        Assert.Empty(cut.FindAll(".totals__discount"));
        Assert.DoesNotContain("Discount", cut.Markup);
        Assert.DoesNotContain("SPRING10", cut.Markup);
    }

    [Fact]
    public void A_discount_is_a_negative_amount_labelled_with_the_coupon_code_after_the_subtotal()
    {
        var cut = RenderTable(Totals(subtotal: 5_000, discount: 500, tax: 360, shipping: 0, total: 4_860), couponCode: "SPRING10");

        Assert.Equal(
            [("Subtotal", "$50.00"), ("Discount (SPRING10)", "\u2212$5.00"), ("Tax", "$3.60"), ("Shipping", "Free"), ("Total", "$48.60")],
            Rows(cut));
        Assert.Single(cut.FindAll(".totals__discount"));
    }

    [Fact]
    public void A_discount_without_a_coupon_code_is_labelled_Discount()
    {
        var cut = RenderTable(Totals(subtotal: 5_000, discount: 500, tax: 360, shipping: 0, total: 4_860));
        Assert.Equal("Discount", cut.Find(".totals__discount dt").TextContent.Trim());
        Assert.Equal("\u2212$5.00", cut.Find(".totals__discount dd").TextContent.Trim());
    }
}
