using Bunit;
using Ecommerce.Shared.Catalog;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Admin.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Web.Components.Admin;

/// <summary>
/// The back office's product editor over the real services: validation errors show on their fields and save
/// nothing, a valid product is created (slug from the name, pictures uploaded after it exists), an edit sends only
/// what changed, and the picture list (primary, order, alt text, removal, refused files) saves as it changes.
/// </summary>
public class ProductEditorTests : AdminComponentContext
{
    private readonly List<ProductEditor.ProductSaved> _saved = [];

    private async Task<IRenderedComponent<ProductEditor>> RenderEditorAsync(ProductEdit? product = null)
    {
        var categories = ProductCategoryOption.Flatten(await Service<CategoryAdminService>().TreeAsync());
        return Render<ProductEditor>(p => p
            .Add(e => e.Product, product)
            .Add(e => e.Categories, categories)
            .Add(e => e.Actor, Actor)
            .Add(e => e.OnSaved, saved => _saved.Add(saved)));
    }

    private async Task<IRenderedComponent<ProductEditor>> RenderEditorForAsync(int productId) =>
        await RenderEditorAsync(await Service<ProductAdminService>().GetAsync(productId));

    private static Task TypeAsync(IRenderedComponent<ProductEditor> cut, string label, string value) => cut.FieldByLabel(label).TypeAsync(value);

    private static Task SaveAsync(IRenderedComponent<ProductEditor> cut) =>
        cut.FindAll("button").Single(b => b.Trimmed() is "Create product" or "Save changes").ClickAsync(new MouseEventArgs());

    private async Task<int> ProductCountAsync()
    {
        await using var db = Db();
        return await db.Products.CountAsync();
    }

    private static byte[] Png() => TestPictures.Png();

    private static byte[] Jpeg() => TestPictures.Jpeg();

    private static void Choose(IRenderedComponent<ProductEditor> cut, params InputFileContent[] files) =>
        cut.FindComponent<InputFile>().UploadFiles(files);

    [Fact]
    public async Task The_editors_fields_take_exactly_what_the_database_holds()
    {
        var cut = await RenderEditorAsync();

        Assert.Equal(Ecommerce.Shared.Common.Limits.Product.Name.ToString(), cut.FieldByLabel("Name").GetAttribute("maxlength"));
        Assert.Equal(Ecommerce.Shared.Common.Limits.Product.Sku.ToString(), cut.FieldByLabel("SKU").GetAttribute("maxlength"));
        // The slug column holds 80 characters; the editor used to accept 200.
        Assert.Equal("80", cut.FieldByLabel("Slug").GetAttribute("maxlength"));
        await using var db = Db();
        Assert.Equal(80, db.Model.FindEntityType(typeof(Product))!.FindProperty(nameof(Product.Slug))!.GetMaxLength());
    }

