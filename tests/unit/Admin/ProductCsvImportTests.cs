using System.Globalization;
using System.Text;
using CsvHelper;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// ProductCsvService on a real SQLite database: import creates or updates products by SKU, row by row (a bad row is
/// reported with its line and changes nothing, the good rows around it apply); a bad header refuses the whole file;
/// export writes the filtered list, and exporting then importing changes nothing.
/// </summary>
public class ProductCsvImportTests
{
    private static async Task<Result<ImportReport>> TryImportAsync(AdminServices s, string csv)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await s.Csv.ImportAsync(s.Actor, input);
    }

    private static async Task<ImportReport> ImportAsync(AdminServices s, string csv)
    {
        var result = await TryImportAsync(s, csv);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    private static async Task<string> ExportAsync(AdminServices s, AdminProductQuery? query = null)
    {
        using var output = new MemoryStream();
        await s.Csv.ExportAsync(query ?? new AdminProductQuery(), output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>The exported rows, read back with a CSV reader (column → value).</summary>
    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        Assert.True(csv.Read());
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        Assert.Equal(ProductCsvService.Columns, header);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    private static Task<Product?> BySkuAsync(AdminServices s, string sku) =>
        s.WithDbAsync(db => db.Products.AsNoTracking().Include(p => p.Images).FirstOrDefaultAsync(p => p.Sku == sku));

    private static Task<int> ProductCountAsync(AdminServices s) => s.WithDbAsync(db => db.Products.CountAsync());

    [Fact]
    public async Task Good_rows_create_new_products_with_defaults_and_update_existing_ones_by_sku()
    {
        using var s = await AdminServices.CreateAsync();
        var existing = await s.AddProductAsync("Blue mug", 10m, stock: 3, sku: "MUG-1");

        var report = await ImportAsync(s, """
            sku,name,price,stock
            MUG-1,Blue mug large,12.50,7
            TEA-1,Teapot,30,2
            """);

        Assert.Equal((1, 1, 0), (report.Created, report.Updated, report.Failed));
        Assert.Equal([(2, "MUG-1", "updated"), (3, "TEA-1", "created")], report.Rows.Select(r => (r.Line, r.Sku, r.Outcome)));
        Assert.All(report.Rows, r => Assert.Empty(r.Messages));

        var updated = await s.ProductAsync(existing.Id);
        Assert.Equal("Blue mug large", updated.Name);
        Assert.Equal(1250, updated.PriceCents);
        Assert.Equal(7, updated.Stock);
        Assert.Equal("blue-mug", updated.Slug); // a rename keeps the product's address

        var created = (await BySkuAsync(s, "TEA-1"))!;
        Assert.Equal("Teapot", created.Name);
        Assert.Equal("teapot", created.Slug);
        Assert.Equal(3000, created.PriceCents);
        Assert.Equal(2, created.Stock);
        Assert.Equal(s.AdminId, created.OwnerId);

        var imported = Assert.Single(await s.AuditEntriesAsync("products.imported"));
        Assert.Equal("Imported products from CSV: 1 created, 1 updated, 0 rows with errors", imported.Summary);
        Assert.Single(await s.AuditEntriesAsync("product.created"));
        Assert.Single(await s.AuditEntriesAsync("product.updated"));
    }

    [Fact]
    public async Task A_new_product_gets_the_defaults_for_the_columns_the_file_leaves_out()
    {
        using var s = await AdminServices.CreateAsync();

        var report = await ImportAsync(s, "sku,name,price\nNEW-1,Linen napkin,4.5\n");

        Assert.Equal(1, report.Created);
        var created = (await BySkuAsync(s, "NEW-1"))!;
        Assert.Equal("Linen napkin", created.Name);
        Assert.Equal("linen-napkin", created.Slug);
        Assert.Equal(450, created.PriceCents);
        Assert.Null(created.CompareAtPriceCents);
        Assert.Equal(0, created.Stock);
        Assert.Null(created.CategoryId);
        Assert.Equal(ProductStatus.Active, created.Status);
        Assert.False(created.IsFeatured);
        Assert.Empty(created.Tags);
        Assert.Equal("", created.Description);
        Assert.Empty(created.Images);
    }

    [Fact]
    public async Task The_sku_matches_in_any_letter_case_and_keeps_its_stored_spelling()
    {
        // Products.Sku has a case-insensitive collation: "mug-1" is the same SKU as "MUG-1".
        using var s = await AdminServices.CreateAsync();
        var existing = await s.AddProductAsync("Blue mug", 10m, stock: 3, sku: "MUG-1");
        var count = await ProductCountAsync(s);

        var report = await ImportAsync(s, "sku,stock\nmug-1,11\n");

        Assert.Equal((0, 1, 0), (report.Created, report.Updated, report.Failed));
        Assert.Equal(count, await ProductCountAsync(s));
        var updated = await s.ProductAsync(existing.Id);
        Assert.Equal(11, updated.Stock);
        Assert.Equal("MUG-1", updated.Sku);
    }

    [Fact]
    public async Task Only_the_columns_in_the_file_change()
    {
        using var s = await AdminServices.CreateAsync();
        var kitchen = await s.AddCategoryAsync("Kitchen");
        var existing = await s.AddProductAsync("Blue mug", 10m, kitchen, stock: 3, sku: "MUG-1", tags: ["mug", "blue"], description: "A mug.");
        await s.WithDbAsync(db => db.Products.Where(p => p.Id == existing.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.CompareAtPriceCents, 1500).SetProperty(p => p.IsFeatured, true)));
        var before = await s.ProductAsync(existing.Id);

        Assert.Equal(1, (await ImportAsync(s, "sku,stock\nMUG-1,42\n")).Updated);
        var afterStock = await s.ProductAsync(existing.Id);
        Assert.Equal(42, afterStock.Stock);
        Assert.Equal((before.Name, before.Slug, before.PriceCents, before.CompareAtPriceCents, before.CategoryId, before.Status, before.IsFeatured, before.Description),
            (afterStock.Name, afterStock.Slug, afterStock.PriceCents, afterStock.CompareAtPriceCents, afterStock.CategoryId, afterStock.Status, afterStock.IsFeatured, afterStock.Description));
        Assert.Equal(before.Tags, afterStock.Tags);
        Assert.Equal(before.Images.Select(i => i.Url), afterStock.Images.Select(i => i.Url));

        // Columns in any order and letter case; an empty compareAtPrice clears it, an empty slug keeps it.
        Assert.Equal(1, (await ImportAsync(s, "Price,SKU,compareatprice,Slug\n11.25,MUG-1,,\n")).Updated);
        var afterPrice = await s.ProductAsync(existing.Id);
        Assert.Equal(1125, afterPrice.PriceCents);
        Assert.Null(afterPrice.CompareAtPriceCents);
        Assert.Equal("blue-mug", afterPrice.Slug);
        Assert.Equal(42, afterPrice.Stock);
        Assert.Equal(kitchen.Id, afterPrice.CategoryId);
        Assert.True(afterPrice.IsFeatured);

        var change = Assert.Single(await s.AuditEntriesAsync("product.updated"), e => e.Summary.Contains("price"));
        Assert.Contains("compareAtPrice", change.Changes);
        Assert.DoesNotContain("\"stock\"", change.Changes);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_and_the_good_rows_around_them_apply()
    {
        using var s = await AdminServices.CreateAsync();
        await s.AddCategoryAsync("Kitchen");
        await s.AddProductAsync("Taken", 1m, sku: "TAKEN-1");
        var count = await ProductCountAsync(s);

        var report = await ImportAsync(s, """
            sku,name,price,stock,category,slug
            GOOD-1,First good,10,1,,
            BAD-PRICE,Bad price,ten,1,,
            BAD-STOCK,Bad stock,10,-5,,
            BAD-CAT,Bad category,10,1,nowhere,
            ,No sku,10,1,,
            BAD-SLUG,Bad slug,10,1,,taken
            BAD-NAME,,10,1,,
            BAD-EMPTY-PRICE,Empty price,,1,,
            GOOD-2,Second good,12,2,kitchen,
            """);

        Assert.Equal((2, 0, 7), (report.Created, report.Updated, report.Failed));
        Assert.Equal(9, report.Rows.Count);
        var byLine = report.Rows.ToDictionary(r => r.Line);
        Assert.Equal("created", byLine[2].Outcome);
        Assert.Equal("created", byLine[10].Outcome);
        Assert.All(report.Rows.Where(r => r.Line is > 2 and < 10), r => Assert.True(r.Failed));
        Assert.Contains("price 'ten' is not a number", Assert.Single(byLine[3].Messages));
        Assert.Equal("BAD-PRICE", byLine[3].Sku);
        Assert.Equal("stock: Stock cannot be negative.", Assert.Single(byLine[4].Messages));
        Assert.Equal("There is no category with the slug 'nowhere'.", Assert.Single(byLine[5].Messages));
        Assert.Null(byLine[6].Sku);
        Assert.Equal("The sku is empty.", Assert.Single(byLine[6].Messages));
        Assert.StartsWith("slug: Another product already uses the slug 'taken'", Assert.Single(byLine[7].Messages));
        Assert.Equal("name: Name is required.", Assert.Single(byLine[8].Messages));
        Assert.Equal("price is empty.", Assert.Single(byLine[9].Messages));

        Assert.Equal(count + 2, await ProductCountAsync(s));
        Assert.NotNull(await BySkuAsync(s, "GOOD-1"));
        Assert.NotNull((await BySkuAsync(s, "GOOD-2"))!.CategoryId);
        foreach (var sku in new[] { "BAD-PRICE", "BAD-STOCK", "BAD-CAT", "BAD-SLUG", "BAD-NAME", "BAD-EMPTY-PRICE" })
            Assert.Null(await BySkuAsync(s, sku));
        Assert.Equal("Imported products from CSV: 2 created, 0 updated, 7 rows with errors",
            Assert.Single(await s.AuditEntriesAsync("products.imported")).Summary);
    }

    [Fact]
    public async Task A_bad_value_in_an_update_row_leaves_the_rest_of_that_row_unapplied()
    {
        using var s = await AdminServices.CreateAsync();
        var existing = await s.AddProductAsync("Blue mug", 10m, stock: 3, sku: "MUG-1");
        var other = await s.AddProductAsync("Red mug", 10m, stock: 3, sku: "MUG-2");

        var report = await ImportAsync(s, """
            sku,name,price,stock,featured
            MUG-1,Renamed mug,abc,50,true
            MUG-2,Renamed red mug,9.999,50,true
            MUG-1,Renamed again,11,4,maybe
            """);

        Assert.Equal((0, 0, 3), (report.Created, report.Updated, report.Failed));
        Assert.Equal("price: Price can have at most two decimals.", Assert.Single(report.Rows[1].Messages));
        Assert.Equal("featured 'maybe' must be true or false.", Assert.Single(report.Rows[2].Messages));
        foreach (var id in new[] { existing.Id, other.Id })
        {
            var unchanged = await s.ProductAsync(id);
            Assert.Equal((1000L, 3, false), (unchanged.PriceCents, unchanged.Stock, unchanged.IsFeatured));
            Assert.DoesNotContain("Renamed", unchanged.Name);
        }
        Assert.Empty(await s.AuditEntriesAsync("product.updated"));
    }

    [Theory]
    [InlineData("sku,stock\nNEW-9,5\n", "A new product needs name and price.")]
    [InlineData("sku,name\nNEW-9,Thing\n", "A new product needs price.")]
    [InlineData("sku,price\nNEW-9,5\n", "A new product needs name.")]
    public async Task A_new_sku_without_name_or_price_is_reported_and_not_created(string csv, string message)
    {
        using var s = await AdminServices.CreateAsync();

        var report = await ImportAsync(s, csv);

        var row = Assert.Single(report.Rows);
        Assert.Equal((2, "NEW-9", "error"), (row.Line, row.Sku, row.Outcome));
        Assert.Equal(message, Assert.Single(row.Messages));
        Assert.Null(await BySkuAsync(s, "NEW-9"));
        Assert.Empty(await s.AuditEntriesAsync("product.created"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("name,price\nTeapot,30\n", "include sku")]
    [InlineData("MUG-1,Blue mug,10\n", "include sku")]
    [InlineData("sku,name,colour,size\nMUG-1,Blue mug,blue,L\n", "Unknown column(s): colour, size.")]
    public async Task A_file_without_a_usable_header_is_a_validation_error_and_changes_nothing(string csv, string message)
    {
        using var s = await AdminServices.CreateAsync();
        var existing = await s.AddProductAsync("Blue mug", 10m, stock: 3, sku: "MUG-1");
        var count = await ProductCountAsync(s);

        var result = await TryImportAsync(s, csv);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.ValidationError, error.Code);
        Assert.Equal("file", error.Field);
        Assert.Contains(message, error.Message);
        Assert.Equal(count, await ProductCountAsync(s));
        Assert.Equal("Blue mug", (await s.ProductAsync(existing.Id)).Name);
        Assert.Empty(await s.AuditEntriesAsync("products.imported"));
    }

    [Fact]
    public async Task Exporting_and_importing_the_file_again_changes_nothing()
    {
        using var s = await AdminServices.CreateAsync();
        var home = await s.AddCategoryAsync("Home");
        var lamps = await s.AddCategoryAsync("Lamps", home);
        var a = await s.AddProductAsync("Desk lamp, \"Arc\" model", 49.90m, lamps, stock: 4, sku: "LAMP-ARC", tags: ["lamp", "desk light"],
            description: "Bright, warm and \"dimmable\".\nTwo lines.");
        var b = await s.AddProductAsync("Floor lamp", 120m, home, stock: 0, sku: "LAMP-FLOOR", status: ProductStatus.Archived);
        var c = await s.AddProductAsync("Bulb", 3.05m, stock: 100, sku: "BULB-1");
        await s.WithDbAsync(db => db.Products.Where(p => p.Id == c.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.CompareAtPriceCents, 399).SetProperty(p => p.IsFeatured, true)));
        var before = new[] { a.Id, b.Id, c.Id };
        var snapshots = new List<Product>();
        foreach (var id in before) snapshots.Add(await s.ProductAsync(id));
        s.Clock.Advance(TimeSpan.FromDays(1));

        var exported = await ExportAsync(s);
        var report = await ImportAsync(s, exported);

        Assert.Equal((0, 3, 0), (report.Created, report.Updated, report.Failed));
        Assert.Equal(3, await ProductCountAsync(s));
        foreach (var was in snapshots)
        {
            var now = await s.ProductAsync(was.Id);
            Assert.Equal((was.Sku, was.Name, was.Slug, was.CategoryId, was.PriceCents, was.CompareAtPriceCents, was.Stock, was.Status, was.IsFeatured, was.Description),
                (now.Sku, now.Name, now.Slug, now.CategoryId, now.PriceCents, now.CompareAtPriceCents, now.Stock, now.Status, now.IsFeatured, now.Description));
            Assert.Equal(was.Tags, now.Tags);
            Assert.Equal(was.UpdatedAt, now.UpdatedAt); // nothing was written at all
        }
        Assert.Empty(await s.AuditEntriesAsync("product.updated"));
    }

    [Fact]
    public async Task The_export_writes_every_column_quoting_commas_quotes_and_line_breaks()
    {
        using var s = await AdminServices.CreateAsync();
        var lamps = await s.AddCategoryAsync("Lamps");
        await s.AddProductAsync("Desk lamp, \"Arc\" model", 49.9m, lamps, stock: 4, sku: "LAMP-ARC", tags: ["lamp", "desk light"],
            description: "Bright, warm.\nTwo lines.");

        var text = await ExportAsync(s);

        Assert.StartsWith("sku,name,slug,category,price,compareAtPrice,stock,status,featured,tags,description\r\n", text);
        Assert.Contains("\"Desk lamp, \"\"Arc\"\" model\"", text);
        var row = Assert.Single(ReadCsv(text));
        Assert.Equal("LAMP-ARC", row["sku"]);
        Assert.Equal("Desk lamp, \"Arc\" model", row["name"]);
        Assert.Equal("desk-lamp-arc-model", row["slug"]);
        Assert.Equal("lamps", row["category"]);
        Assert.Equal("49.90", row["price"]);
        Assert.Equal("", row["compareAtPrice"]);
        Assert.Equal("4", row["stock"]);
        Assert.Equal("active", row["status"]);
        Assert.Equal("false", row["featured"]);
        Assert.Equal("lamp|desk light", row["tags"]);
        Assert.Equal("Bright, warm.\nTwo lines.", row["description"]);
    }

    [Fact]
    public async Task Values_a_spreadsheet_would_run_as_formulas_are_exported_as_text_and_imported_back_unchanged()
    {
        using var s = await AdminServices.CreateAsync();
        await s.AddProductAsync("=HYPERLINK(\"http://evil.example\")", 10m, sku: "FORMULA-1", description: "@SUM(A1:A9)");
        await s.AddProductAsync("-20% winter sale", 10m, sku: "+FORMULA-2", description: "Plain text");

        var text = await ExportAsync(s);
        var rows = ReadCsv(text).ToDictionary(r => r["sku"]);

        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", rows["FORMULA-1"]["name"]);
        Assert.Equal("'@SUM(A1:A9)", rows["FORMULA-1"]["description"]);
        Assert.Equal("'-20% winter sale", rows["'+FORMULA-2"]["name"]);
        Assert.Equal("Plain text", rows["'+FORMULA-2"]["description"]);

        var report = await ImportAsync(s, text);

        Assert.Equal((0, 2, 0), (report.Created, report.Updated, report.Failed));
        var first = await BySkuAsync(s, "FORMULA-1");
        Assert.Equal(("=HYPERLINK(\"http://evil.example\")", "@SUM(A1:A9)"), (first!.Name, first.Description));
        Assert.Equal("-20% winter sale", (await BySkuAsync(s, "+FORMULA-2"))!.Name);
        Assert.Equal(2, await ProductCountAsync(s));
    }

    [Fact]
    public async Task An_empty_stock_cell_is_reported_instead_of_read_as_zero()
    {
        using var s = await AdminServices.CreateAsync();
        await s.AddProductAsync("Stocked mug", 10m, stock: 7, sku: "MUG-7");

        var report = await ImportAsync(s, "sku,stock\nMUG-7,\n");

        Assert.Equal("stock is empty (write 0 when there is none).", Assert.Single(Assert.Single(report.Rows).Messages));
        Assert.Equal(7, (await BySkuAsync(s, "MUG-7"))!.Stock);
    }

    [Fact]
    public async Task The_export_writes_only_the_products_the_filter_matches()
    {
        using var s = await AdminServices.CreateAsync();
        var home = await s.AddCategoryAsync("Home");
        var lamps = await s.AddCategoryAsync("Lamps", home);
        var garden = await s.AddCategoryAsync("Garden");
        await s.AddProductAsync("Sofa", 500m, home, sku: "HOME-1");
        await s.AddProductAsync("Desk lamp", 50m, lamps, sku: "LAMP-1", status: ProductStatus.Archived);
        await s.AddProductAsync("Spade", 20m, garden, sku: "GARDEN-1", status: ProductStatus.Archived);
        await s.AddProductAsync("Gift card", 25m, sku: "GIFT-1");

        Assert.Equal(["HOME-1", "LAMP-1", "GARDEN-1", "GIFT-1"], ReadCsv(await ExportAsync(s)).Select(r => r["sku"]));
        Assert.Equal(["LAMP-1", "GARDEN-1"], ReadCsv(await ExportAsync(s, new AdminProductQuery { Status = ProductStatus.Archived })).Select(r => r["sku"]));
        Assert.Equal(["HOME-1", "LAMP-1"], ReadCsv(await ExportAsync(s, new AdminProductQuery { CategoryId = home.Id })).Select(r => r["sku"]));
        Assert.Equal(["LAMP-1"], ReadCsv(await ExportAsync(s, new AdminProductQuery { CategoryId = home.Id, Status = ProductStatus.Archived })).Select(r => r["sku"]));
        Assert.Equal(["GARDEN-1"], ReadCsv(await ExportAsync(s, new AdminProductQuery { Search = "spade" })).Select(r => r["sku"]));
        // The export is not paged: a page size of one still exports every match.
        Assert.Equal(4, ReadCsv(await ExportAsync(s, new AdminProductQuery { PageSize = 1, PageNumber = 3 })).Count);
        // An empty match is a header only.
        Assert.Empty(ReadCsv(await ExportAsync(s, new AdminProductQuery { Search = "nothing-like-this" })));
    }

    [Fact]
    public async Task Quoted_values_with_commas_quotes_and_line_breaks_are_imported_intact_and_tags_split_on_bars()
    {
        using var s = await AdminServices.CreateAsync();

        var report = await ImportAsync(s, "sku,name,price,tags,description\n"
            + "QUOTE-1,\"Mug, \"\"large\"\"\",12,\"Kitchen| Gift |kitchen||\",\"Holds 500 ml, \"\"really\"\".\nDishwasher safe.\"\n"
            + "QUOTE-2,Plain,5,,\n");

        Assert.Equal(2, report.Created);
        var quoted = (await BySkuAsync(s, "QUOTE-1"))!;
        Assert.Equal("Mug, \"large\"", quoted.Name);
        Assert.Equal("mug-large", quoted.Slug);
        Assert.Equal(["kitchen", "gift"], quoted.Tags);
        Assert.Equal("Holds 500 ml, \"really\".\nDishwasher safe.", quoted.Description);
        Assert.Empty((await BySkuAsync(s, "QUOTE-2"))!.Tags);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task A_row_is_reported_at_its_first_line_counting_line_breaks_in_values_and_blank_lines(string newLine)
    {
        using var s = await AdminServices.CreateAsync();
        var csv = string.Join(newLine,
            "sku,name,price,description",
            "ML-1,Multi,xyz,\"first line", "second line", "third line\"", // lines 2-4
            "ML-2,Broken,abc,",                                           // line 5
            "",                                                           // line 6, blank
            "ML-3,Fine,5,",                                               // line 7
            "ML-4,Also multi,1.234,\"one", "two\"",                       // lines 8-9
            "ML-5,Last,-1,") + newLine;                                   // line 10

        var report = await ImportAsync(s, csv);

        Assert.Equal([(2, "ML-1"), (5, "ML-2"), (7, "ML-3"), (8, "ML-4"), (10, "ML-5")], report.Rows.Select(r => (r.Line, r.Sku!)));
        Assert.Equal([true, true, false, true, true], report.Rows.Select(r => r.Failed));
    }

    [Fact]
    public async Task A_spreadsheet_file_with_a_byte_order_mark_crlf_and_an_empty_last_column_imports()
    {
        using var s = await AdminServices.CreateAsync();
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("SKU,Name,Price,\r\nBOM-1,Crème brûlée dish,7.25,\r\n")).ToArray();

        using var input = new MemoryStream(bytes);
        var result = await s.Csv.ImportAsync(s.Actor, input);

        Assert.True(result.Succeeded);
        var report = result.Value;
        Assert.Equal([(2, "created")], report.Rows.Select(r => (r.Line, r.Outcome)));
        var created = (await BySkuAsync(s, "BOM-1"))!;
        Assert.Equal(("Crème brûlée dish", "creme-brulee-dish", 725L), (created.Name, created.Slug, created.PriceCents));
    }

    [Fact]
    public async Task The_same_new_sku_twice_in_a_file_creates_it_once_and_then_updates_it()
    {
        using var s = await AdminServices.CreateAsync();

        var report = await ImportAsync(s, "sku,name,price,stock\nTWICE-1,First,5,1\ntwice-1,Second,6,2\n");

        Assert.Equal((1, 1, 0), (report.Created, report.Updated, report.Failed));
        var product = (await BySkuAsync(s, "TWICE-1"))!;
        Assert.Equal(("Second", 600L, 2, "first"), (product.Name, product.PriceCents, product.Stock, product.Slug));
        Assert.Equal(1, await ProductCountAsync(s));
    }

    [Fact]
    public async Task Tags_in_an_update_replace_the_old_ones_and_an_empty_tags_cell_clears_them()
    {
        using var s = await AdminServices.CreateAsync();
        var existing = await s.AddProductAsync("Blue mug", 10m, sku: "MUG-1", tags: ["mug"]);

        await ImportAsync(s, "sku,tags\nMUG-1,Blue|Ceramic\n");
        Assert.Equal(["blue", "ceramic"], (await s.ProductAsync(existing.Id)).Tags);

        await ImportAsync(s, "sku,tags\nMUG-1,\n");
        Assert.Empty((await s.ProductAsync(existing.Id)).Tags);
    }

    [Fact]
    public async Task Status_featured_and_category_columns_are_applied_by_name()
    {
        using var s = await AdminServices.CreateAsync();
        var kitchen = await s.AddCategoryAsync("Kitchen");
        var existing = await s.AddProductAsync("Blue mug", 10m, sku: "MUG-1");

        var report = await ImportAsync(s, "sku,status,featured,category\nMUG-1,Archived,1,KITCHEN\nMUG-2,gone,true,\n");

        Assert.Equal("updated", report.Rows[0].Outcome);
        var updated = await s.ProductAsync(existing.Id);
        Assert.Equal(ProductStatus.Archived, updated.Status);
        Assert.True(updated.IsFeatured);
        Assert.Equal(kitchen.Id, updated.CategoryId);
        // An unknown SKU without name and price is not created, whatever else the row says.
        Assert.Equal("A new product needs name and price.", Assert.Single(report.Rows[1].Messages));

        // A bad status: the service's validation message, prefixed with the field.
        report = await ImportAsync(s, "sku,status\nMUG-1,gone\n");
        Assert.Equal("status: Status must be active or archived.", Assert.Single(Assert.Single(report.Rows).Messages));
        Assert.Equal(ProductStatus.Archived, (await s.ProductAsync(existing.Id)).Status);
    }
}
