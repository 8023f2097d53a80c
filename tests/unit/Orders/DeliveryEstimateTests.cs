using System.Globalization;
using Ecommerce.Shared.Orders;

namespace Ecommerce.Tests.Unit.Orders;

/// <summary>DeliveryEstimate: business days (weekends skipped) from placing, or from shipping once shipped.</summary>
public class DeliveryEstimateTests
{
    private static DateTime Utc(string iso) => DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static readonly ShippingOptions Defaults = new(); // 1 handling day, 3 transit days

    [Theory]
    [InlineData("2025-11-03", 0, "2025-11-03")] // Monday, nothing to add
    [InlineData("2025-11-03", 4, "2025-11-07")] // Monday + 4 = Friday
    [InlineData("2025-11-06", 2, "2025-11-10")] // Thursday + 2 = Monday, over the weekend
    [InlineData("2025-11-07", 1, "2025-11-10")] // Friday + 1 = Monday
    [InlineData("2025-11-08", 1, "2025-11-10")] // Saturday + 1 = Monday
    [InlineData("2025-11-09", 0, "2025-11-10")] // Sunday with nothing to add: the next business day
    [InlineData("2025-11-03", 10, "2025-11-17")] // two whole weeks
    public void Business_days_skip_saturdays_and_sundays(string start, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture),
            DeliveryEstimate.AddBusinessDays(DateOnly.Parse(start, CultureInfo.InvariantCulture), days));
    }

    [Fact]
    public void A_placed_order_arrives_after_handling_and_transit_at_midnight_utc()
    {
        // Placed on Friday evening: handled Monday, in transit Tuesday to Thursday.
        var estimate = DeliveryEstimate.For(OrderStatus.Paid, Utc("2025-10-31T21:15:00Z"), shippedAt: null, Defaults);
        Assert.Equal(Utc("2025-11-06T00:00:00Z"), estimate);
        Assert.Equal(DateTimeKind.Utc, estimate!.Value.Kind);
    }

    [Fact]
    public void A_shipped_order_counts_transit_from_when_it_shipped()
    {
        // Document 002's example: shipped on Sunday 2 November 2025 at 16:00, estimated 2025-11-05T00:00:00Z.
        var placed = Utc("2025-11-02T10:30:00Z");
        var shipped = Utc("2025-11-02T16:00:00Z");
        Assert.Equal(Utc("2025-11-05T00:00:00Z"), DeliveryEstimate.For(OrderStatus.Shipped, placed, shipped, Defaults));
        Assert.Equal(Utc("2025-11-05T00:00:00Z"), DeliveryEstimate.For(OrderStatus.Delivered, placed, shipped, Defaults));
        // Before it shipped, the same order was estimated a day later (handling still to come).
        Assert.Equal(Utc("2025-11-06T00:00:00Z"), DeliveryEstimate.For(OrderStatus.Processing, placed, null, Defaults));
    }

    [Fact]
    public void The_configured_days_are_used()
    {
        var slow = new ShippingOptions { HandlingDays = 3, TransitDays = 5 };
        Assert.Equal(Utc("2025-11-13T00:00:00Z"), DeliveryEstimate.For(OrderStatus.Pending, Utc("2025-11-03T08:00:00Z"), null, slow));
        Assert.Equal(Utc("2025-11-10T00:00:00Z"), DeliveryEstimate.For(OrderStatus.Shipped, Utc("2025-10-27T08:00:00Z"), Utc("2025-11-03T08:00:00Z"), slow));
    }

    [Theory]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Refunded)]
    public void An_order_that_will_not_be_delivered_has_no_estimate(OrderStatus status)
    {
        Assert.Null(DeliveryEstimate.For(status, Utc("2025-11-03T08:00:00Z"), null, Defaults));
    }
}
