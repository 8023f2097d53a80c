using System.Globalization;
using System.Text.Json;
using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// Bulk edits of ProductAdminService (price absolute or by percent, stock, category, archive/restore) on a real
/// SQLite database: all-or-nothing, only the selected products change, and each edit writes one audit entry.
/// </summary>
public class ProductBulkEditTests
{
    private static void Succeeded<T>(Result<T> result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => $"{e.Code} {e.Field}: {e.Message}")));

    private static Error Failed<T>(Result<T> result, string code, string? field)
    {
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        return error;
    }

    /// <summary>The bulk entry's details: one JSON object per changed product.</summary>
    private static List<JsonElement> Details(AuditEntry entry)
    {
        Assert.NotNull(entry.Changes);
        return JsonDocument.Parse(entry.Changes).RootElement.EnumerateArray().ToList();
    }

    private static async Task<int> AuditCountAsync(AdminServices s) => (await s.AuditEntriesAsync()).Count;

    [Fact]
    public async Task Setting_an_absolute_price_changes_the_selected_products_only_and_writes_one_audit_entry()
    {
        using var s = await AdminServices.CreateAsync();
        var blue = await s.AddProductAsync("Blue mug", 12.50m, sku: "MUG-BLUE");
        var red = await s.AddProductAsync("Red mug", 8m, sku: "MUG-RED");
        var green = await s.AddProductAsync("Green mug", 5m, sku: "MUG-GREEN");
        var before = (await s.ProductAsync(green.Id)).UpdatedAt;
        s.Clock.Advance(TimeSpan.FromHours(1));

        var result = await s.Products.BulkAsync(s.Actor, [blue.Id, red.Id], new BulkEdit.SetPrice(Percent: false, 9.99m));

        Succeeded(result);
        Assert.Equal(2, result.Value);
        Assert.Equal(999, (await s.ProductAsync(blue.Id)).PriceCents);
        Assert.Equal(999, (await s.ProductAsync(red.Id)).PriceCents);
        Assert.Equal(s.Clock.GetUtcNow().UtcDateTime, (await s.ProductAsync(red.Id)).UpdatedAt);
        var untouched = await s.ProductAsync(green.Id);
        Assert.Equal(500, untouched.PriceCents);
        Assert.Equal(before, untouched.UpdatedAt);

        var entry = Assert.Single(await s.AuditEntriesAsync("products.price-changed"));
        Assert.Equal("Product", entry.EntityType);
        Assert.Null(entry.EntityId); // several products: no single entity
        Assert.Equal(AdminServices.AdminEmail, entry.UserEmail);
        Assert.Equal(s.AdminId, entry.UserId);
        Assert.Equal("Set the price of 2 products to $9.99", entry.Summary);
        var details = Details(entry).OrderBy(d => d.GetProperty("id").GetInt32()).ToList();
        Assert.Equal([blue.Id, red.Id], details.Select(d => d.GetProperty("id").GetInt32()));
        Assert.Equal(["MUG-BLUE", "MUG-RED"], details.Select(d => d.GetProperty("sku").GetString()));
        Assert.Equal([12.50m, 8m], details.Select(d => d.GetProperty("from").GetDecimal()));
        Assert.All(details, d => Assert.Equal(9.99m, d.GetProperty("to").GetDecimal()));
    }

    [Theory]
    [InlineData("19.99", "-10", 1799)]    // 1999 − 199.9 → 1999 − 200
    [InlineData("19.99", "15", 2299)]     // 1999 + 299.85 → 1999 + 300
    [InlineData("0.99", "50", 149)]       // 99 + 49.5 → 99 + 50 (half away from zero)
    [InlineData("10.00", "-33.333", 667)] // 1000 − 333.33 → 1000 − 333
    [InlineData("19.95", "10", 2195)]     // 1995 + 199.5 → 1995 + 200
    [InlineData("19.95", "-10", 1796)]    // 17.955 → 17.96: the new price is rounded half away from zero, not the change
    [InlineData("100.00", "-100", 0)]     // free is allowed
    [InlineData("0.00", "25", 0)]
    public async Task A_percent_change_is_rounded_half_away_from_zero_to_the_cent(string price, string percent, long expectedCents)
    {
        using var s = await AdminServices.CreateAsync();
        var product = await s.AddProductAsync("Tea towel", decimal.Parse(price, CultureInfo.InvariantCulture));

        var result = await s.Products.BulkAsync(s.Actor, [product.Id], new BulkEdit.SetPrice(Percent: true, decimal.Parse(percent, CultureInfo.InvariantCulture)));

        Succeeded(result);
        Assert.Equal(expectedCents, (await s.ProductAsync(product.Id)).PriceCents);
        var entry = Assert.Single(await s.AuditEntriesAsync("products.price-changed"));
        Assert.Equal(product.Id.ToString(CultureInfo.InvariantCulture), entry.EntityId); // one product: named
        var detail = Assert.Single(Details(entry));
        Assert.Equal(expectedCents / 100m, detail.GetProperty("to").GetDecimal());
    }

    [Theory]
    [InlineData(false, "9.999", "A price can have at most two decimals.")]
    [InlineData(true, "-100.5", "A change by percent must be between -100 and 10000 %.")]
    [InlineData(true, "10000.01", "A change by percent must be between -100 and 10000 %.")]
    public async Task A_price_change_that_cannot_be_a_price_is_refused_and_nothing_changes(bool percent, string value, string message)
    {
        using var s = await AdminServices.CreateAsync();
        var product = await s.AddProductAsync("Bulk lamp", 20m);

        var result = await s.Products.BulkAsync(s.Actor, [product.Id], new BulkEdit.SetPrice(percent, decimal.Parse(value, CultureInfo.InvariantCulture)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("value", message), (error.Field, error.Message));
        Assert.Equal(2000, (await s.ProductAsync(product.Id)).PriceCents);
        Assert.Empty(await s.AuditEntriesAsync("products.price-changed"));
    }

    [Fact]
    public async Task Stock_above_the_maximum_is_refused_with_the_maximum()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await s.AddProductAsync("Bulk crate", 20m, stock: 4);

        var result = await s.Products.BulkAsync(s.Actor, [product.Id], new BulkEdit.SetStock(ProductAdminService.MaxStock + 1));

        Assert.Equal("Stock can be at most 1000000000.", Assert.Single(result.Errors).Message);
        Assert.Equal(4, (await s.ProductAsync(product.Id)).Stock);
    }

    [Fact]
    public async Task The_percent_summary_names_the_percentage()
    {
        using var s = await AdminServices.CreateAsync();
        var a = await s.AddProductAsync("Lamp one", 40m);
        var b = await s.AddProductAsync("Lamp two", 60m);

        Succeeded(await s.Products.BulkAsync(s.Actor, [a.Id, b.Id], new BulkEdit.SetPrice(Percent: true, -12.5m)));

        Assert.Equal("Changed the price of 2 products by -12.5 %", Assert.Single(await s.AuditEntriesAsync("products.price-changed")).Summary);
        Assert.Equal(3500, (await s.ProductAsync(a.Id)).PriceCents);
        Assert.Equal(5250, (await s.ProductAsync(b.Id)).PriceCents);
    }

    [Fact]
    public async Task A_percent_that_would_make_a_price_negative_is_refused_and_changes_nothing()
    {
        using var s = await AdminServices.CreateAsync();
        var free = await s.AddProductAsync("Free sticker", 0m);
        var mug = await s.AddProductAsync("Mug", 10m);
        var auditBefore = await AuditCountAsync(s);

        // -101 % would take any priced product below zero: refused before any product is looked at.
        var error = Failed(await s.Products.BulkAsync(s.Actor, [free.Id, mug.Id], new BulkEdit.SetPrice(Percent: true, -101m)),
            ErrorCodes.ValidationError, "value");
        Assert.Equal("A change by percent must be between -100 and 10000 %.", error.Message);

        // A negative price set outright names the product it would apply to.
        error = Failed(await s.Products.BulkAsync(s.Actor, [mug.Id], new BulkEdit.SetPrice(Percent: false, -1m)), ErrorCodes.ValidationError, "value");
        Assert.Contains("Mug", error.Message);
        Assert.Contains("below zero", error.Message);

        Assert.Equal(1000, (await s.ProductAsync(mug.Id)).PriceCents);
        Assert.Equal(0, (await s.ProductAsync(free.Id)).PriceCents);
        Assert.Equal(auditBefore, await AuditCountAsync(s));
    }

    [Fact]
    public async Task A_refused_price_leaves_the_products_earlier_in_the_selection_unchanged_too()
    {
        using var s = await AdminServices.CreateAsync();
        // The first product's new price is fine and is computed first; the second would go above the maximum.
        var cheap = await s.AddProductAsync("Cheap thing", 10m);
        var dear = await s.AddProductAsync("Dear thing", 900_000_000m);
        var updatedBefore = (await s.ProductAsync(cheap.Id)).UpdatedAt;
        s.Clock.Advance(TimeSpan.FromMinutes(5));

        var error = Failed(await s.Products.BulkAsync(s.Actor, [cheap.Id, dear.Id], new BulkEdit.SetPrice(Percent: true, 50m)),
            ErrorCodes.ValidationError, "value");

        Assert.Contains("Dear thing", error.Message);
        var unchanged = await s.ProductAsync(cheap.Id);
        Assert.Equal(1000, unchanged.PriceCents);
        Assert.Equal(updatedBefore, unchanged.UpdatedAt);
        Assert.Equal(90_000_000_000, (await s.ProductAsync(dear.Id)).PriceCents);
        Assert.Empty(await s.AuditEntriesAsync("products.price-changed"));
    }

    [Fact]
    public async Task A_negative_absolute_price_is_refused()
    {
        using var s = await AdminServices.CreateAsync();
        var mug = await s.AddProductAsync("Mug", 10m);

        Failed(await s.Products.BulkAsync(s.Actor, [mug.Id], new BulkEdit.SetPrice(Percent: false, -0.01m)), ErrorCodes.ValidationError, "value");

        Assert.Equal(1000, (await s.ProductAsync(mug.Id)).PriceCents);
        Assert.Empty(await s.AuditEntriesAsync("products.price-changed"));
    }

    [Fact]
    public async Task Setting_stock_changes_the_selected_products_and_records_from_and_to()
    {
        using var s = await AdminServices.CreateAsync();
        var a = await s.AddProductAsync("Candle", 5m, stock: 3);
        var b = await s.AddProductAsync("Candle holder", 9m, stock: 0);
        var other = await s.AddProductAsync("Matches", 1m, stock: 7);

        var result = await s.Products.BulkAsync(s.Actor, [a.Id, b.Id], new BulkEdit.SetStock(25));

        Succeeded(result);
        Assert.Equal(2, result.Value);
        Assert.Equal(25, (await s.ProductAsync(a.Id)).Stock);
        Assert.Equal(25, (await s.ProductAsync(b.Id)).Stock);
        Assert.Equal(7, (await s.ProductAsync(other.Id)).Stock);
        var entry = Assert.Single(await s.AuditEntriesAsync("products.stock-set"));
        Assert.Equal("Set the stock of 2 products to 25", entry.Summary);
        var details = Details(entry).ToDictionary(d => d.GetProperty("id").GetInt32());
        Assert.Equal(3, details[a.Id].GetProperty("from").GetInt32());
        Assert.Equal(0, details[b.Id].GetProperty("from").GetInt32());
        Assert.All(details.Values, d => Assert.Equal(25, d.GetProperty("to").GetInt32()));
    }

    [Fact]
    public async Task Setting_stock_to_zero_is_fine_and_a_negative_stock_is_refused()
    {
        using var s = await AdminServices.CreateAsync();
        var a = await s.AddProductAsync("Candle", 5m, stock: 3);

        Failed(await s.Products.BulkAsync(s.Actor, [a.Id], new BulkEdit.SetStock(-1)), ErrorCodes.ValidationError, "value");
        Assert.Equal(3, (await s.ProductAsync(a.Id)).Stock);
        Assert.Empty(await s.AuditEntriesAsync("products.stock-set"));

        Succeeded(await s.Products.BulkAsync(s.Actor, [a.Id], new BulkEdit.SetStock(0)));
        Assert.Equal(0, (await s.ProductAsync(a.Id)).Stock);
    }

    [Fact]
    public async Task Setting_a_category_moves_the_selected_products_and_null_clears_it()
    {
        using var s = await AdminServices.CreateAsync();
        var kitchen = await s.AddCategoryAsync("Kitchen");
        var garden = await s.AddCategoryAsync("Garden");
        var a = await s.AddProductAsync("Spoon", 2m, kitchen);
        var b = await s.AddProductAsync("Fork", 2m);
        var other = await s.AddProductAsync("Knife", 3m, kitchen);

        Succeeded(await s.Products.BulkAsync(s.Actor, [a.Id, b.Id], new BulkEdit.SetCategory(garden.Id)));

        Assert.Equal(garden.Id, (await s.ProductAsync(a.Id)).CategoryId);
        Assert.Equal(garden.Id, (await s.ProductAsync(b.Id)).CategoryId);
        Assert.Equal(kitchen.Id, (await s.ProductAsync(other.Id)).CategoryId);
        var moved = Assert.Single(await s.AuditEntriesAsync("products.category-set"));
        Assert.Equal("Moved 2 products to Garden", moved.Summary);
        var details = Details(moved).ToDictionary(d => d.GetProperty("id").GetInt32());
        Assert.Equal(kitchen.Id, details[a.Id].GetProperty("from").GetInt32());
        Assert.Equal(JsonValueKind.Null, details[b.Id].GetProperty("from").ValueKind);
        Assert.All(details.Values, d => Assert.Equal(garden.Id, d.GetProperty("to").GetInt32()));

        Succeeded(await s.Products.BulkAsync(s.Actor, [a.Id, other.Id], new BulkEdit.SetCategory(null)));

        Assert.Null((await s.ProductAsync(a.Id)).CategoryId);
        Assert.Null((await s.ProductAsync(other.Id)).CategoryId);
        Assert.Equal(garden.Id, (await s.ProductAsync(b.Id)).CategoryId);
        var cleared = await s.AuditEntriesAsync("products.category-set");
        Assert.Equal(2, cleared.Count);
        Assert.Equal("Moved 2 products to no category", cleared[1].Summary);
    }

    [Fact]
    public async Task An_unknown_category_is_refused_and_changes_nothing()
    {
        using var s = await AdminServices.CreateAsync();
        var kitchen = await s.AddCategoryAsync("Kitchen");
        var a = await s.AddProductAsync("Spoon", 2m, kitchen);

        Failed(await s.Products.BulkAsync(s.Actor, [a.Id], new BulkEdit.SetCategory(987654)), ErrorCodes.ValidationError, "categoryId");

        Assert.Equal(kitchen.Id, (await s.ProductAsync(a.Id)).CategoryId);
        Assert.Empty(await s.AuditEntriesAsync("products.category-set"));
    }

    [Fact]
    public async Task Archive_and_restore_change_the_status_of_the_selected_products()
    {
        using var s = await AdminServices.CreateAsync();
        var a = await s.AddProductAsync("Vase", 20m);
        var b = await s.AddProductAsync("Bowl", 15m);
        var other = await s.AddProductAsync("Plate", 12m);

        var archived = await s.Products.BulkAsync(s.Actor, [a.Id, b.Id], new BulkEdit.Archive());

        Succeeded(archived);
        Assert.Equal(2, archived.Value);
        Assert.Equal(ProductStatus.Archived, (await s.ProductAsync(a.Id)).Status);
        Assert.Equal(ProductStatus.Archived, (await s.ProductAsync(b.Id)).Status);
        Assert.Equal(ProductStatus.Active, (await s.ProductAsync(other.Id)).Status);
        var archiveEntry = Assert.Single(await s.AuditEntriesAsync("products.archived"));
        Assert.Equal("Archived 2 products", archiveEntry.Summary);
        Assert.Equal([a.Id, b.Id], Details(archiveEntry).Select(d => d.GetProperty("id").GetInt32()).Order());

        Succeeded(await s.Products.BulkAsync(s.Actor, [b.Id], new BulkEdit.Restore()));

        Assert.Equal(ProductStatus.Archived, (await s.ProductAsync(a.Id)).Status);
        Assert.Equal(ProductStatus.Active, (await s.ProductAsync(b.Id)).Status);
        var restoreEntry = Assert.Single(await s.AuditEntriesAsync("products.restored"));
        Assert.Equal("Restored Bowl", restoreEntry.Summary);
        Assert.Equal(b.Id.ToString(CultureInfo.InvariantCulture), restoreEntry.EntityId);
    }

    [Fact]
    public async Task Archiving_and_restoring_one_product_goes_through_the_same_audited_path()
    {
        using var s = await AdminServices.CreateAsync();
        var vase = await s.AddProductAsync("Vase", 20m);

        Assert.Equal(1, (await s.Products.ArchiveAsync(s.Actor, vase.Id)).Value);
        Assert.Equal(ProductStatus.Archived, (await s.ProductAsync(vase.Id)).Status);
        Assert.Equal("Archived Vase", Assert.Single(await s.AuditEntriesAsync("products.archived")).Summary);

        Assert.Equal(1, (await s.Products.RestoreAsync(s.Actor, vase.Id)).Value);
        Assert.Equal(ProductStatus.Active, (await s.ProductAsync(vase.Id)).Status);
        Assert.Equal("Restored Vase", Assert.Single(await s.AuditEntriesAsync("products.restored")).Summary);
    }

    [Fact]
    public async Task An_empty_selection_is_a_validation_error()
    {
        using var s = await AdminServices.CreateAsync();

        Failed(await s.Products.BulkAsync(s.Actor, [], new BulkEdit.Archive()), ErrorCodes.ValidationError, "ids");

        Assert.Empty(await s.AuditEntriesAsync("products.archived"));
    }

    [Fact]
    public async Task More_than_the_maximum_number_of_products_is_a_validation_error_and_repeated_ids_count_once()
    {
        using var s = await AdminServices.CreateAsync();
        var a = await s.AddProductAsync("Vase", 20m, stock: 4);
        var tooMany = Enumerable.Range(1, ProductAdminService.MaxBulkProducts).Append(a.Id + ProductAdminService.MaxBulkProducts).ToList();

        var error = Failed(await s.Products.BulkAsync(s.Actor, tooMany, new BulkEdit.SetStock(1)), ErrorCodes.ValidationError, "ids");

        Assert.Contains(ProductAdminService.MaxBulkProducts.ToString(CultureInfo.InvariantCulture), error.Message);
        Assert.Equal(4, (await s.ProductAsync(a.Id)).Stock);

        // The same product named many times is one product.
        var repeated = Enumerable.Repeat(a.Id, ProductAdminService.MaxBulkProducts + 1).ToList();
        var result = await s.Products.BulkAsync(s.Actor, repeated, new BulkEdit.SetStock(1));
        Succeeded(result);
        Assert.Equal(1, result.Value);
        Assert.Equal(1, (await s.ProductAsync(a.Id)).Stock);
    }

    [Fact]
    public async Task Ids_that_no_longer_exist_are_skipped_and_a_selection_of_only_missing_products_is_not_found()
    {
        using var s = await AdminServices.CreateAsync();
        var kept = await s.AddProductAsync("Kept", 20m, stock: 4);
        var gone = await s.AddProductAsync("Gone", 20m, stock: 4);
        Assert.Equal(ProductRemoval.Deleted, (await s.Products.DeleteAsync(s.Actor, gone.Id)).Value);

        var result = await s.Products.BulkAsync(s.Actor, [kept.Id, gone.Id], new BulkEdit.SetStock(9));

        Succeeded(result);
        Assert.Equal(1, result.Value);
        Assert.Equal(9, (await s.ProductAsync(kept.Id)).Stock);
        var entry = Assert.Single(await s.AuditEntriesAsync("products.stock-set"));
        Assert.Equal(kept.Id, Assert.Single(Details(entry)).GetProperty("id").GetInt32());

        var missing = await s.Products.BulkAsync(s.Actor, [gone.Id, 999_999], new BulkEdit.Archive());
        Assert.Equal(ErrorCodes.NotFound, Assert.Single(missing.Errors).Code);
        Assert.Empty(await s.AuditEntriesAsync("products.archived"));
    }
}
