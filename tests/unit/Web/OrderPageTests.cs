using System.Net;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Ecommerce.Tests.Unit.Infrastructure.AccountForms;

namespace Ecommerce.Tests.Unit.Web;

/// <summary>The shopper's own order page, /account/orders/{number}, and what it shares with the back office's.</summary>
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

    [Fact]
    public async Task The_shopper_and_the_back_office_print_an_order_address_and_its_payment_the_same_way()
    {
        var product = await App.AddProductAsync(8m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);
        // No state: the city line is "Lyon 69002" on both pages, without a comma left standing.
        var placed = (await customer.Client.PostApiAsync("/api/v1/orders", new
        {
            shippingAddress = new
            {
                firstName = "Mads", lastName = "Okonkwo", street = "4 Rue des Marronniers", street2 = "Bâtiment B", city = "Lyon",
                zipCode = "69002", country = "France", phone = "+33 4 72 00 00 00",
            },
            paymentMethodId = "bank_transfer",
        })).Data(HttpStatusCode.Created);
        var number = placed.Str("orderNumber");
        string[] label = ["Mads Okonkwo", "4 Rue des Marronniers", "Bâtiment B", "Lyon 69002", "France", "+33 4 72 00 00 00"];

        var shopper = App.CreateBrowserClient();
        using (var signedIn = await LoginAsync(shopper, customer.Email, customer.Password)) Assert.Equal("/", RedirectPath(signedIn));
        var (_, own) = await shopper.GetPageAsync($"/account/orders/{number}");
        var admin = App.CreateBrowserClient();
        using (var signedIn = await LoginAsync(admin, StoreApp.AdminEmail, StoreApp.AdminPassword)) Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var (backOfficeResponse, backOffice) = await admin.GetPageAsync($"/admin/orders/{number}");
        Assert.Equal(HttpStatusCode.OK, backOfficeResponse.StatusCode);

        Assert.Equal(label, own.QuerySelector(".order-addresses address")!.QuerySelectorAll("span").Select(s => s.Text()));
        Assert.Equal(label, backOffice.QuerySelector("section[aria-labelledby='order-shipping-title'] address")!.QuerySelectorAll("span").Select(s => s.Text()));
        Assert.Equal("Awaiting payment", Fact(own.QuerySelector(".order-addresses .order-facts")!, "Payment status"));
        Assert.Equal("Awaiting payment", Fact(backOffice.QuerySelector("section[aria-labelledby='order-payment-title'] .order-facts")!, "Status"));
        Assert.Equal("Pending", own.QuerySelector(".order-head .order-status")!.Text());
        Assert.Equal("Pending", backOffice.QuerySelector(".order-title .order-status")!.Text());
    }

    /// <summary>The value of a &lt;dt&gt;/&lt;dd&gt; pair in a list of facts.</summary>
    private static string? Fact(AngleSharp.Dom.IElement facts, string term) =>
        facts.QuerySelectorAll("div").FirstOrDefault(d => d.QuerySelector("dt")?.Text() == term)?.QuerySelector("dd")?.Text();
}
