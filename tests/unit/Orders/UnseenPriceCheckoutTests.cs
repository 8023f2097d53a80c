using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Coupons;
using Ecommerce.Shared.Orders;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Orders;

/// <summary>
/// No order at a price the shopper did not see: a cart coupon that stopped applying, a price changed since the
/// line was added, or a total other than the one expected refuses the checkout with the new totals and leaves the
/// cart showing them, so that the second attempt places the order at exactly those totals.
/// </summary>
public sealed class UnseenPriceCheckoutTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly ShopServices _shop;
    private string _user = "";
    private int _product;

    public UnseenPriceCheckoutTests() => _shop = new ShopServices(_database);

    public void Dispose() => _database.Dispose();

    private static PlaceOrderInput Input => new() { ShippingAddress = ShopServices.Address, PaymentMethodId = "bank_transfer" };

    private CartOwner Owner => CartOwner.ForUser(_user);

    /// <summary>A customer with two of a 50.00 product in the cart, and the coupon (10 % off) applied when given.</summary>
    private async Task CartAsync(Coupon? coupon = null)
    {
        _user = await _shop.AddUserAsync();
        await using (var db = _database.CreateContext())
        {
            _product = (await db.AddProductAsync("Storm lantern", 50m, stock: 10, sku: "LAN-" + Guid.NewGuid().ToString("N")[..6])).Id;
            if (coupon is not null) db.Coupons.Add(coupon);
            await db.SaveChangesAsync();
        }
        Assert.True((await _shop.Carts.AddItemAsync(Owner, _product, 2)).Succeeded);
        if (coupon is not null) Assert.True((await _shop.Carts.ApplyCouponAsync(Owner, coupon.Code)).Succeeded);
    }

    private static Coupon TenPercent(Action<Coupon>? configure = null)
    {
        var coupon = new Coupon { Code = "TEN-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), Kind = CouponKind.Percentage, PercentOff = 10 };
        configure?.Invoke(coupon);
        return coupon;
    }

    private async Task ChangeAsync(Func<AppDbContextAction, Task> change)
    {
        await using var db = _database.CreateContext();
        await change(new AppDbContextAction(db));
    }

    private async Task<(int Orders, int Stock)> StateAsync()
    {
        await using var db = _database.CreateContext();
        return (await db.Orders.CountAsync(o => o.UserId == _user), await db.Products.Where(p => p.Id == _product).Select(p => p.Stock).SingleAsync());
    }

    private static void AssertTotals(Error error, decimal subtotal, decimal discount, decimal tax, decimal total)
    {
        var details = error.Details!;
        Assert.Equal((subtotal, discount, tax, 0.00m, total),
            ((decimal)details["subtotal"], (decimal)details["discount"], (decimal)details["tax"], (decimal)details["shipping"], (decimal)details["total"]));
    }

    public static TheoryData<string> DeadCoupons => ["used up", "expired", "disabled", "deleted"];

    [Theory]
    [MemberData(nameof(DeadCoupons))]
    public async Task A_cart_coupon_that_stopped_applying_refuses_the_order_with_the_new_totals_and_the_retry_pays_them(string how)
    {
        var coupon = TenPercent(c => c.UsageLimit = 1);
        await CartAsync(coupon);
        Assert.Equal(97.20m, (await _shop.Carts.GetAsync(Owner)).Totals.Total.ToDecimal()); // what the shopper saw

        await ChangeAsync(db => how switch
        {
            "used up" => db.Coupons(coupon.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.TimesUsed, 1)),
            "expired" => db.Coupons(coupon.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.EndsAt, _database.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1))),
            "disabled" => db.Coupons(coupon.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false)),
            _ => db.Coupons(coupon.Id).ExecuteDeleteAsync(),
        });

        var refused = await _shop.Orders.PlaceOrderAsync(_user, Input);

        var error = Assert.Single(refused.Errors);
        Assert.Equal((ErrorCodes.CouponInvalid, CouponRules.Field), (error.Code, error.Field));
        Assert.Contains("your total is now $108.00", error.Message);
        AssertTotals(error, subtotal: 100.00m, discount: 0.00m, tax: 8.00m, total: 108.00m);
        Assert.Equal((0, 10), await StateAsync());
        var cart = await _shop.Carts.GetAsync(Owner);
        Assert.Null(cart.Coupon); // the dead coupon is off the cart, which shows the totals of the refusal
        Assert.Equal(108.00m, cart.Totals.Total.ToDecimal());

        var placed = await _shop.Orders.PlaceOrderAsync(_user, Input with { ExpectedTotal = cart.Totals.Total });
        Assert.True(placed.Succeeded, string.Join(" ", placed.Errors.Select(e => e.Message)));
        Assert.Equal((108.00m, 0.00m, (string?)null), (placed.Value.Totals.Total.ToDecimal(), placed.Value.Totals.Discount.ToDecimal(), placed.Value.CouponCode));
        Assert.Equal((1, 8), await StateAsync());
    }

    [Fact]
    public async Task A_price_changed_since_the_line_was_added_refuses_the_order_naming_old_and_new_and_the_retry_buys_at_the_new_price()
    {
        await CartAsync();
        await ChangeAsync(db => db.Products(_product).ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceCents, 5500)));
        var line = Assert.Single((await _shop.Carts.GetAsync(Owner)).Items);
        Assert.True(line.PriceChanged);
        Assert.Equal((50.00m, 55.00m), (line.ShownPrice.ToDecimal(), line.Price.ToDecimal()));

        var refused = await _shop.Orders.PlaceOrderAsync(_user, Input);

        var error = Assert.Single(refused.Errors);
        Assert.Equal((ErrorCodes.PriceChanged, "items"), (error.Code, error.Field));
        Assert.Contains("Storm lantern now $55.00 (was $50.00)", error.Message);
        Assert.Contains("Your total is now $118.80", error.Message);
        AssertTotals(error, subtotal: 110.00m, discount: 0.00m, tax: 8.80m, total: 118.80m);
        var item = Assert.Single((IEnumerable<Dictionary<string, object>>)error.Details!["items"]);
        Assert.Equal((_product.ToString(), "Storm lantern", 50.00m, 55.00m),
            ((string)item["productId"], (string)item["productName"], (decimal)item["oldPrice"], (decimal)item["newPrice"]));
        Assert.Equal((0, 10), await StateAsync());
        Assert.False(Assert.Single((await _shop.Carts.GetAsync(Owner)).Items).PriceChanged); // acknowledged

        var placed = await _shop.Orders.PlaceOrderAsync(_user, Input);
        Assert.True(placed.Succeeded);
        Assert.Equal((118.80m, 55.00m), (placed.Value.Totals.Total.ToDecimal(), placed.Value.Items[0].UnitPrice.ToDecimal()));
    }

    [Fact]
    public async Task A_cheaper_price_is_also_shown_before_the_order_is_placed()
    {
        await CartAsync();
        await ChangeAsync(db => db.Products(_product).ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceCents, 4500)));

        var error = Assert.Single((await _shop.Orders.PlaceOrderAsync(_user, Input)).Errors);

        Assert.Equal(ErrorCodes.PriceChanged, error.Code);
        Assert.Contains("Storm lantern now $45.00 (was $50.00)", error.Message);
    }

    [Fact]
    public async Task Adding_the_product_again_shows_its_current_price_so_the_line_is_acknowledged()
    {
        await CartAsync();
        await ChangeAsync(db => db.Products(_product).ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceCents, 5500)));

        Assert.True((await _shop.Carts.AddItemAsync(Owner, _product, 1)).Succeeded);

        Assert.False(Assert.Single((await _shop.Carts.GetAsync(Owner)).Items).PriceChanged);
        Assert.True((await _shop.Orders.PlaceOrderAsync(_user, Input)).Succeeded);
    }

    [Fact]
    public async Task An_expected_total_other_than_the_computed_one_refuses_the_order_and_the_right_one_places_it()
    {
        await CartAsync(TenPercent());

        var refused = await _shop.Orders.PlaceOrderAsync(_user, Input with { ExpectedTotal = Money.FromDecimal(95.00m) });

        var error = Assert.Single(refused.Errors);
        Assert.Equal((ErrorCodes.PriceChanged, "expectedTotal"), (error.Code, error.Field));
        Assert.Contains("The order's total is $97.20, not the $95.00 you expected", error.Message);
        AssertTotals(error, subtotal: 100.00m, discount: 10.00m, tax: 7.20m, total: 97.20m);
        Assert.Equal(95.00m, error.Details!["expectedTotal"]);
        Assert.Equal((0, 10), await StateAsync());
        Assert.NotNull((await _shop.Carts.GetAsync(Owner)).Coupon); // a live coupon stays

        var placed = await _shop.Orders.PlaceOrderAsync(_user, Input with { ExpectedTotal = Money.FromDecimal(97.20m) });
        Assert.True(placed.Succeeded);
        Assert.Equal(97.20m, placed.Value.Totals.Total.ToDecimal());
    }

    [Fact]
    public async Task A_dead_coupon_and_a_changed_price_are_both_named_with_the_same_new_totals()
    {
        var coupon = TenPercent();
        await CartAsync(coupon);
        await ChangeAsync(async db =>
        {
            await db.Coupons(coupon.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false));
            await db.Products(_product).ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceCents, 6000));
        });

        var refused = await _shop.Orders.PlaceOrderAsync(_user, Input with { ExpectedTotal = Money.FromDecimal(97.20m) });

        Assert.Equal([ErrorCodes.CouponInvalid, ErrorCodes.PriceChanged, ErrorCodes.PriceChanged], refused.Errors.Select(e => e.Code));
        Assert.Equal([CouponRules.Field, "items", "expectedTotal"], refused.Errors.Select(e => e.Field));
        Assert.All(refused.Errors, e => AssertTotals(e, subtotal: 120.00m, discount: 0.00m, tax: 9.60m, total: 129.60m));

        var placed = await _shop.Orders.PlaceOrderAsync(_user, Input with { ExpectedTotal = Money.FromDecimal(129.60m) });
        Assert.True(placed.Succeeded);
    }

    /// <summary>Short forms of the rows a test changes behind the shop's back.</summary>
    private sealed class AppDbContextAction(Ecommerce.Shared.Data.AppDbContext db)
    {
        public IQueryable<Coupon> Coupons(int id) => db.Coupons.Where(c => c.Id == id);
        public IQueryable<Ecommerce.Shared.Catalog.Product> Products(int id) => db.Products.Where(p => p.Id == id);
    }
}
