using System.Net;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Ecommerce.Tests.Unit.Infrastructure.AccountForms;

namespace Ecommerce.Tests.Unit.Web;

/// <summary>The shopper's own order page, /account/orders/{number}.</summary>
public class OrderPageTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;

    [Fact]
    public async Task The_order_page_shows_the_estimated_delivery_until_the_order_is_cancelled()
    {
        var product = await App.AddProductAsync(8m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var order = await customer.OrderAsync(product);
        var number = order.Str("orderNumber");
        // Placed on Friday 31 October 2025 in the evening: one handling day and three in transit (the defaults),
        // over the weekend, make Thursday 6 November.
        await App.WithDbAsync(db => db.Orders.Where(o => o.Id == order.Id())
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, new DateTime(2025, 10, 31, 21, 15, 0, DateTimeKind.Utc))));

        var browser = App.CreateBrowserClient();
        using (var signedIn = await LoginAsync(browser, customer.Email, customer.Password)) Assert.Equal("/", RedirectPath(signedIn));

        var (response, page) = await browser.GetPageAsync($"/account/orders/{number}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var estimate = page.QuerySelector(".order-head .order-estimate");
        Assert.NotNull(estimate);
        Assert.Equal("Estimated delivery Nov 6, 2025", estimate.Text());
        Assert.Equal("2025-11-06T00:00:00Z", estimate.QuerySelector("time")!.GetAttribute("datetime"));

        (await customer.Client.PostApiAsync($"/api/v1/orders/{order.Id()}/cancel", new { reason = "Changed my mind" })).Expect(HttpStatusCode.OK);
        var (_, cancelled) = await browser.GetPageAsync($"/account/orders/{number}");
        Assert.NotNull(cancelled.QuerySelector(".notice--error"));
        Assert.Null(cancelled.QuerySelector(".order-estimate"));
    }
}
