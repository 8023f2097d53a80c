using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Orders;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Orders;

/// <summary>OrderService on a real SQLite file: atomic stock under concurrent checkouts.</summary>
public sealed class OrderServiceTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly ShopServices _shop;

    public OrderServiceTests() => _shop = new ShopServices(_database);

    public void Dispose() => _database.Dispose();

    private async Task<int> Product(int stock, decimal price = 10m)
    {
        await using var db = _database.CreateContext();
        var unique = Guid.NewGuid().ToString("N")[..8];
        return (await db.AddProductAsync("Product " + unique, price, stock: stock, sku: "O-" + unique)).Id;
    }

    private async Task<int> StockOf(int productId)
    {
        await using var db = _database.CreateContext();
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }

    private static PlaceOrderInput Input => new() { ShippingAddress = ShopServices.Address, PaymentMethodId = "bank_transfer" };

    [Fact]
    public async Task Thirty_parallel_checkouts_for_five_items_place_exactly_five_orders()
    {
        var product = await Product(stock: 5);
        var users = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var user = await _shop.AddUserAsync();
            Assert.True((await _shop.Carts.AddItemAsync(CartOwner.ForUser(user), product, 1)).Succeeded);
            users.Add(user);
        }

        var results = await Task.WhenAll(users.Select(user => Task.Run(() => _shop.Orders.PlaceOrderAsync(user, Input))));

        Assert.Equal(5, results.Count(r => r.Succeeded));
        var failures = results.Where(r => !r.Succeeded).ToList();
        Assert.Equal(25, failures.Count);
        Assert.All(failures, f => Assert.Equal(ErrorCodes.InsufficientStock, Assert.Single(f.Errors).Code));
        Assert.Equal(0, await StockOf(product));

        await using var db = _database.CreateContext();
        Assert.Equal(5, await db.Orders.CountAsync());
        Assert.Equal(5, await db.OrderLines.Where(l => l.ProductId == product).SumAsync(l => l.Quantity));
        Assert.Equal(5, (await db.Orders.Select(o => o.OrderNumber).ToListAsync()).Distinct().Count());
        // Winners' carts are empty, losers keep theirs.
        Assert.Equal(25, await db.CartItems.CountAsync());
        Assert.Equal(5, _shop.Mail.Sent.Count);
    }

    [Fact]
    public async Task A_failed_line_takes_nothing_from_the_other_lines()
    {
        var plenty = await Product(stock: 10);
        var scarce = await Product(stock: 2);
        var user = await _shop.AddUserAsync();
        await _shop.Carts.AddItemAsync(CartOwner.ForUser(user), plenty, 3);
        await _shop.Carts.AddItemAsync(CartOwner.ForUser(user), scarce, 2);
        await using (var db = _database.CreateContext())
            await db.Products.Where(p => p.Id == scarce).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, 1));

        var result = await _shop.Orders.PlaceOrderAsync(user, Input);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.InsufficientStock, error.Code);
        Assert.Equal(1, error.Details!["availableStock"]);
        Assert.Equal(2, error.Details["requestedQuantity"]);
        Assert.Equal(10, await StockOf(plenty));
        Assert.Equal(1, await StockOf(scarce));
        await using var check = _database.CreateContext();
        Assert.Equal(0, await check.Orders.CountAsync());
        Assert.Equal(0, await check.OrderNumberSequences.SumAsync(s => s.LastValue));
        Assert.Equal(2, (await _shop.Carts.GetAsync(CartOwner.ForUser(user))).Items.Count);
    }

    [Fact]
    public async Task A_coupon_with_one_use_left_is_used_by_exactly_one_of_parallel_checkouts()
    {
        await using (var db = _database.CreateContext())
        {
            db.Coupons.Add(new Ecommerce.Shared.Coupons.Coupon { Code = "LAST1", Kind = Ecommerce.Shared.Coupons.CouponKind.Percentage, PercentOff = 50, UsageLimit = 3, TimesUsed = 2 });
            await db.SaveChangesAsync();
        }
        var product = await Product(stock: 100);
        var users = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var user = await _shop.AddUserAsync();
            await _shop.Carts.AddItemAsync(CartOwner.ForUser(user), product, 1);
            users.Add(user);
        }

        var results = await Task.WhenAll(users.Select(user => Task.Run(() =>
            _shop.Orders.PlaceOrderAsync(user, Input with { CouponCode = "last1" }))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("couponCode", Assert.Single(r.Errors).Field));
        Assert.Equal(5.00m, results.Single(r => r.Succeeded).Value.Totals.Discount.ToDecimal());
        Assert.Equal(99, await StockOf(product));
        await using var check = _database.CreateContext();
        Assert.Equal(3, (await check.Coupons.SingleAsync()).TimesUsed);
        Assert.Equal(1, await check.CouponRedemptions.CountAsync());
    }

    [Fact]
    public async Task Cancelling_in_parallel_restores_the_stock_once()
    {
        var product = await Product(stock: 3);
        var user = await _shop.AddUserAsync();
        await _shop.Carts.AddItemAsync(CartOwner.ForUser(user), product, 3);
        var order = (await _shop.Orders.PlaceOrderAsync(user, Input)).Value;
        Assert.Equal(0, await StockOf(product));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => _shop.Orders.CancelAsync(OrderAccess.Customer(user), order.Id, "twice", user))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCodes.Conflict, r.Errors[0].Code));
        Assert.Equal(3, await StockOf(product));
    }
}
