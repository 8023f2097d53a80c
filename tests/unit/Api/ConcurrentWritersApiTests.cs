using System.Globalization;
using System.Net;
using Ecommerce.Shared.Coupons;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// Many writers at once on what must stay exact: a coupon's usage limit, a refresh token's single use, order numbers.
/// On SQLite the writers queue for the database; in the PostgreSQL run (READ COMMITTED, no single writer) the
/// conditional updates and locks must hold them on their own.
/// </summary>
public class ConcurrentWritersApiTests
{
    [Fact]
    public async Task Twelve_parallel_checkouts_with_a_coupon_for_three_uses_redeem_it_exactly_three_times()
    {
        using var app = ShopperApp.Create();
        var product = await app.AddProductAsync(20m, stock: 100);
        var code = ShopData.NewCode("RACE");
        await app.AddCouponAsync(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, UsageLimit = 3 });

        var customers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            var customer = await app.RegisterCustomerAsync();
            var address = await customer.AddAddressAsync();
            await customer.AddToCartAsync(product);
            return (Customer: customer, Address: address);
        }));
        try
        {
            var replies = await Task.WhenAll(customers.Select(c => c.Customer.Client.PostApiAsync("/api/v1/orders",
                new { shippingAddressId = c.Address.ToString(CultureInfo.InvariantCulture), paymentMethodId = "bank_transfer", couponCode = code })));

            Assert.All(replies, r => Assert.True((int)r.Status < 500, $"{(int)r.Status}: {r.RawBody}"));
            Assert.Equal(3, replies.Count(r => r.Status == HttpStatusCode.Created));
            Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Contains("used up", r.RawBody, StringComparison.Ordinal));

            var coupon = await app.CouponAsync(code);
            Assert.Equal(3, coupon.TimesUsed);
            Assert.Equal(3, await app.WithDbAsync(db => db.CouponRedemptions.CountAsync(r => r.CouponId == coupon.Id)));
            Assert.Equal(3, await app.WithDbAsync(db => db.Orders.CountAsync(o => o.CouponCode == code)));
            Assert.Equal(97, await app.StockOfAsync(product)); // the refused checkouts took nothing
        }
        finally
        {
            foreach (var c in customers) c.Customer.Dispose();
        }
    }

    [Fact]
    public async Task A_refresh_token_presented_ten_times_at_once_is_exchanged_once()
    {
        using var app = ShopperApp.Create();
        using var customer = await app.RegisterCustomerAsync();
        using var anonymous = app.CreateRawClient();

        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            anonymous.PostApiAsync("/api/v1/auth/refresh", new { refreshToken = customer.RefreshToken })));

        Assert.Equal(1, replies.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => r.Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken"));
        // The token was rotated once, into one successor. (Whether the losers' presentations also revoke that successor
        // depends on whether they read the token before or after the winner used it: a race, or a reuse.)
        var userTokens = await app.WithDbAsync(db => db.RefreshTokens.Where(t => t.UserId == customer.UserId).ToListAsync());
        var original = Assert.Single(userTokens, t => t.RevokedReason == "rotated");
        Assert.Single(userTokens, t => t.FamilyId == original.FamilyId && t.Id != original.Id);
    }

    [Fact]
    public async Task Twenty_orders_placed_at_once_get_twenty_consecutive_numbers()
    {
        using var app = ShopperApp.Create();
        var product = await app.AddProductAsync(5m, stock: 100);
        var customers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var customer = await app.RegisterCustomerAsync();
            await customer.AddToCartAsync(product);
            return customer;
        }));
        try
        {
            var orders = await Task.WhenAll(customers.Select(c => c.PlaceOrderAsync()));

            var sequence = orders.Select(o => int.Parse(o.Str("orderNumber")[^6..], CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(sequence[0], 20), sequence);
            Assert.Equal(80, await app.StockOfAsync(product));
        }
        finally
        {
            foreach (var c in customers) c.Dispose();
        }
    }
}
