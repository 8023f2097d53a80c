using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>A store that takes two business days to hand an order to the carrier, which takes three more.</summary>
public sealed class SlowShippingFixture() : ShopperAdminFixture(new Dictionary<string, string?>
{
    ["Shipping:HandlingDays"] = "2",
    ["Shipping:TransitDays"] = "3",
});

/// <summary>estimatedDelivery on an order (document 002's "Get Order by ID"), from the Shipping settings.</summary>
public class DeliveryEstimateApiTests(SlowShippingFixture fixture) : IClassFixture<SlowShippingFixture>
{
    private StoreApp App => fixture.App;

    private Task SetTimesAsync(int orderId, DateTime? createdAt = null, DateTime? shippedAt = null) =>
        App.WithDbAsync(db => db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.CreatedAt, o => createdAt ?? o.CreatedAt)
            .SetProperty(o => o.ShippedAt, o => shippedAt ?? o.ShippedAt)));

    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_placed_order_is_estimated_in_business_days_from_when_it_was_placed_and_then_from_when_it_shipped()
    {
        var product = await App.AddProductAsync(12m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var id = (await customer.OrderAsync(product)).Id();

        // Placed on Thursday 30 October 2025 at 18:00 UTC: 2 + 3 business days, over the weekend, is Thursday 6 November.
        await SetTimesAsync(id, createdAt: Utc(2025, 10, 30, 18));
        var placed = (await customer.Client.GetApiAsync($"/api/v1/orders/{id}")).Data();
        Assert.Equal("2025-11-06T00:00:00Z", placed.Str("estimatedDelivery"));

        foreach (var status in new[] { "paid", "processing", "shipped" })
            (await fixture.Admin.Client.PutApiAsync($"/api/v1/orders/{id}/status", new { status, trackingNumber = "123456789", carrier = "FedEx" }))
                .Expect(HttpStatusCode.OK);
        // Shipped on Sunday 2 November at 16:00 (document 002's example): 3 business days in transit is Wednesday 5 November.
        await SetTimesAsync(id, shippedAt: Utc(2025, 11, 2, 16));
        var shipped = (await customer.Client.GetApiAsync($"/api/v1/orders/{id}")).Data();
        Assert.Equal("shipped", shipped.Str("status"));
        Assert.Equal("2025-11-05T00:00:00Z", shipped.Str("estimatedDelivery"));
        // The document's place for it: after the tracking details.
        var names = ApiAssert.PropertyNames(shipped).ToList();
        Assert.Equal(names.IndexOf("carrier") + 1, names.IndexOf("estimatedDelivery"));
    }

    [Fact]
    public async Task A_new_order_answers_its_estimate_at_once_and_a_cancelled_one_has_none()
    {
        var product = await App.AddProductAsync(12m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var order = await customer.OrderAsync(product);
        var estimate = ApiAssert.UtcTimestamp(order.GetProperty("estimatedDelivery"));
        Assert.Equal(TimeSpan.Zero, estimate.TimeOfDay);
        Assert.InRange(estimate, DateTime.UtcNow.Date.AddDays(5), DateTime.UtcNow.Date.AddDays(9)); // 5 business days

        var cancelled = (await customer.Client.PostApiAsync($"/api/v1/orders/{order.Id()}/cancel", new { reason = "Changed my mind" })).Data();
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("estimatedDelivery").ValueKind);
    }

    [Theory]
    [InlineData("Shipping:HandlingDays", "-1")]
    [InlineData("Shipping:TransitDays", "61")]
    public void Shipping_days_out_of_range_stop_the_store_at_start_up(string key, string value)
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains(key.Split(':')[1], error.Message);
    }
}
