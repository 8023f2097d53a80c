using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Orders;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Ecommerce.Tests.Unit.Infrastructure.ResultAssert;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// Back-office writes against orders on a real SQLite database: a picture or price edit writes only its own columns
/// (never the stock it read earlier), the product's version refuses an edit made over someone else's, and a stock
/// change made over a stock that sales have moved is refused instead of undoing them.
/// </summary>
public class ProductConcurrencyTests
{
    private static async Task<AdminImage> UploadAsync(AdminServices s, int productId, string alt)
    {
        using var stream = new MemoryStream(Png);
        return Ok(await s.Products.AddImageAsync(s.Actor, productId, stream, alt));
    }

    private static Task<Product> ProductAsync(AdminServices s, int id) => s.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task Orders_placed_during_picture_and_price_edits_lose_no_stock_decrement()
    {
        using var s = await AdminServices.CreateAsync();
        const int initialStock = 1000;
        var product = await s.AddProductAsync("Harbor lantern", 20m, stock: initialStock);
        for (var i = 0; i < 3; i++) await UploadAsync(s, product.Id, $"View {i}");

        var customers = new List<(string UserId, int Quantity)>();
        for (var i = 0; i < 24; i++)
        {
            var user = await s.AddUserAsync();
            var quantity = 1 + i % 3;
            Ok(await s.Carts.AddItemAsync(CartOwner.ForUser(user.Id), product.Id, quantity));
            customers.Add((user.Id, quantity));
        }

        // Each customer checks out, placing the order again after a refusal for a price that changed meanwhile.
        var orders = customers.Select(c => Task.Run(async () =>
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var placed = await s.Orders.PlaceOrderAsync(c.UserId, new PlaceOrderInput { ShippingAddress = ShopServices.Address, PaymentMethodId = "bank_transfer" });
                if (placed.Succeeded) return placed.Value.ItemCount;
                Assert.Equal("PRICE_CHANGED", placed.Errors[0].Code);
            }
            return 0;
        })).ToList();

        // Meanwhile the back office adds, reorders, re-describes and removes pictures and changes the price.
        var edits = Enumerable.Range(0, 6).Select(round => Task.Run(async () =>
        {
            var added = await UploadAsync(s, product.Id, $"Added {round}");
            var pictures = (await s.Products.GetAsync(product.Id))!.Images;
            var reordered = pictures.Reverse().Select(p => (p.Id, (string?)$"{p.Alt} ({round})")).ToList();
            var updated = await s.Products.UpdateImagesAsync(s.Actor, product.Id, reordered, reordered[0].Id);
            Assert.True(updated.Succeeded || updated.Errors[0].Code == ErrorCodes.Conflict); // another round changed the list in between
            Ok(await s.Products.UpdateAsync(s.Actor, product.Id, new ProductInput { Price = 20m + round + 1 }));
            Ok(await s.Products.RemoveImageAsync(s.Actor, product.Id, added.Id));
        })).ToList();

        var sold = (await Task.WhenAll(orders)).Sum();
        await Task.WhenAll(edits);

        var orderedUnits = await s.WithDbAsync(db => db.OrderLines.Where(l => l.ProductId == product.Id).SumAsync(l => l.Quantity));
        Assert.Equal(customers.Sum(c => c.Quantity), sold);
        Assert.Equal(sold, orderedUnits);
        var final = await ProductAsync(s, product.Id);
        Assert.Equal(initialStock - sold, final.Stock);
        Assert.Equal(1 + 3, (await s.Products.GetAsync(product.Id))!.Images.Count); // the shipped picture and the three uploaded first
        // Picture changes leave the version alone; each of the six price edits added one.
        Assert.Equal(product.Version + 6, final.Version);
    }

    [Fact]
    public async Task An_edit_made_over_an_older_version_is_a_conflict_and_writes_nothing()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await s.AddProductAsync("Brass bell", 30m, stock: 8);
        var loaded = (await s.Products.GetAsync(product.Id))!;

        // Someone else renames it.
        var renamed = Ok(await s.Products.UpdateAsync(s.Actor, product.Id,
            new ProductInput { Name = "Brass ship's bell", ExpectedVersion = loaded.Version }));
        Assert.Equal(loaded.Version + 1, renamed.Version);

        var stale = await s.Products.UpdateAsync(s.Actor, product.Id,
            new ProductInput { Price = 25m, ExpectedVersion = loaded.Version });
        var error = Assert.Single(stale.Errors);
        Assert.Equal((ErrorCodes.Conflict, "version"), (error.Code, error.Field));
        Assert.Contains("Someone else changed Brass ship's bell", error.Message);
        Assert.Equal(renamed.Version, error.Details!["currentVersion"]);
        var stored = await ProductAsync(s, product.Id);
        Assert.Equal((3000L, renamed.Version, "Brass ship's bell"), (stored.PriceCents, stored.Version, stored.Name));

        // Over the current version it goes through.
        Ok(await s.Products.UpdateAsync(s.Actor, product.Id,
            new ProductInput { Price = 25m, ExpectedVersion = renamed.Version }));
        Assert.Equal(2500L, (await ProductAsync(s, product.Id)).PriceCents);
    }

    [Fact]
    public async Task Sales_and_rating_changes_leave_the_version_alone_so_the_editor_can_still_save()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await s.AddProductAsync("Rope fender", 15m, stock: 10);
        var loaded = (await s.Products.GetAsync(product.Id))!;
        var customer = await s.AddUserAsync();
        await s.PlaceOrderAsync(customer.Id, [(product.Id, 2)], paid: true);
        await UploadAsync(s, product.Id, "Side view");

        var saved = Ok(await s.Products.UpdateAsync(s.Actor, product.Id,
            new ProductInput { Price = 16m, ExpectedVersion = loaded.Version }));
        Assert.Equal(8, saved.Stock);
        Assert.Equal(loaded.Version + 1, saved.Version);
    }

    [Fact]
    public async Task A_stock_change_over_a_stock_that_sales_moved_is_refused_naming_the_current_stock()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await s.AddProductAsync("Chart table lamp", 45m, stock: 10);
        var loaded = (await s.Products.GetAsync(product.Id))!;
        var customer = await s.AddUserAsync();
        await s.PlaceOrderAsync(customer.Id, [(product.Id, 3)], paid: false);

        var refused = await s.Products.UpdateAsync(s.Actor, product.Id, new ProductInput
        {
            Stock = 12, Price = 50m, ExpectedVersion = loaded.Version, ExpectedStock = loaded.Stock,
        });
        var error = Assert.Single(refused.Errors);
        Assert.Equal((ErrorCodes.Conflict, "stock"), (error.Code, error.Field));
        Assert.Contains("is 7 now, not 10", error.Message);
        Assert.Equal(7, error.Details!["currentStock"]);
        var stored = await ProductAsync(s, product.Id);
        Assert.Equal((7, 4500L, loaded.Version), (stored.Stock, stored.PriceCents, stored.Version));

        // Over the stock as it is now, the change is made.
        var saved = Ok(await s.Products.UpdateAsync(s.Actor, product.Id, new ProductInput
        {
            Stock = 12, ExpectedVersion = loaded.Version, ExpectedStock = 7,
        }));
        Assert.Equal(12, saved.Stock);
        Assert.Equal(12, (await ProductAsync(s, product.Id)).Stock);
    }

    [Fact]
    public async Task Bulk_edits_archive_and_restore_add_to_the_version_of_the_products_they_change()
    {
        using var s = await AdminServices.CreateAsync();
        var a = await s.AddProductAsync("Deck brush", 9m);
        var b = await s.AddProductAsync("Deck mop", 11m, status: ProductStatus.Archived);

        Ok(await s.Products.BulkAsync(s.Actor, [a.Id, b.Id], new BulkEdit.SetPrice(Percent: true, 10)));
        Ok(await s.Products.BulkAsync(s.Actor, [a.Id, b.Id], new BulkEdit.Archive())); // b was archived already
        Ok(await s.Products.RestoreAsync(s.Actor, b.Id));

        Assert.Equal(a.Version + 2, (await ProductAsync(s, a.Id)).Version);
        Assert.Equal(b.Version + 2, (await ProductAsync(s, b.Id)).Version);
    }
}