    [Fact]
    public async Task Creating_without_the_required_fields_shows_each_error_on_its_field_and_saves_nothing()
    {
        var cut = await RenderEditorAsync();

        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal("Name is required.", cut.ErrorUnder("Name")));
        Assert.Equal("SKU is required.", cut.ErrorUnder("SKU"));
        Assert.Equal("Price is required.", cut.ErrorUnder($"Price (USD)"));
        Assert.Null(cut.ErrorUnder("Stock"));
        Assert.Contains("3 fields need attention", cut.Markup);
        Assert.Empty(_saved);
        Assert.Equal(0, await ProductCountAsync());
    }

    [Fact]
    public async Task Negative_prices_and_stock_are_refused_on_their_fields()
    {
        var cut = await RenderEditorAsync();
        await TypeAsync(cut, "Name", "Brass lantern");
        await TypeAsync(cut, "SKU", "LAN-1");
        await TypeAsync(cut, "Price (USD)", "-5");
        await TypeAsync(cut, "Compare-at price (USD)", "-1");
        await TypeAsync(cut, "Stock", "-2");

        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal("Price cannot be negative.", cut.ErrorUnder("Price (USD)")));
        Assert.Equal("Compare-at price cannot be negative.", cut.ErrorUnder("Compare-at price (USD)"));
        Assert.Equal("Stock cannot be negative.", cut.ErrorUnder("Stock"));
        Assert.Null(cut.ErrorUnder("Name"));
        Assert.Equal(0, await ProductCountAsync());
    }

    [Fact]
    public async Task A_taken_sku_or_slug_is_shown_on_its_field()
    {
        await AddProductAsync("Existing lamp", 20m, sku: "LAMP-1");
        var cut = await RenderEditorAsync();
        await TypeAsync(cut, "Name", "Another lamp");
        await TypeAsync(cut, "SKU", "lamp-1");
        await TypeAsync(cut, "Slug", "existing-lamp");
        await TypeAsync(cut, "Price (USD)", "25");

        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal("Another product already has the SKU 'lamp-1'.", cut.ErrorUnder("SKU")));
        Assert.Equal("Another product already uses the slug 'existing-lamp'.", cut.ErrorUnder("Slug"));
        Assert.Equal(1, await ProductCountAsync());
    }

    [Fact]
    public async Task The_wand_fills_in_a_free_slug_made_from_the_name()
    {
        await AddProductAsync("Harbor Lantern", 20m); // takes harbor-lantern
        var cut = await RenderEditorAsync();
        var wand = cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Make the slug from the name");

        await wand.ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Equal("Type the name first: the slug is made from it.", cut.ErrorUnder("Slug")));

        await TypeAsync(cut, "Name", "Harbor Lantern");
        await cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Make the slug from the name").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("harbor-lantern-2", cut.FieldByLabel("Slug").GetAttribute("value")));
        Assert.Null(cut.ErrorUnder("Slug"));
    }

    [Fact]
    public async Task A_valid_product_is_created_with_a_slug_made_from_its_name()
    {
        var lighting = await AddCategoryAsync("Lighting");
        var cut = await RenderEditorAsync();
        await TypeAsync(cut, "Name", "Brass Storm Lantern");
        await TypeAsync(cut, "SKU", "LAN-2");
        await TypeAsync(cut, "Price (USD)", "49.5");
        await TypeAsync(cut, "Compare-at price (USD)", "59");
        await TypeAsync(cut, "Stock", "12");
        await TypeAsync(cut, "Short description", "Keeps burning in a gale.");
        var category = cut.FindComponent<MudBlazor.MudSelect<int>>();
        await cut.InvokeAsync(() => category.Instance.ValueChanged.InvokeAsync(lighting.Id));

        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Single(_saved));
        var saved = _saved[0];
        Assert.True(saved.Created);
        var stored = await ProductAsync(saved.Product.Id);
        Assert.Equal(("Brass Storm Lantern", "brass-storm-lantern", "LAN-2"), (stored.Name, stored.Slug, stored.Sku));
        Assert.Equal((4950L, 5900L, 12), (stored.PriceCents, stored.CompareAtPriceCents!.Value, stored.Stock));
        Assert.Equal(lighting.Id, stored.CategoryId);
        Assert.Equal(ProductStatus.Active, stored.Status);
        Assert.Equal("Keeps burning in a gale.", stored.Description);
    }

    [Fact]
    public async Task Pictures_chosen_for_a_new_product_are_uploaded_once_it_exists_and_refused_files_are_named()
    {
        var cut = await RenderEditorAsync();
        Choose(cut,
            InputFileContent.CreateFromBinary(Png(), "front.png", contentType: "image/png"),
            InputFileContent.CreateFromBinary("just text"u8.ToArray(), "notes.png", contentType: "image/png"),
            InputFileContent.CreateFromBinary(Jpeg(), "side.jpg", contentType: "image/jpeg"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".images__item").Count));
        Assert.Contains("notes.png: only JPEG, PNG and WebP pictures can be uploaded.", cut.Markup);
        Assert.Equal(["front.png", "side.jpg"], cut.FindAll(".images__file").Select(e => e.Trimmed()));
        await cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Make picture 2 primary").ClickAsync(new MouseEventArgs());
        await cut.FieldByLabel("Alt text", index: 1).TypeAsync("The lantern from the side");

        await TypeAsync(cut, "Name", "Pictured lantern");
        await TypeAsync(cut, "SKU", "LAN-3");
        await TypeAsync(cut, "Price (USD)", "30");
        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Single(_saved));
        Assert.Empty(_saved[0].ImageErrors);
        var stored = await ProductAsync(_saved[0].Product.Id);
        var images = stored.Images.OrderBy(i => i.SortOrder).ToList();
        Assert.Equal(2, images.Count);
        Assert.EndsWith(".png", images[0].Url);
        Assert.EndsWith(".jpg", images[1].Url);
        Assert.Equal([false, true], images.Select(i => i.IsPrimary));
        Assert.Equal("The lantern from the side", images[1].AltText);
        Assert.All(images, i => Assert.True(File.Exists(Path.Combine(DataPath, i.Url.TrimStart('/')))));
    }

    [Fact]
    public async Task An_edit_saves_only_the_changed_fields()
    {
        var product = await AddProductAsync("Harbor mug", 18m, sku: "MUG-1", stock: 4);
        var cut = await RenderEditorForAsync(product.Id);
        Assert.Equal("Harbor mug", cut.FieldByLabel("Name").GetAttribute("value"));

        await TypeAsync(cut, "Price (USD)", "16.5");
        await TypeAsync(cut, "Stock", "40");
        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Single(_saved));
        Assert.Equal(["price", "stock"], _saved[0].ChangedFields.Order());
        var stored = await ProductAsync(product.Id);
        Assert.Equal((1650L, 40, "Harbor mug", "MUG-1"), (stored.PriceCents, stored.Stock, stored.Name, stored.Sku));
        await using var db = Db();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "product.updated");
        Assert.Equal(AdminEmail, entry.UserEmail);
        Assert.Contains("\"price\"", entry.Changes);
        Assert.DoesNotContain("\"name\"", entry.Changes);
    }

    [Fact]
    public async Task Saving_over_a_product_someone_else_changed_shows_the_conflict_keeps_the_typed_values_and_reloads_on_request()
    {
        var product = await AddProductAsync("Harbor jug", 22m, sku: "JUG-1", stock: 6);
        var cut = await RenderEditorForAsync(product.Id);
        await TypeAsync(cut, "Price (USD)", "19.5");

        // Another admin renames the product while this editor is open.
        var other = await Service<ProductAdminService>().UpdateAsync(Actor, product.Id,
            new ProductInput { Name = "Harbor water jug" });
        Assert.True(other.Succeeded);
        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains("Someone else changed Harbor water jug while you were editing it", cut.Find(".editor__conflict").TextContent));
        Assert.Empty(_saved);
        Assert.Equal("19.5", cut.FieldByLabel("Price (USD)").GetAttribute("value")?.TrimEnd('0'));
        Assert.Equal("Harbor jug", cut.FieldByLabel("Name").GetAttribute("value"));
        var stored = await ProductAsync(product.Id);
        Assert.Equal((2200L, "Harbor water jug"), (stored.PriceCents, stored.Name));

        // Reload: their name comes in, the typed price stays, and saving now goes through over the new version.
        await cut.FindAll("button").Single(b => b.Trimmed() == "Reload the product").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Equal("Harbor water jug", cut.FieldByLabel("Name").GetAttribute("value")));
        Assert.Empty(cut.FindAll(".editor__conflict"));
        Assert.Contains("with your price kept", cut.Markup);
        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Single(_saved));
        Assert.Equal(["price"], _saved[0].ChangedFields);
        stored = await ProductAsync(product.Id);
        Assert.Equal((1950L, "Harbor water jug"), (stored.PriceCents, stored.Name));
    }

    [Fact]
    public async Task A_stock_change_over_sales_made_since_the_editor_loaded_is_refused_naming_the_current_stock()
    {
        var product = await AddProductAsync("Harbor tumbler", 9m, stock: 10);
        var cut = await RenderEditorForAsync(product.Id);
        await TypeAsync(cut, "Stock", "25");
        await using (var db = Db())
            await db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock - 3)); // an order

        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains("The stock of Harbor tumbler is 7 now, not 10", cut.Find(".editor__conflict").TextContent));
        Assert.Equal(7, (await ProductAsync(product.Id)).Stock);
        Assert.Equal("25", cut.FieldByLabel("Stock").GetAttribute("value"));
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task Clearing_the_stock_of_a_product_is_refused_instead_of_setting_it_to_zero()
    {
        var product = await AddProductAsync("Harbor bowl", 12m, stock: 9);
        var cut = await RenderEditorForAsync(product.Id);

        await TypeAsync(cut, "Stock", "");
        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal("Stock is required (0 when there is none).", cut.ErrorUnder("Stock")));
        Assert.Equal(9, (await ProductAsync(product.Id)).Stock);
        Assert.Empty(_saved);
    }

    /// <summary>
    /// The product as stored, read from inside a bunit wait (which runs on the renderer's dispatcher): on a thread-pool
    /// thread, since blocking the dispatcher on a query that really yields (PostgreSQL) would wait forever.
    /// </summary>
    private Product Stored(int id) => Task.Run(() => ProductAsync(id)).GetAwaiter().GetResult();

    [Fact]
    public async Task The_picture_list_of_a_saved_product_saves_primary_order_alt_text_and_removal_at_once()
    {
        var product = await AddProductAsync("Pictured kettle", 45m); // comes with one picture that ships with the app
        var admin = Service<ProductAdminService>();
        var second = await admin.AddImageAsync(Actor, product.Id, new MemoryStream(Png()), "Kettle, lid open");
        Assert.True(second.Succeeded);
        var cut = await RenderEditorForAsync(product.Id);

        var items = cut.FindAll(".images__item");
        Assert.Equal(2, items.Count);
        Assert.Contains("Primary", items[0].TextContent);
        Assert.DoesNotContain("Primary", items[1].TextContent.Replace("Make primary", ""));

        await cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Make picture 2 primary").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(Stored(product.Id).Images.Single(i => i.Id == second.Value.Id).IsPrimary));

        await cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Move picture 2 earlier").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Equal(second.Value.Id, Stored(product.Id).Images.OrderBy(i => i.SortOrder).First().Id));

        await cut.FieldByLabel("Alt text", index: 0).TypeAsync("Kettle on the stove");
        cut.WaitForAssertion(() => Assert.Equal("Kettle on the stove", Stored(product.Id).Images.Single(i => i.Id == second.Value.Id).AltText));

        var file = Path.Combine(DataPath, second.Value.Url.TrimStart('/'));
        Assert.True(File.Exists(file));
        await cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Remove picture 1").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".images__item")));
        var left = (await ProductAsync(product.Id)).Images.Single();
        Assert.True(left.IsPrimary); // the remaining picture took over
        Assert.False(File.Exists(file));
        Assert.Empty(_saved); // pictures save on their own, not through "Save changes"
    }

    [Fact]
    public async Task An_uploaded_file_that_is_not_a_picture_is_refused_for_a_saved_product()
    {
        var product = await AddProductAsync("Plain crate", 30m);
        var cut = await RenderEditorForAsync(product.Id);

        Choose(cut, InputFileContent.CreateFromBinary("<html>not a picture</html>"u8.ToArray(), "crate.webp", contentType: "image/webp"));

        cut.WaitForAssertion(() => Assert.Contains("crate.webp: Only JPEG, PNG and WebP pictures can be uploaded.", cut.Markup));
        Assert.Single((await ProductAsync(product.Id)).Images);
    }
}
