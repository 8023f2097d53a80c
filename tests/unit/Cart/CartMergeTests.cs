using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Coupons;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Cart;

/// <summary>CartService.MergeAsync: an anonymous visitor's cart joins their account's cart at sign-in.</summary>
public sealed class CartMergeTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly ShopServices _shop;

    public CartMergeTests() => _shop = new ShopServices(_database);

    public void Dispose() => _database.Dispose();

    private async Task<int> Product(int stock, decimal price = 10m, ProductStatus status = ProductStatus.Active)
    {
        await using var db = _database.CreateContext();
        var unique = Guid.NewGuid().ToString("N")[..8];
        return (await db.AddProductAsync("Product " + unique, price, stock: stock, sku: "M-" + unique)).Id;
    }

    private async Task Coupon(string code)
    {
        await using var db = _database.CreateContext();
        db.Coupons.Add(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10 });
        await db.SaveChangesAsync();
    }

    private async Task Add(CartOwner owner, int productId, int quantity) =>
        Assert.True((await _shop.Carts.AddItemAsync(owner, productId, quantity)).Succeeded);

    private static Dictionary<int, int> Quantities(CartView cart) => cart.Items.ToDictionary(i => i.ProductId, i => i.Quantity);

    [Fact]
    public async Task Quantities_add_up_but_never_beyond_the_stock()
    {
        var both = await Product(stock: 4);
        var plenty = await Product(stock: 100);
        var anonymousOnly = await Product(stock: 5);
        var user = await _shop.AddUserAsync();
        var visitor = Guid.NewGuid();
        await Add(CartOwner.ForUser(user), both, 2);
        await Add(CartOwner.ForUser(user), plenty, 3);
        await Add(CartOwner.Anonymous(visitor), both, 3);
        await Add(CartOwner.Anonymous(visitor), plenty, 4);
        await Add(CartOwner.Anonymous(visitor), anonymousOnly, 5);

        await _shop.Carts.MergeAsync(visitor, user);

        var cart = await _shop.Carts.GetAsync(CartOwner.ForUser(user));
        Assert.Equal(new Dictionary<int, int> { [both] = 4, [plenty] = 7, [anonymousOnly] = 5 }, Quantities(cart));
        Assert.Equal(16, cart.ItemCount);
    }

    [Fact]
    public async Task Lines_whose_product_is_gone_or_sold_out_are_dropped()
    {
        var soldOut = await Product(stock: 2);
        var archived = await Product(stock: 2);
        var fine = await Product(stock: 2);
        var user = await _shop.AddUserAsync();
        var visitor = Guid.NewGuid();
        await Add(CartOwner.ForUser(user), fine, 1);
        await Add(CartOwner.Anonymous(visitor), soldOut, 1);
        await Add(CartOwner.Anonymous(visitor), archived, 1);
        await using (var db = _database.CreateContext())
        {
            await db.Products.Where(p => p.Id == soldOut).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, 0));
            await db.Products.Where(p => p.Id == archived).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProductStatus.Archived));
        }

        await _shop.Carts.MergeAsync(visitor, user);

        await using var check = _database.CreateContext();
        var accountCart = await check.Carts.Include(c => c.Items).SingleAsync(c => c.UserId == user);
        Assert.Equal([fine], accountCart.Items.Select(i => i.ProductId));
    }

    [Fact]
    public async Task The_visitors_coupon_carries_over_when_the_account_cart_has_none()
    {
        await Coupon("VISITOR10");
        var product = await Product(stock: 10);
        var user = await _shop.AddUserAsync();
        var visitor = Guid.NewGuid();
        await Add(CartOwner.ForUser(user), product, 1);
        await Add(CartOwner.Anonymous(visitor), product, 1);
        Assert.True((await _shop.Carts.ApplyCouponAsync(CartOwner.Anonymous(visitor), "visitor10")).Succeeded);

        await _shop.Carts.MergeAsync(visitor, user);

        var cart = await _shop.Carts.GetAsync(CartOwner.ForUser(user));
        Assert.Equal("VISITOR10", cart.Coupon?.Code);
        Assert.True(cart.Coupon!.IsApplied);
        Assert.Equal(2.00m, cart.Totals.Discount.ToDecimal());
    }

    [Fact]
    public async Task The_accounts_own_coupon_wins()
    {
        await Coupon("VISITOR10");
        await Coupon("ACCOUNT10");
        var product = await Product(stock: 10);
        var user = await _shop.AddUserAsync();
        var visitor = Guid.NewGuid();
        await Add(CartOwner.ForUser(user), product, 1);
        await Add(CartOwner.Anonymous(visitor), product, 1);
        Assert.True((await _shop.Carts.ApplyCouponAsync(CartOwner.ForUser(user), "ACCOUNT10")).Succeeded);
        Assert.True((await _shop.Carts.ApplyCouponAsync(CartOwner.Anonymous(visitor), "VISITOR10")).Succeeded);

        await _shop.Carts.MergeAsync(visitor, user);

        Assert.Equal("ACCOUNT10", (await _shop.Carts.GetAsync(CartOwner.ForUser(user))).Coupon?.Code);
    }

    [Fact]
    public async Task The_anonymous_cart_is_deleted_with_its_lines()
    {
        var product = await Product(stock: 10);
        var user = await _shop.AddUserAsync();
        var visitor = Guid.NewGuid();
        await Add(CartOwner.ForUser(user), product, 1);
        await Add(CartOwner.Anonymous(visitor), product, 2);

        await _shop.Carts.MergeAsync(visitor, user);

        await using var db = _database.CreateContext();
        Assert.False(await db.Carts.AnyAsync(c => c.AnonymousId == visitor));
        Assert.Equal(1, await db.Carts.CountAsync());
        Assert.Equal(1, await db.CartItems.CountAsync());
        Assert.Empty((await _shop.Carts.GetAsync(CartOwner.Anonymous(visitor))).Items);
    }

    [Fact]
    public async Task An_account_without_a_cart_is_handed_the_visitors_cart()
    {
        await Coupon("VISITOR10");
        var a = await Product(stock: 10);
        var b = await Product(stock: 10);
        var user = await _shop.AddUserAsync();
        var visitor = Guid.NewGuid();
        await Add(CartOwner.Anonymous(visitor), a, 2);
        await Add(CartOwner.Anonymous(visitor), b, 1);
        Assert.True((await _shop.Carts.ApplyCouponAsync(CartOwner.Anonymous(visitor), "VISITOR10")).Succeeded);
        int cartId;
        await using (var db = _database.CreateContext()) cartId = await db.Carts.Where(c => c.AnonymousId == visitor).Select(c => c.Id).SingleAsync();

        await _shop.Carts.MergeAsync(visitor, user);

        await using var check = _database.CreateContext();
        var cart = await check.Carts.Include(c => c.Items).SingleAsync();
        Assert.Equal(cartId, cart.Id);
        Assert.Equal(user, cart.UserId);
        Assert.Null(cart.AnonymousId);
        Assert.Equal("VISITOR10", cart.CouponCode);
        Assert.Equal(new Dictionary<int, int> { [a] = 2, [b] = 1 }, Quantities(await _shop.Carts.GetAsync(CartOwner.ForUser(user))));
    }

    [Fact]
    public async Task Without_a_visitor_cart_nothing_changes()
    {
        var product = await Product(stock: 10);
        var user = await _shop.AddUserAsync();
        await Add(CartOwner.ForUser(user), product, 3);

        await _shop.Carts.MergeAsync(Guid.NewGuid(), user);

        Assert.Equal(new Dictionary<int, int> { [product] = 3 }, Quantities(await _shop.Carts.GetAsync(CartOwner.ForUser(user))));
    }
}
