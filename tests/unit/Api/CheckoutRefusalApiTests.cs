using System.Net;
using System.Text.Json;
using Ecommerce.Shared.Coupons;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// POST /api/v1/orders never places an order at a price the shopper did not see: 409 COUPON_INVALID or
/// PRICE_CHANGED with the new totals in the error, the cart left showing them, and the same request again placing
/// the order at exactly those totals.
/// </summary>
public class CheckoutRefusalApiTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;

    private static Task<ApiReply> Place(ApiSession customer, int address, decimal? expectedTotal = null) =>
        customer.Client.PostApiAsync("/api/v1/orders", new { shippingAddressId = address.ToString(), paymentMethodId = "bank_transfer", expectedTotal });

    private Task<int> OrderCountOf(string userId) => App.WithDbAsync(db => db.Orders.CountAsync(o => o.UserId == userId));

    private static void AssertTotals(JsonElement error, decimal subtotal, decimal discount, decimal tax, decimal total) =>
        Assert.Equal((subtotal, discount, tax, 0.00m, total),
            (error.Money("subtotal"), error.Money("discount"), error.Money("tax"), error.Money("shipping"), error.Money("total")));

    /// <summary>A customer with an address and two of a new 40.00 product in the cart; with a coupon applied when given.</summary>
    private async Task<(ApiSession Customer, int Address, int Product)> ShopperAsync(Coupon? coupon = null)
    {
        var product = await App.AddProductAsync(40m, stock: 6);
        var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product, 2);
        if (coupon is not null)
        {
            await App.AddCouponAsync(coupon);
            (await customer.Client.PostApiAsync("/api/v1/cart/apply-coupon", new { couponCode = coupon.Code })).Expect(HttpStatusCode.OK);
        }
        return (customer, address, product);
    }

    [Theory]
    [InlineData("used up")]
    [InlineData("expired")]
    [InlineData("disabled")]
    public async Task A_cart_coupon_that_stopped_applying_is_409_coupon_invalid_and_the_retry_places_the_order_at_the_new_totals(string how)
    {
        var code = ShopData.NewCode("GONE");
        var (customer, address, product) = await ShopperAsync(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 25, UsageLimit = 5 });
        using var _ = customer;
        Assert.Equal(64.80m, (await customer.CartAsync()).Money("total")); // 80.00 − 20.00 + 4.80 tax
        await App.WithDbAsync(db => how switch
        {
            "used up" => db.Coupons.Where(c => c.Code == code).ExecuteUpdateAsync(s => s.SetProperty(c => c.TimesUsed, 5)),
            "expired" => db.Coupons.Where(c => c.Code == code).ExecuteUpdateAsync(s => s.SetProperty(c => c.EndsAt, DateTime.UtcNow.AddMinutes(-1))),
            _ => db.Coupons.Where(c => c.Code == code).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false)),
        });

        var reply = await Place(customer, address, expectedTotal: 64.80m);

        Assert.Equal(HttpStatusCode.Conflict, reply.Status);
        var error = reply.Error(HttpStatusCode.Conflict, "COUPON_INVALID", "couponCode");
        Assert.Contains(code, error.ErrorMessage());
        Assert.Contains("your total is now $86.40", error.ErrorMessage());
        AssertTotals(error, subtotal: 80.00m, discount: 0.00m, tax: 6.40m, total: 86.40m);
        Assert.Equal(0, await OrderCountOf(customer.UserId));
        Assert.Equal(6, await App.StockOfAsync(product));
        var cart = await customer.CartAsync();
        Assert.Equal(JsonValueKind.Null, cart.GetProperty("couponCode").ValueKind);
        Assert.Equal(86.40m, cart.Money("total"));

        var order = (await Place(customer, address, expectedTotal: cart.Money("total"))).Data(HttpStatusCode.Created);
        Assert.Equal((86.40m, 0.00m), (order.Money("total"), order.Money("discount")));
        Assert.Equal(JsonValueKind.Null, order.GetProperty("couponCode").ValueKind);
        Assert.Equal(4, await App.StockOfAsync(product));
    }

    [Fact]
    public async Task A_price_changed_since_it_was_added_shows_in_the_cart_and_is_409_price_changed_naming_the_line()
    {
        var (customer, address, product) = await ShopperAsync();
        using var _ = customer;
        await App.WithDbAsync(db => db.Products.Where(p => p.Id == product).ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceCents, 4250)));

        var line = (await customer.CartAsync()).GetProperty("items")[0];
        Assert.Equal((42.50m, 40.00m, true), (line.Money("price"), line.Money("shownPrice"), line.GetProperty("priceChanged").GetBoolean()));

        var error = (await Place(customer, address)).Error(HttpStatusCode.Conflict, "PRICE_CHANGED", "items");
        AssertTotals(error, subtotal: 85.00m, discount: 0.00m, tax: 6.80m, total: 91.80m);
        var item = Assert.Single(error.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal((product, 40.00m, 42.50m), (item.Id("productId"), item.Money("oldPrice"), item.Money("newPrice")));
        Assert.Contains("now $42.50 (was $40.00)", error.ErrorMessage());
        Assert.Equal(0, await OrderCountOf(customer.UserId));
        Assert.False((await customer.CartAsync()).GetProperty("items")[0].GetProperty("priceChanged").GetBoolean());

        var order = (await Place(customer, address)).Data(HttpStatusCode.Created);
        Assert.Equal((91.80m, 42.50m), (order.Money("total"), order.GetProperty("items")[0].Money("price")));
    }

    [Fact]
    public async Task An_expected_total_that_differs_is_409_price_changed_on_expected_total_and_the_computed_one_places_the_order()
    {
        var (customer, address, _) = await ShopperAsync();
        using var session = customer;

        var error = (await Place(customer, address, expectedTotal: 80.00m)).Error(HttpStatusCode.Conflict, "PRICE_CHANGED", "expectedTotal");
        AssertTotals(error, subtotal: 80.00m, discount: 0.00m, tax: 6.40m, total: 86.40m);
        Assert.Equal(80.00m, error.Money("expectedTotal"));
        Assert.Equal(0, await OrderCountOf(customer.UserId));

        Assert.Equal(86.40m, (await Place(customer, address, expectedTotal: 86.40m)).Data(HttpStatusCode.Created).Money("total"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(86.401)]
    public async Task An_expected_total_that_is_not_an_amount_is_400(decimal expectedTotal)
    {
        var (customer, address, _) = await ShopperAsync();
        using var session = customer;
        (await Place(customer, address, expectedTotal)).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "expectedTotal");
        Assert.Equal(0, await OrderCountOf(customer.UserId));
    }
}
