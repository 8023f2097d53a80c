using System.Globalization;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Ecommerce.Tests.Unit.Infrastructure.ResultAssert;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// ProductAdminService on a real SQLite database and a data folder of its own: create and update with validation,
/// slugs, delete versus archive, uploaded pictures (content sniffing, size limit, primary, order, files on disk) and
/// the back-office grid's filters, sort and paging.
/// </summary>
public class ProductAdminServiceTests
{
    // Real pictures: uploads are decoded and encoded again, so they must be readable.
    private static readonly byte[] Png = TestPictures.Png(3, 2);
    private static readonly byte[] WebP = TestPictures.WebP(4, 2);
    private static readonly byte[] Jpeg = TestPictures.Jpeg(5, 2);

    private static ProductInput Input(string name = "Ceramic mug", string sku = "MUG-1", decimal price = 12m) => new()
    {
        Name = name, Sku = sku, Price = price, Stock = 5, Description = "A mug.",
    };

    private static async Task<ProductEdit> CreateAsync(AdminServices s, ProductInput input) => Ok(await s.Products.CreateAsync(s.Actor, input));

    private static async Task<AdminImage> UploadAsync(AdminServices s, int productId, byte[] content, string? alt = null)
    {
        using var stream = new MemoryStream(content);
        return Ok(await s.Products.AddImageAsync(s.Actor, productId, stream, alt));
    }

    private static string FileOf(AdminServices s, string url)
    {
        Assert.StartsWith(ProductImageStore.UrlPrefix, url);
        return Path.Combine([s.DataPath, "media", .. url["/media/".Length..].Split('/')]);
    }

