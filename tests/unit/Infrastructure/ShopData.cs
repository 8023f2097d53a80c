using System.Net;
using System.Text.Json;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Coupons;
using Ecommerce.Shared.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>Products, coupons, addresses, carts and orders for shopper-journey tests, each unique to its test.</summary>
public static class ShopData
{
    /// <summary>A new active product with its own name, slug and SKU; returns its id.</summary>
    public static Task<int> AddProductAsync(this StoreApp app, decimal price, int stock = 10, string name = "Test product",
        ProductStatus status = ProductStatus.Active) =>
        app.WithDbAsync(async db =>
        {
            var unique = Guid.NewGuid().ToString("N")[..10];
            var product = await db.AddProductAsync($"{name} {unique}", price, stock: stock, sku: $"T-{unique}".ToUpperInvariant(), status: status);
            return product.Id;
        });

    public static Task<int> StockOfAsync(this StoreApp app, int productId) =>
        app.WithDbAsync(db => db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync());

    public static Task SetStockAsync(this StoreApp app, int productId, int stock) =>
        app.WithDbAsync(db => db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, stock)));

    public static Task ArchiveAsync(this StoreApp app, int productId) =>
        app.WithDbAsync(async db =>
        {
            var product = await db.Products.SingleAsync(p => p.Id == productId);
            product.Status = ProductStatus.Archived;
            await db.SaveChangesAsync();
        });

    /// <summary>A unique coupon code with the given prefix (upper case, as the store keeps them).</summary>
    public static string NewCode(string prefix = "TEST") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 50)].ToUpperInvariant();

    /// <summary>Saves a coupon straight into the database (for states the admin API cannot create, such as already used).</summary>
    public static Task<Coupon> AddCouponAsync(this StoreApp app, Coupon coupon) =>
        app.WithDbAsync(async db =>
        {
            db.Coupons.Add(coupon);
            await db.SaveChangesAsync();
            return coupon;
        });

    public static Task<Coupon> CouponAsync(this StoreApp app, string code) =>
        app.WithDbAsync(db => db.Coupons.AsNoTracking().SingleAsync(c => c.Code == code));

    public static object AddressBody(string street = "1 Harbor Way", string city = "Portland", bool? isDefault = null) => new
    {
        street,
        city,
        state = "OR",
        zipCode = "97201",
        country = "USA",
        isDefault,
    };

    /// <summary>Saves an address through the API; returns its id.</summary>
    public static async Task<int> AddAddressAsync(this ApiSession session, string street = "1 Harbor Way", string city = "Portland", bool? isDefault = null) =>
        (await session.Client.PostApiAsync("/api/v1/users/addresses", AddressBody(street, city, isDefault))).Data(HttpStatusCode.Created).Id();

    /// <summary>Adds a product to the caller's cart through the API; returns the cart line.</summary>
    public static async Task<JsonElement> AddToCartAsync(this ApiSession session, int productId, int quantity = 1) =>
        (await session.Client.PostApiAsync("/api/v1/cart/items", new { productId = productId.ToString(), quantity })).Data(HttpStatusCode.Created);

    public static async Task<JsonElement> CartAsync(this ApiSession session) => (await session.Client.GetApiAsync("/api/v1/cart")).Data();

    /// <summary>Places an order from the cart, shipped to a newly saved address, paid by bank transfer.</summary>
    public static async Task<JsonElement> PlaceOrderAsync(this ApiSession session, string? couponCode = null, string paymentMethodId = "bank_transfer")
    {
        var address = await session.AddAddressAsync();
        return (await session.Client.PostApiAsync("/api/v1/orders", new { shippingAddressId = address.ToString(), paymentMethodId, couponCode }))
            .Data(HttpStatusCode.Created);
    }

    /// <summary>Marks an order paid, as an admin does (through the order service): its customer then counts as a buyer.</summary>
    public static async Task MarkPaidAsync(this StoreApp app, int orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var paid = await scope.ServiceProvider.GetRequiredService<OrderService>().ChangeStatusAsync(orderId, "paid", null, null, null, null);
        Assert.True(paid.Succeeded, string.Join(" ", paid.Errors.Select(e => e.Message)));
    }

    /// <summary>Puts the products in the cart, places an order of them and has it paid; returns the order as placed.</summary>
    public static async Task<JsonElement> PaidOrderAsync(this ApiSession session, StoreApp app, params int[] productIds)
    {
        var order = await session.OrderAsync(productIds);
        await app.MarkPaidAsync(order.Id());
        return order;
    }

    /// <summary>Puts the products in the cart and places an order of them.</summary>
    public static async Task<JsonElement> OrderAsync(this ApiSession session, params int[] productIds)
    {
        foreach (var id in productIds) await session.AddToCartAsync(id);
        return await session.PlaceOrderAsync();
    }
}