    /// <summary>The uploaded picture files of a product in the data folder.</summary>
    private static IEnumerable<string> FilesOf(AdminServices s, int productId)
    {
        var folder = Path.Combine(s.DataPath, "media", "products", productId.ToString(CultureInfo.InvariantCulture));
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).ToList() : [];
    }

    private static Task<int> ProductCountAsync(AdminServices s) => s.WithDbAsync(db => db.Products.CountAsync());

    // --- create and update ---

    [Fact]
    public async Task Create_saves_the_trimmed_input_makes_a_slug_from_the_name_and_audits_it()
    {
        using var s = await AdminServices.CreateAsync();
        var kitchen = await s.AddCategoryAsync("Kitchen");

        var created = await CreateAsync(s, new ProductInput
        {
            Name = "  Café Crème Mug  ", Sku = " MUG-CC ", Price = 14.5m, CompareAtPrice = 18m, Stock = 9, CategoryId = kitchen.Id,
            Tags = new List<string> { " Mug", "mug", "KITCHEN", " " }, Attributes = new List<NameValue> { new(" Color ", " White ") }, IsFeatured = true,
            Description = "  Holds 300 ml.  ", LongDescription = "   ",
        });

        Assert.Equal("Café Crème Mug", created.Name);
        Assert.Equal("MUG-CC", created.Sku);
        Assert.Equal("cafe-creme-mug", created.Slug);
        Assert.Equal((14.50m, 18.00m, 9), (created.Price, created.CompareAtPrice, created.Stock));
        Assert.Equal(["mug", "kitchen"], created.Tags);
        Assert.Equal(new NameValue("Color", "White"), Assert.Single(created.Attributes));
        Assert.Equal("Holds 300 ml.", created.Description);
        Assert.Null(created.LongDescription);
        Assert.Equal(ProductStatus.Active, created.Status);
        Assert.False(created.InOrders);
        Assert.Empty(created.Images);

        var stored = await s.ProductAsync(created.Id);
        Assert.Equal((1450L, 1800L, kitchen.Id, s.AdminId), (stored.PriceCents, stored.CompareAtPriceCents!.Value, stored.CategoryId!.Value, stored.OwnerId));
        Assert.True(stored.IsFeatured);
        var entry = Assert.Single(await s.AuditEntriesAsync("product.created"));
        Assert.Equal(created.Id.ToString(CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal("Created product Café Crème Mug (MUG-CC)", entry.Summary);
        Assert.Contains("\"price\":14.5", entry.Changes);
    }

    [Fact]
    public async Task Create_lists_every_failing_field_at_once_and_saves_nothing()
    {
        using var s = await AdminServices.CreateAsync();
        var count = await ProductCountAsync(s);

        var result = await s.Products.CreateAsync(s.Actor, new ProductInput
        {
            Name = " ", Sku = "HAS SPACE", Slug = "Not A Slug", Price = -1m, CompareAtPrice = 1.234m, Stock = -1, CategoryId = 987654,
            Description = new string('d', 1001), Tags = Enumerable.Range(1, 21).Select(i => $"tag{i}").ToList(),
            Attributes = new List<NameValue> { new("Color", "") }, Status = "deleted",
            Images = new List<ProductImageInput> { new("javascript:alert(1)", null, false) },
        });

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["attributes", "categoryId", "compareAtPrice", "description", "images", "name", "price", "sku", "slug", "status", "stock", "tags"],
            result.Errors.Select(e => e.Field!).Order(StringComparer.Ordinal));
        Assert.Equal(ErrorCodes.RequiredField, result.Errors.Single(e => e.Field == "name").Code);
        Assert.All(result.Errors.Where(e => e.Field != "name"), e => Assert.Equal(ErrorCodes.ValidationError, e.Code));
        Assert.Equal(count, await ProductCountAsync(s));
        Assert.Empty(await s.AuditEntriesAsync("product.created"));
    }

    [Fact]
    public async Task A_missing_or_blank_sku_and_a_missing_price_are_required_fields()
    {
        using var s = await AdminServices.CreateAsync();

        foreach (var (input, field) in new[] { (Input() with { Sku = null }, "sku"), (Input() with { Sku = "  " }, "sku"), (Input() with { Price = null }, "price") })
        {
            var error = Assert.Single((await s.Products.CreateAsync(s.Actor, input)).Errors);
            Assert.Equal((ErrorCodes.RequiredField, field), (error.Code, error.Field));
        }
        Assert.Equal(0, await ProductCountAsync(s));
    }

    [Fact]
    public async Task A_duplicate_sku_in_another_case_and_a_duplicate_slug_are_both_already_exists()
    {
        using var s = await AdminServices.CreateAsync();
        await CreateAsync(s, Input("Ceramic mug", "MUG-1") with { Slug = "ceramic-mug" });

        var result = await s.Products.CreateAsync(s.Actor, Input("Other mug", "mug-1") with { Slug = "ceramic-mug" });

        Assert.Equal([("slug", ErrorCodes.AlreadyExists), ("sku", ErrorCodes.AlreadyExists)],
            result.Errors.Select(e => (e.Field!, e.Code)).OrderByDescending(e => e.Item1));
        Assert.Equal(1, await ProductCountAsync(s));
    }

    [Fact]
    public async Task A_generated_slug_gets_a_number_when_taken_and_a_given_slug_is_kept()
    {
        using var s = await AdminServices.CreateAsync();

        var first = await CreateAsync(s, Input("Ceramic Mug", "MUG-1"));
        var second = await CreateAsync(s, Input("Ceramic mug!", "MUG-2"));
        var third = await CreateAsync(s, Input("ceramic  mug", "MUG-3"));
        var given = await CreateAsync(s, Input("Ceramic mug", "MUG-4") with { Slug = "the-good-mug" });

        Assert.Equal(["ceramic-mug", "ceramic-mug-2", "ceramic-mug-3", "the-good-mug"], new[] { first, second, third, given }.Select(p => p.Slug));
        Assert.Equal("ceramic-mug-4", await s.Products.SuggestSlugAsync("Ceramic mug"));
        Assert.Equal("ceramic-mug-2", await s.Products.SuggestSlugAsync("Ceramic mug", exceptId: second.Id));
    }

    [Fact]
    public async Task A_partial_update_changes_only_the_present_fields_and_audits_what_changed()
    {
        using var s = await AdminServices.CreateAsync();
        var kitchen = await s.AddCategoryAsync("Kitchen");
        var created = await CreateAsync(s, Input() with { CompareAtPrice = 15m, CategoryId = kitchen.Id, Tags = new List<string> { "mug" }, IsFeatured = true });
        s.Clock.Advance(TimeSpan.FromHours(2));

        // Name is null in the input but not present, so it is neither validated nor cleared.
        var updated = Ok(await s.Products.UpdateAsync(s.Actor, created.Id, new ProductInput
        {
            Price = 10m, Stock = 1,
        }));

        Assert.Equal((10m, 1), (updated.Price, updated.Stock));
        Assert.Equal((created.Name, created.Slug, created.Sku, created.Description), (updated.Name, updated.Slug, updated.Sku, updated.Description));
        Assert.Equal((15m, (int?)kitchen.Id, true), (updated.CompareAtPrice, updated.CategoryId, updated.IsFeatured));
        Assert.Equal(["mug"], updated.Tags);
        Assert.Equal(s.Clock.GetUtcNow().UtcDateTime, (await s.ProductAsync(created.Id)).UpdatedAt);

        var entry = Assert.Single(await s.AuditEntriesAsync("product.updated"));
        Assert.Equal("Changed price, stock of Ceramic mug", entry.Summary);
        Assert.Contains("\"price\":{\"from\":12.00,\"to\":10.00}", entry.Changes);
        Assert.Contains("\"stock\":{\"from\":5,\"to\":1}", entry.Changes);
        Assert.DoesNotContain("name", entry.Changes);

        // The same values again: nothing changes, nothing is recorded.
        Ok(await s.Products.UpdateAsync(s.Actor, created.Id, new ProductInput { Price = 10m }));
        Assert.Single(await s.AuditEntriesAsync("product.updated"));
    }

    [Fact]
    public async Task A_partial_update_with_null_compare_at_price_and_category_clears_them()
    {
        using var s = await AdminServices.CreateAsync();
        var kitchen = await s.AddCategoryAsync("Kitchen");
        var created = await CreateAsync(s, Input() with { CompareAtPrice = 15m, CategoryId = kitchen.Id });

        var updated = Ok(await s.Products.UpdateAsync(s.Actor, created.Id,
            new ProductInput { CompareAtPrice = null, CategoryId = null }));

        Assert.Null(updated.CompareAtPrice);
        Assert.Null(updated.CategoryId);
        var stored = await s.ProductAsync(created.Id);
        Assert.Null(stored.CompareAtPriceCents);
        Assert.Null(stored.CategoryId);
        Assert.Equal(1200, stored.PriceCents);
    }

    [Fact]
    public async Task An_update_validates_the_present_fields_and_changes_nothing_when_one_fails()
    {
        using var s = await AdminServices.CreateAsync();
        var other = await CreateAsync(s, Input("Other mug", "MUG-OTHER"));
        var created = await CreateAsync(s, Input());

        var result = await s.Products.UpdateAsync(s.Actor, created.Id, new ProductInput
        {
            Sku = "mug-other", Slug = other.Slug, Stock = 3, Name = null,
        });

        Assert.Equal(["name", "sku", "slug"], result.Errors.Select(e => e.Field!).Order(StringComparer.Ordinal));
        Assert.Equal(ErrorCodes.AlreadyExists, result.Errors.Single(e => e.Field == "sku").Code);
        Assert.Equal(ErrorCodes.AlreadyExists, result.Errors.Single(e => e.Field == "slug").Code);
        var stored = await s.ProductAsync(created.Id);
        Assert.Equal(("MUG-1", "ceramic-mug", 5, "Ceramic mug"), (stored.Sku, stored.Slug, stored.Stock, stored.Name));
        Assert.Empty(await s.AuditEntriesAsync("product.updated"));

        // Its own SKU in another letter case is not a duplicate.
        Assert.Equal("mug-1", Ok(await s.Products.UpdateAsync(s.Actor, created.Id, new ProductInput { Sku = "mug-1" })).Sku);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single((await s.Products.UpdateAsync(s.Actor, 987654, Input())).Errors).Code);
    }

    // --- delete or archive ---

    [Fact]
    public async Task Delete_of_a_product_in_an_order_archives_it_and_keeps_its_pictures()
    {
        using var s = await AdminServices.CreateAsync();
        var customer = await s.AddUserAsync();
        var product = await CreateAsync(s, Input());
        var picture = await UploadAsync(s, product.Id, Png);
        await s.PlaceOrderAsync(customer.Id, [(product.Id, 1)], paid: false);

        var result = await s.Products.DeleteAsync(s.Actor, product.Id);

        Assert.Equal(ProductRemoval.Archived, Ok(result));
        var kept = await s.ProductAsync(product.Id);
        Assert.Equal(ProductStatus.Archived, kept.Status);
        Assert.Single(kept.Images);
        Assert.True(File.Exists(FileOf(s, picture.Url)));
        Assert.True((await s.Products.GetAsync(product.Id))!.InOrders);
        var entry = Assert.Single(await s.AuditEntriesAsync("product.archived"));
        Assert.Contains("it appears in orders", entry.Summary);
        Assert.Empty(await s.AuditEntriesAsync("product.deleted"));
    }

    [Fact]
    public async Task Delete_of_a_product_in_no_order_removes_it_with_its_uploaded_picture_files()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await CreateAsync(s, Input());
        var neighbour = await CreateAsync(s, Input("Neighbour", "MUG-2"));
        var pictures = new[] { await UploadAsync(s, product.Id, Png), await UploadAsync(s, product.Id, Jpeg) };
        var neighbourPicture = await UploadAsync(s, neighbour.Id, Png);
        Assert.All(pictures, p => Assert.True(File.Exists(FileOf(s, p.Url))));

        Assert.Equal(ProductRemoval.Deleted, Ok(await s.Products.DeleteAsync(s.Actor, product.Id)));

        Assert.Null(await s.Products.GetAsync(product.Id));
        Assert.False(await s.WithDbAsync(db => db.ProductImages.AnyAsync(i => i.ProductId == product.Id)));
        Assert.All(pictures, p => Assert.False(File.Exists(FileOf(s, p.Url))));
        Assert.False(Directory.Exists(Path.Combine(s.DataPath, "media", "products", product.Id.ToString(CultureInfo.InvariantCulture))));
        Assert.True(File.Exists(FileOf(s, neighbourPicture.Url)));
        Assert.Equal("Deleted product Ceramic mug (MUG-1)", Assert.Single(await s.AuditEntriesAsync("product.deleted")).Summary);

        Assert.Equal(ErrorCodes.NotFound, Assert.Single((await s.Products.DeleteAsync(s.Actor, product.Id)).Errors).Code);
    }

    [Fact]
    public async Task Deleting_an_archived_product_that_is_in_orders_again_changes_and_records_nothing()
    {
        using var s = await AdminServices.CreateAsync();
        var customer = await s.AddUserAsync();
        var product = await CreateAsync(s, Input());
        await s.PlaceOrderAsync(customer.Id, [(product.Id, 1)], paid: false);
        Assert.Equal(ProductRemoval.Archived, Ok(await s.Products.DeleteAsync(s.Actor, product.Id)));

        Assert.Equal(ProductRemoval.Archived, Ok(await s.Products.DeleteAsync(s.Actor, product.Id)));

        Assert.Single(await s.AuditEntriesAsync("product.archived"));
        Assert.Equal(ProductStatus.Archived, (await s.ProductAsync(product.Id)).Status);
    }

    [Fact]
    public async Task A_tag_with_a_bar_is_refused_because_it_separates_tags_in_csv()
    {
        using var s = await AdminServices.CreateAsync();

        var result = await s.Products.CreateAsync(s.Actor, Input() with { Tags = new List<string> { "kitchen", "red|blue" } });

        var error = Assert.Single(result.Errors);
        Assert.Equal(("tags", "A tag cannot contain | (it separates tags in CSV files)."), (error.Field, error.Message));
        Assert.Equal(0, await ProductCountAsync(s));
    }

    [Fact]
    public async Task Replacing_the_pictures_by_url_deletes_the_files_of_uploaded_pictures_left_out()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await CreateAsync(s, Input());
        var kept = await UploadAsync(s, product.Id, Png);
        var dropped = await UploadAsync(s, product.Id, Jpeg);

        Ok(await s.Products.UpdateAsync(s.Actor, product.Id, new ProductInput
        {
            Images = new List<ProductImageInput> { new(kept.Url, "Kept", true), new("https://cdn.example.com/mug.jpg", "Elsewhere", false) },
        }));

        Assert.Equal([kept.Url, "https://cdn.example.com/mug.jpg"], (await s.ProductAsync(product.Id)).Images.OrderBy(i => i.SortOrder).Select(i => i.Url));
        Assert.True(File.Exists(FileOf(s, kept.Url)));
        Assert.False(File.Exists(FileOf(s, dropped.Url)));
    }

    // --- pictures ---

    [Fact]
    public async Task Uploaded_pictures_are_recognised_by_content_stored_under_the_data_folder_and_the_first_is_primary()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await CreateAsync(s, Input());

        var png = await UploadAsync(s, product.Id, Png, alt: "  Front view ");
        var jpeg = await UploadAsync(s, product.Id, Jpeg);
        var webp = await UploadAsync(s, product.Id, WebP);

        Assert.Matches($"^/media/products/{product.Id}/[0-9a-f]{{32}}\\.png$", png.Url);
        Assert.EndsWith(".jpg", jpeg.Url);
        Assert.EndsWith(".webp", webp.Url);
        Assert.Equal([true, false, false], new[] { png, jpeg, webp }.Select(i => i.IsPrimary));
        Assert.Equal([0, 1, 2], new[] { png, jpeg, webp }.Select(i => i.SortOrder));
        Assert.Equal("Front view", png.Alt);
        Assert.Equal("Ceramic mug", jpeg.Alt); // no alt text: the product's name
        // Stored re-encoded, in the same format and size.
        Assert.Equal((SkiaSharp.SKEncodedImageFormat.Png, 3, 2), TestPictures.Describe(await File.ReadAllBytesAsync(FileOf(s, png.Url))));
        Assert.Equal((SkiaSharp.SKEncodedImageFormat.Jpeg, 5, 2), TestPictures.Describe(await File.ReadAllBytesAsync(FileOf(s, jpeg.Url))));
        Assert.Equal((SkiaSharp.SKEncodedImageFormat.Webp, 4, 2), TestPictures.Describe(await File.ReadAllBytesAsync(FileOf(s, webp.Url))));

        var edit = (await s.Products.GetAsync(product.Id))!;
        Assert.Equal([png.Url, jpeg.Url, webp.Url], edit.Images.Select(i => i.Url));
        Assert.Equal(3, (await s.AuditEntriesAsync("product.image-added")).Count);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("gif")]
    [InlineData("riff-not-webp")]
    [InlineData("empty")]
    public async Task A_file_that_is_not_a_jpeg_png_or_webp_is_refused_whatever_its_name(string kind)
    {
        using var s = await AdminServices.CreateAsync();
        var product = await CreateAsync(s, Input());
        var content = kind switch
        {
            "text" => "This is not a picture, only a file renamed to mug.png"u8.ToArray(),
            "gif" => "GIF89a\x01\x00\x01\x00"u8.ToArray(),
            "riff-not-webp" => "RIFF\x1a\x00\x00\x00WAVEfmt "u8.ToArray(),
            _ => [],
        };

        using var stream = new MemoryStream(content);
        var result = await s.Products.AddImageAsync(s.Actor, product.Id, stream, "mug.png");

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorCodes.ValidationError, "image"), (error.Code, error.Field));
        Assert.Contains(kind == "empty" ? "empty" : "Only JPEG, PNG and WebP", error.Message);
        Assert.Empty((await s.ProductAsync(product.Id)).Images);
        Assert.Empty(FilesOf(s, product.Id));
        Assert.Empty(await s.AuditEntriesAsync("product.image-added"));
    }

    [Fact]
    public async Task A_picture_above_the_configured_size_limit_is_refused_and_one_at_the_limit_is_accepted()
    {
        using var s = await AdminServices.CreateAsync(new Dictionary<string, string?> { ["Media:MaxImageBytes"] = "2048" });
        var product = await CreateAsync(s, Input());
        var atLimit = Png.Concat(new byte[2048 - Png.Length]).ToArray();
        var overLimit = Png.Concat(new byte[2049 - Png.Length]).ToArray();

        using var big = new MemoryStream(overLimit);
        var refused = await s.Products.AddImageAsync(s.Actor, product.Id, big, null);

        var error = Assert.Single(refused.Errors);
        Assert.Equal((ErrorCodes.ValidationError, "image"), (error.Code, error.Field));
        Assert.Equal("The picture is larger than 2 KB.", error.Message);
        Assert.Empty((await s.ProductAsync(product.Id)).Images);

        var accepted = await UploadAsync(s, product.Id, atLimit);
        Assert.True(File.Exists(FileOf(s, accepted.Url)));
        // The message names the limit in a unit that fits it.
        Assert.Equal(["5 MB", "1.5 MB", "512 KB", "900 bytes"],
            new long[] { 5 * 1024 * 1024, 1536 * 1024, 512 * 1024, 900 }.Select(ProductImageStore.FormatSize));
    }

    [Fact]
    public async Task Pictures_can_be_reordered_given_alt_texts_and_a_new_primary_in_one_step()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await CreateAsync(s, Input());
        var png = await UploadAsync(s, product.Id, Png);
        var jpeg = await UploadAsync(s, product.Id, Jpeg);
        var webp = await UploadAsync(s, product.Id, WebP);

        var images = Ok(await s.Products.UpdateImagesAsync(s.Actor, product.Id, [(webp.Id, " Side "), (png.Id, "Front"), (jpeg.Id, null)], jpeg.Id));

        Assert.Equal([webp.Id, png.Id, jpeg.Id], images.Select(i => i.Id));
        Assert.Equal([0, 1, 2], images.Select(i => i.SortOrder));
        Assert.Equal(["Side", "Front", ""], images.Select(i => i.Alt));
        Assert.Equal([false, false, true], images.Select(i => i.IsPrimary));
        var stored = (await s.ProductAsync(product.Id)).Images.OrderBy(i => i.SortOrder).ToList();
        Assert.Equal([webp.Id, png.Id, jpeg.Id], stored.Select(i => i.Id));
        Assert.Equal(jpeg.Id, Assert.Single(stored, i => i.IsPrimary).Id);
        Assert.Single(await s.AuditEntriesAsync("product.images-updated"));
        // The grid shows the primary picture.
        Assert.Equal(jpeg.Url, Assert.Single(((await s.Products.ListAsync(new AdminProductQuery())).Value).Items).ImageUrl);
    }

    [Fact]
    public async Task Rearranging_pictures_with_a_stale_or_wrong_list_is_refused_and_changes_nothing()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await CreateAsync(s, Input());
        var png = await UploadAsync(s, product.Id, Png);
        var jpeg = await UploadAsync(s, product.Id, Jpeg);
        var other = await CreateAsync(s, Input("Other", "MUG-2"));
        var foreign = await UploadAsync(s, other.Id, WebP);

        var missing = await s.Products.UpdateImagesAsync(s.Actor, product.Id, [(jpeg.Id, null)], jpeg.Id);
        var stranger = await s.Products.UpdateImagesAsync(s.Actor, product.Id, [(jpeg.Id, null), (foreign.Id, null)], jpeg.Id);
        var twice = await s.Products.UpdateImagesAsync(s.Actor, product.Id, [(png.Id, null), (png.Id, null)], jpeg.Id);
        var badPrimary = await s.Products.UpdateImagesAsync(s.Actor, product.Id, [(jpeg.Id, null), (png.Id, null)], foreign.Id);
        var longAlt = await s.Products.UpdateImagesAsync(s.Actor, product.Id, [(jpeg.Id, null), (png.Id, new string('a', 301))], jpeg.Id);

        Assert.Equal(ErrorCodes.Conflict, Assert.Single(missing.Errors).Code);
        Assert.Equal(ErrorCodes.Conflict, Assert.Single(stranger.Errors).Code);
        Assert.Equal(ErrorCodes.Conflict, Assert.Single(twice.Errors).Code);
        Assert.Equal((ErrorCodes.ValidationError, "primary"), (Assert.Single(badPrimary.Errors).Code, badPrimary.Errors[0].Field));
        Assert.Equal((ErrorCodes.ValidationError, "alt"), (Assert.Single(longAlt.Errors).Code, longAlt.Errors[0].Field));

        var stored = (await s.ProductAsync(product.Id)).Images.OrderBy(i => i.SortOrder).ToList();
        Assert.Equal([(png.Id, 0, true), (jpeg.Id, 1, false)], stored.Select(i => (i.Id, i.SortOrder, i.IsPrimary)));
        Assert.Equal(["Ceramic mug", "Ceramic mug"], stored.Select(i => i.AltText));
        Assert.Empty(await s.AuditEntriesAsync("product.images-updated"));
    }

    [Fact]
    public async Task Removing_the_primary_picture_promotes_the_next_one_and_deletes_the_file()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await CreateAsync(s, Input());
        var png = await UploadAsync(s, product.Id, Png);
        var jpeg = await UploadAsync(s, product.Id, Jpeg);
        var webp = await UploadAsync(s, product.Id, WebP);
        Ok(await s.Products.UpdateImagesAsync(s.Actor, product.Id, [(png.Id, null), (webp.Id, null), (jpeg.Id, null)], png.Id));

        Ok(await s.Products.RemoveImageAsync(s.Actor, product.Id, png.Id));

        Assert.False(File.Exists(FileOf(s, png.Url)));
        Assert.True(File.Exists(FileOf(s, webp.Url)));
        var stored = (await s.ProductAsync(product.Id)).Images;
        Assert.Equal([webp.Id, jpeg.Id], stored.OrderBy(i => i.SortOrder).Select(i => i.Id));
        Assert.Equal(webp.Id, Assert.Single(stored, i => i.IsPrimary).Id); // next in order, not next uploaded
        var entry = Assert.Single(await s.AuditEntriesAsync("product.image-removed"));
        Assert.Contains(png.Url, entry.Changes);

        // Removing a picture that is not primary leaves the primary one alone.
        Ok(await s.Products.RemoveImageAsync(s.Actor, product.Id, jpeg.Id));
        Assert.False(File.Exists(FileOf(s, jpeg.Url)));
        Assert.Equal(webp.Id, Assert.Single((await s.ProductAsync(product.Id)).Images, i => i.IsPrimary).Id);

        Assert.Equal(ErrorCodes.NotFound, Assert.Single((await s.Products.RemoveImageAsync(s.Actor, product.Id, png.Id)).Errors).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single((await s.Products.RemoveImageAsync(s.Actor, 987654, webp.Id)).Errors).Code);
    }

    [Fact]
    public async Task A_picture_of_another_product_cannot_be_removed_through_this_one()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await CreateAsync(s, Input());
        var other = await CreateAsync(s, Input("Other", "MUG-2"));
        var foreign = await UploadAsync(s, other.Id, Png);

        Assert.Equal(ErrorCodes.NotFound, Assert.Single((await s.Products.RemoveImageAsync(s.Actor, product.Id, foreign.Id)).Errors).Code);

        Assert.True(File.Exists(FileOf(s, foreign.Url)));
        Assert.Single((await s.ProductAsync(other.Id)).Images);
    }

    // --- the grid ---

    private sealed record Grid(int Mug, int DeskLamp, int FloorLamp, int Spade, int GiftCard, int Home, int Lamps, int Garden);

    /// <summary>Five products, each made an hour after the previous one.</summary>
    private static async Task<Grid> GridAsync(AdminServices s)
    {
        var home = await s.AddCategoryAsync("Home");
        var lamps = await s.AddCategoryAsync("Lamps", home);
        var garden = await s.AddCategoryAsync("Garden");
        async Task<int> Add(string name, decimal price, Category? category, int stock, string sku, ProductStatus status = ProductStatus.Active)
        {
            s.Clock.Advance(TimeSpan.FromHours(1));
            return (await s.AddProductAsync(name, price, category, stock, sku, status)).Id;
        }
        return new Grid(
            await Add("Blue Ceramic Mug", 12m, home, 0, "MUG-BLUE-01"),
            await Add("Desk Lamp", 45m, lamps, 3, "LAMP-100"),
            await Add("Floor Lamp", 120m, lamps, 5, "LAMP-1000", ProductStatus.Archived),
            await Add("Garden Spade", 20m, garden, 6, "SPADE"),
            await Add("Gift Card", 25m, null, 50, "GIFT"),
            home.Id, lamps.Id, garden.Id);
    }

    private static async Task<List<int>> IdsAsync(AdminServices s, AdminProductQuery query) =>
        ((await s.Products.ListAsync(query with { SortBy = "createdAt", Descending = false })).Value).Items.Select(r => r.Id).ToList();

    [Fact]
    public async Task The_grid_filters_by_search_category_with_sub_categories_stock_and_status()
    {
        using var s = await AdminServices.CreateAsync();
        var g = await GridAsync(s);

        // Search: word prefixes of the name (any status), or the SKU.
        Assert.Equal([g.Mug], await IdsAsync(s, new AdminProductQuery { Search = "cer" }));
        Assert.Empty(await IdsAsync(s, new AdminProductQuery { Search = "eramic" }));
        Assert.Equal([g.DeskLamp, g.FloorLamp], await IdsAsync(s, new AdminProductQuery { Search = "LAMP" }));
        Assert.Equal([g.FloorLamp], await IdsAsync(s, new AdminProductQuery { Search = "floor lam" }));
        Assert.Equal([g.Mug], await IdsAsync(s, new AdminProductQuery { Search = "mug-blue-01" }));
        Assert.Equal([g.Spade], await IdsAsync(s, new AdminProductQuery { Search = " SPADE " }));
        Assert.Contains(g.DeskLamp, await IdsAsync(s, new AdminProductQuery { Search = "LAMP-100" }));
        Assert.Empty(await IdsAsync(s, new AdminProductQuery { Search = "--" }));

        // Category: itself and everything below it.
        Assert.Equal([g.Mug, g.DeskLamp, g.FloorLamp], await IdsAsync(s, new AdminProductQuery { CategoryId = g.Home }));
        Assert.Equal([g.DeskLamp, g.FloorLamp], await IdsAsync(s, new AdminProductQuery { CategoryId = g.Lamps }));
        Assert.Equal([g.Spade], await IdsAsync(s, new AdminProductQuery { CategoryId = g.Garden }));

        // Stock: in stock (> 0), low (1 to 5), out (0).
        Assert.Equal(5, (await IdsAsync(s, new AdminProductQuery { Stock = StockFilter.Any })).Count);
        Assert.Equal([g.DeskLamp, g.FloorLamp, g.Spade, g.GiftCard], await IdsAsync(s, new AdminProductQuery { Stock = StockFilter.InStock }));
        Assert.Equal([g.DeskLamp, g.FloorLamp], await IdsAsync(s, new AdminProductQuery { Stock = StockFilter.Low }));
        Assert.Equal([g.Mug], await IdsAsync(s, new AdminProductQuery { Stock = StockFilter.Out }));

        // Status, and everything together.
        Assert.Equal([g.FloorLamp], await IdsAsync(s, new AdminProductQuery { Status = ProductStatus.Archived }));
        Assert.Equal(4, (await IdsAsync(s, new AdminProductQuery { Status = ProductStatus.Active })).Count);
        Assert.Equal([g.DeskLamp], await IdsAsync(s, new AdminProductQuery
        {
            CategoryId = g.Home, Stock = StockFilter.Low, Status = ProductStatus.Active, Search = "lamp",
        }));
    }

    [Fact]
    public async Task A_grid_row_carries_the_category_name_price_and_primary_picture()
    {
        using var s = await AdminServices.CreateAsync();
        var g = await GridAsync(s);

        var row = Assert.Single(((await s.Products.ListAsync(new AdminProductQuery { Search = "desk" })).Value).Items);

        Assert.Equal((g.DeskLamp, "Desk Lamp", "LAMP-100", "desk-lamp"), (row.Id, row.Name, row.Sku, row.Slug));
        Assert.Equal((g.Lamps, "Lamps"), (row.CategoryId!.Value, row.CategoryName));
        Assert.Equal(4500, row.Price.Cents);
        Assert.Null(row.CompareAtPrice);
        Assert.Equal((3, ProductStatus.Active), (row.Stock, row.Status));
        Assert.Equal("/images/products/desk-lamp.svg", row.ImageUrl);
        Assert.Null(Assert.Single(((await s.Products.ListAsync(new AdminProductQuery { Search = "gift" })).Value).Items).CategoryName);
    }

    [Theory]
    [InlineData("name", false, "Blue Ceramic Mug,Desk Lamp,Floor Lamp,Garden Spade,Gift Card")]
    [InlineData("name", true, "Gift Card,Garden Spade,Floor Lamp,Desk Lamp,Blue Ceramic Mug")]
    [InlineData("sku", false, "Gift Card,Desk Lamp,Floor Lamp,Blue Ceramic Mug,Garden Spade")]
    [InlineData("price", true, "Floor Lamp,Desk Lamp,Gift Card,Garden Spade,Blue Ceramic Mug")]
    [InlineData("price", false, "Blue Ceramic Mug,Garden Spade,Gift Card,Desk Lamp,Floor Lamp")]
    [InlineData("stock", false, "Blue Ceramic Mug,Desk Lamp,Floor Lamp,Garden Spade,Gift Card")]
    [InlineData("createdAt", true, "Gift Card,Garden Spade,Floor Lamp,Desk Lamp,Blue Ceramic Mug")]
    [InlineData("updatedAt", false, "Blue Ceramic Mug,Desk Lamp,Floor Lamp,Garden Spade,Gift Card")]
    [InlineData("UPDATEDAT", true, "Gift Card,Garden Spade,Floor Lamp,Desk Lamp,Blue Ceramic Mug")]
    [InlineData("whatever", true, "Gift Card,Garden Spade,Floor Lamp,Desk Lamp,Blue Ceramic Mug")]
    public async Task The_grid_sorts_by_the_chosen_column(string sortBy, bool descending, string expected)
    {
        using var s = await AdminServices.CreateAsync();
        await GridAsync(s);

        var page = (await s.Products.ListAsync(new AdminProductQuery { SortBy = sortBy, Descending = descending })).Value;

        Assert.Equal(expected.Split(','), page.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task An_edit_moves_a_product_to_the_top_of_the_default_order()
    {
        using var s = await AdminServices.CreateAsync();
        var g = await GridAsync(s);
        s.Clock.Advance(TimeSpan.FromHours(1));

        Ok(await s.Products.UpdateAsync(s.Actor, g.Mug, new ProductInput { Stock = 8 }));

        Assert.Equal(g.Mug, ((await s.Products.ListAsync(new AdminProductQuery())).Value).Items[0].Id);
    }

    [Fact]
    public async Task The_grid_pages_through_the_matches()
    {
        using var s = await AdminServices.CreateAsync();
        await GridAsync(s);
        var byName = new AdminProductQuery { SortBy = "name", Descending = false, PageSize = 2 };

        var second = (await s.Products.ListAsync(byName with { PageNumber = 2 })).Value;
        var last = (await s.Products.ListAsync(byName with { PageNumber = 3 })).Value;
        var beyond = (await s.Products.ListAsync(byName with { PageNumber = 4 })).Value;

        Assert.Equal(["Floor Lamp", "Garden Spade"], second.Items.Select(r => r.Name));
        Assert.Equal((5, 3, true, true), (second.TotalCount, second.TotalPages, second.HasPreviousPage, second.HasNextPage));
        Assert.Equal(["Gift Card"], last.Items.Select(r => r.Name));
        Assert.False(last.HasNextPage);
        Assert.Empty(beyond.Items);
        Assert.Equal(5, beyond.TotalCount);
        // Out-of-range page values are refused, never clamped (the one paging rule).
        var refused = await s.Products.ListAsync(byName with { PageNumber = 0, PageSize = 0 });
        Assert.Equal(["pageNumber", "pageSize"], refused.Errors.Select(e => e.Field));
        Assert.Equal("pageSize", Assert.Single((await s.Products.ListAsync(byName with { PageSize = 101 })).Errors).Field);
        Assert.Equal(100, (await s.Products.ListAsync(byName with { PageSize = 100 })).Value.PageSize);
        Assert.Equal(20, (await s.Products.ListAsync(new AdminProductQuery())).Value.PageSize);
    }

    [Fact]
    public async Task Matching_ids_lists_every_match_in_grid_order_up_to_the_limit()
    {
        using var s = await AdminServices.CreateAsync();
        var g = await GridAsync(s);

        Assert.Equal([g.FloorLamp, g.DeskLamp, g.GiftCard],
            await s.Products.MatchingIdsAsync(new AdminProductQuery { SortBy = "price", Descending = true, PageSize = 1 }, limit: 3));
        Assert.Equal([g.DeskLamp, g.FloorLamp], await s.Products.MatchingIdsAsync(new AdminProductQuery { CategoryId = g.Lamps, SortBy = "name", Descending = false }, limit: 100));
    }
}
