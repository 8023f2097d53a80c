using System.Net;
using System.Text.Json;
using Ecommerce.Shared.Catalog;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// POST /api/v1/products, PUT (partial update) and DELETE /api/v1/products/{id} as an admin (document 002's
/// "Create Product" / "Update Product" plus the store's extensions). Every test makes its own products.
/// </summary>
[Collection(AdminApiCollection.Name)]
public class ProductAdminApiTests(AdminApiFixture fixture)
{
    private StoreApp App => fixture.App;
    private HttpClient Admin => fixture.Admin.Client;

    private Task<Product?> StoredAsync(int id) =>
        App.WithDbAsync(db => db.Products.AsNoTracking().Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == id));

    private Task<int> CountBySkuAsync(string sku) => App.WithDbAsync(db => db.Products.CountAsync(p => p.Sku == sku));

    // ---- create ----

    [Fact]
    public async Task Create_with_the_documents_body_is_201_with_the_product_and_a_slug_made_from_the_name()
    {
        var category = await fixture.CreateCategoryAsync();
        var unique = AdminApiFixture.Unique();
        var body = AdminApiFixture.ProductBody(name: $"Smart Watch Pro {unique}", sku: $"SW-PRO-{unique}", categoryId: category.ToString());

        var data = (await Admin.PostApiAsync("/api/v1/products", body)).Data(HttpStatusCode.Created);

        var id = data.Id();
        Assert.Equal($"Smart Watch Pro {unique}", data.Str("name"));
        Assert.Equal($"smart-watch-pro-{unique}", data.Str("slug"));
        Assert.Equal($"SW-PRO-{unique}", data.Str("sku"));
        Assert.Equal("Advanced fitness tracking smartwatch", data.Str("description"));
        Assert.Equal("Full detailed description...", data.Str("longDescription"));
        Assert.Equal(399.99m, data.Money("price"));
        Assert.Equal(499.99m, data.Money("compareAtPrice"));
        Assert.Equal(category, data.Id("categoryId"));
        Assert.Equal(100, data.Int("stock"));
        Assert.Equal("active", data.Str("status"));
        Assert.Equal(["smartwatch", "fitness", "health"], data.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var attribute = Assert.Single(data.GetProperty("attributes").EnumerateArray().ToList());
        Assert.Equal(("Color", "Silver"), (attribute.Str("name"), attribute.Str("value")));
        Assert.Equal("TechWear", data.GetProperty("specifications").Str("brand"));
        Assert.Equal("5ATM", data.GetProperty("specifications").Str("waterResistance"));
        var image = Assert.Single(data.GetProperty("images").EnumerateArray().ToList());
        Assert.Equal("https://cdn.example.com/products/sw-001-1.jpg", image.Str("url"));
        Assert.Equal("Smart Watch Front", image.Str("alt"));
        Assert.True(image.GetProperty("isPrimary").GetBoolean());

        var stored = await StoredAsync(id);
        Assert.NotNull(stored);
        Assert.Equal(39999, stored.PriceCents);
        Assert.Equal(49999, stored.CompareAtPriceCents);
        Assert.Equal(ProductStatus.Active, stored.Status);
        Assert.Equal(fixture.Admin.UserId, stored.OwnerId);

        // Shoppers see it at once.
        using var anonymous = App.CreateRawClient();
        Assert.Equal($"Smart Watch Pro {unique}", (await anonymous.GetApiAsync($"/api/v1/products/{id}")).Data().Str("name"));
    }

    [Fact]
    public async Task A_given_slug_is_kept_and_a_generated_one_avoids_a_taken_slug()
    {
        var unique = AdminApiFixture.Unique();
        var first = AdminApiFixture.ProductBody(name: $"Desk Lamp {unique}");
        var second = AdminApiFixture.ProductBody(name: $"Desk Lamp {unique}");
        var third = AdminApiFixture.ProductBody();
        third["slug"] = $"my-own-slug-{unique}";

        Assert.Equal($"desk-lamp-{unique}", (await fixture.CreateProductAsync(first)).Str("slug"));
        Assert.Equal($"desk-lamp-{unique}-2", (await fixture.CreateProductAsync(second)).Str("slug"));
        Assert.Equal($"my-own-slug-{unique}", (await fixture.CreateProductAsync(third)).Str("slug"));
    }

    [Theory]
    [InlineData("no name", "REQUIRED_FIELD", "name")]
    [InlineData("empty name", "REQUIRED_FIELD", "name")]
    [InlineData("no sku", "REQUIRED_FIELD", "sku")]
    [InlineData("no price", "REQUIRED_FIELD", "price")]
    [InlineData("negative price", "VALIDATION_ERROR", "price")]
    [InlineData("price with three decimals", "VALIDATION_ERROR", "price")]
    [InlineData("negative compareAtPrice", "VALIDATION_ERROR", "compareAtPrice")]
    [InlineData("negative stock", "VALIDATION_ERROR", "stock")]
    [InlineData("unknown categoryId", "VALIDATION_ERROR", "categoryId")]
    [InlineData("invalid slug", "VALIDATION_ERROR", "slug")]
    [InlineData("javascript image url", "VALIDATION_ERROR", "images")]
    public async Task An_invalid_field_is_400_naming_it_and_creates_nothing(string problem, string code, string field)
    {
        var body = AdminApiFixture.ProductBody();
        var sku = (string)body["sku"]!;
        switch (problem)
        {
            case "no name": body.Remove("name"); break;
            case "empty name": body["name"] = "  "; break;
            case "no sku": body.Remove("sku"); sku = ""; break;
            case "no price": body.Remove("price"); break;
            case "negative price": body["price"] = -1m; break;
            case "price with three decimals": body["price"] = 19.999m; break;
            case "negative compareAtPrice": body["compareAtPrice"] = -0.01m; break;
            case "negative stock": body["stock"] = -1; break;
            case "unknown categoryId": body["categoryId"] = "999999"; break;
            case "invalid slug": body["slug"] = "Not A Slug"; break;
            case "javascript image url": body["images"] = new[] { new { url = "javascript:x", alt = "x", isPrimary = true } }; break;
        }

        var reply = await Admin.PostApiAsync("/api/v1/products", body);

        reply.Error(HttpStatusCode.BadRequest, code, field);
        Assert.Equal([field], reply.ErrorFields);
        if (sku.Length > 0) Assert.Equal(0, await CountBySkuAsync(sku));
    }

    [Fact]
    public async Task Every_failing_field_is_listed()
    {
        var body = AdminApiFixture.ProductBody();
        body["name"] = "";
        body["sku"] = "";
        body["price"] = -5m;
        body["stock"] = -1;
        body["slug"] = "Not A Slug";

        var reply = await Admin.PostApiAsync("/api/v1/products", body);

        reply.Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["name", "price", "sku", "slug", "stock"], reply.ErrorFields.Order());
    }

    [Fact]
    public async Task A_duplicate_sku_in_any_letter_case_is_409_already_exists()
    {
        var unique = AdminApiFixture.Unique();
        await fixture.CreateProductAsync(AdminApiFixture.ProductBody(sku: $"HS-AUD-{unique}"));

        (await Admin.PostApiAsync("/api/v1/products", AdminApiFixture.ProductBody(sku: $"HS-AUD-{unique}")))
            .Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "sku");
        var lower = await Admin.PostApiAsync("/api/v1/products", AdminApiFixture.ProductBody(sku: $"hs-aud-{unique}"));
        lower.Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "sku");
        Assert.Equal(1, await App.WithDbAsync(db => db.Products.CountAsync(p => p.Sku.ToUpper() == $"HS-AUD-{unique}".ToUpper())));
    }

    [Fact]
    public async Task A_duplicate_slug_is_409_already_exists()
    {
        var first = await fixture.CreateProductAsync();
        var body = AdminApiFixture.ProductBody();
        body["slug"] = first.Str("slug");

        (await Admin.PostApiAsync("/api/v1/products", body)).Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "slug");
        Assert.Equal(0, await CountBySkuAsync((string)body["sku"]!));
    }

    [Theory]
    [InlineData("{\"name\": \"Broken\", \"price\": ")]
    [InlineData("{\"name\": \"Wrong type\", \"sku\": \"WT-1\", \"price\": \"abc\"}")]
    [InlineData("{\"name\": \"Wrong type\", \"sku\": \"WT-2\", \"price\": 10, \"stock\": \"many\"}")]
    [InlineData("[1, 2, 3]")]
    public async Task A_malformed_or_wrongly_typed_create_body_is_400(string json)
    {
        var reply = await Admin.PostApiAsync("/api/v1/products", new RawJson(json));
        reply.Expect(HttpStatusCode.BadRequest);
        Assert.False(reply.Body.GetProperty("success").GetBoolean());
        Assert.NotEmpty(reply.Errors);
    }

    // ---- partial update ----

    [Fact]
    public async Task Put_changes_only_the_fields_sent()
    {
        var created = await fixture.CreateProductAsync();
        var id = created.Id();

        var data = (await Admin.PutApiAsync($"/api/v1/products/{id}", new { price = 379.99m, stock = 120 })).Data();

        Assert.Equal(379.99m, data.Money("price"));
        Assert.Equal(120, data.Int("stock"));
        foreach (var unchanged in new[] { "name", "slug", "sku", "description", "longDescription", "status" })
            Assert.Equal(created.Str(unchanged), data.Str(unchanged));
        Assert.Equal(499.99m, data.Money("compareAtPrice"));
        Assert.Equal(created.GetProperty("tags").GetRawText(), data.GetProperty("tags").GetRawText());
        Assert.Equal(created.GetProperty("images").GetRawText(), data.GetProperty("images").GetRawText());
        Assert.Equal(created.GetProperty("attributes").GetRawText(), data.GetProperty("attributes").GetRawText());
        Assert.Equal(created.GetProperty("specifications").GetRawText(), data.GetProperty("specifications").GetRawText());

        var stored = (await StoredAsync(id))!;
        Assert.Equal(37999, stored.PriceCents);
        Assert.Equal(120, stored.Stock);
        Assert.Equal(created.Str("name"), stored.Name);
        Assert.Equal(49999, stored.CompareAtPriceCents);
        Assert.Single(stored.Images);
    }

    [Fact]
    public async Task Put_with_a_stale_version_is_409_conflict_and_changes_nothing()
    {
        var created = await fixture.CreateProductAsync();
        var id = created.Id();
        var loaded = created.GetProperty("version").GetInt64();

        // Another client changes the price first, over the version it read: the version moves on.
        var first = (await Admin.PutApiAsync($"/api/v1/products/{id}", new { price = 349.99m, version = loaded })).Data();
        Assert.Equal(loaded + 1, first.GetProperty("version").GetInt64());

        var reply = await Admin.PutApiAsync($"/api/v1/products/{id}", new { name = "Stale rename", stock = 3, version = loaded });
        var error = reply.Error(HttpStatusCode.Conflict, "CONFLICT", "version");
        Assert.Contains("Someone else changed", error.ErrorMessage());
        Assert.Equal(loaded + 1, error.GetProperty("currentVersion").GetInt64());
        var stored = (await StoredAsync(id))!;
        Assert.Equal((created.Str("name"), 100, 34999L, loaded + 1), (stored.Name, stored.Stock, stored.PriceCents, stored.Version));

        // Without a version the update is unconditional, as before; with the current one it goes through.
        Assert.Equal(loaded + 2, (await Admin.PutApiAsync($"/api/v1/products/{id}", new { stock = 90 })).Data().GetProperty("version").GetInt64());
        Assert.Equal("Fresh rename", (await Admin.PutApiAsync($"/api/v1/products/{id}", new { name = "Fresh rename", version = loaded + 2 })).Data().Str("name"));
    }

    [Fact]
    public async Task Put_with_stock_and_an_outdated_expected_stock_is_409_naming_the_current_stock()
    {
        var id = (await fixture.CreateProductAsync()).Id();
        await App.WithDbAsync(db => db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock - 4))); // sold meanwhile

        var error = (await Admin.PutApiAsync($"/api/v1/products/{id}", new { stock = 150, expectedStock = 100 })).Error(HttpStatusCode.Conflict, "CONFLICT", "stock");
        Assert.Equal(96, error.Int("currentStock"));
        Assert.Equal(96, (await StoredAsync(id))!.Stock);

        Assert.Equal(150, (await Admin.PutApiAsync($"/api/v1/products/{id}", new { stock = 150, expectedStock = 96 })).Data().Int("stock"));
    }

    [Fact]
    public async Task Put_with_null_clears_compare_at_price_and_category()
    {
        var category = await fixture.CreateCategoryAsync();
        var id = (await fixture.CreateProductAsync(AdminApiFixture.ProductBody(categoryId: category.ToString()))).Id();

        var data = (await Admin.PutApiAsync($"/api/v1/products/{id}", new RawJson("{\"compareAtPrice\": null, \"categoryId\": null}"))).Data();

        Assert.Equal(JsonValueKind.Null, data.GetProperty("compareAtPrice").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("categoryId").ValueKind);
        Assert.Equal(399.99m, data.Money("price"));
        var stored = (await StoredAsync(id))!;
        Assert.Null(stored.CompareAtPriceCents);
        Assert.Null(stored.CategoryId);
    }

    [Fact]
    public async Task Put_can_rename_move_and_archive()
    {
        var category = await fixture.CreateCategoryAsync();
        var id = (await fixture.CreateProductAsync()).Id();
        var name = $"Renamed Watch {AdminApiFixture.Unique()}";

        var data = (await Admin.PutApiAsync($"/api/v1/products/{id}", new { name, categoryId = category, status = "archived" })).Data();

        Assert.Equal(name, data.Str("name"));
        Assert.Equal(category, data.Id("categoryId"));
        Assert.Equal("archived", data.Str("status"));
        using var anonymous = App.CreateRawClient();
        (await anonymous.GetApiAsync($"/api/v1/products/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Put_with_a_null_name_is_400_and_changes_nothing()
    {
        var created = await fixture.CreateProductAsync();
        var id = created.Id();

        var reply = await Admin.PutApiAsync($"/api/v1/products/{id}", new RawJson("{\"name\": null, \"stock\": 7}"));

        reply.Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "name");
        var stored = (await StoredAsync(id))!;
        Assert.Equal(created.Str("name"), stored.Name);
        Assert.Equal(100, stored.Stock);
    }

    [Theory]
    [InlineData("{\"price\": ", null)]
    [InlineData("{\"price\": \"abc\"}", "price")]
    [InlineData("{\"stock\": 12.5}", "stock")]
    [InlineData("{\"stock\": 99999999999}", "stock")]
    [InlineData("{\"price\": 19.999}", "price")]
    [InlineData("{\"price\": -1}", "price")]
    [InlineData("{\"price\": null}", "price")]
    [InlineData("{\"sku\": \"\"}", "sku")]
    [InlineData("{\"slug\": \"Not A Slug\"}", "slug")]
    [InlineData("{\"categoryId\": \"abc\"}", "categoryId")]
    [InlineData("{\"images\": [{\"url\": \"javascript:x\"}]}", "images")]
    [InlineData("{\"tags\": \"not-a-list\"}", "tags")]
    [InlineData("[1, 2]", null)]
    public async Task A_bad_update_is_400_never_500_and_changes_nothing(string json, string? field)
    {
        var created = await fixture.CreateProductAsync();
        var id = created.Id();

        var reply = await Admin.PutApiAsync($"/api/v1/products/{id}", new RawJson(json));

        reply.Expect(HttpStatusCode.BadRequest);
        if (field is not null) Assert.Contains(field, reply.ErrorFields);
        var stored = (await StoredAsync(id))!;
        Assert.Equal(39999, stored.PriceCents);
        Assert.Equal(100, stored.Stock);
        Assert.Equal(created.Str("sku"), stored.Sku);
        Assert.Equal(created.Str("slug"), stored.Slug);
    }

    /// <summary>A null inside a list is a malformed body too: a 400 naming the list, not a 500.</summary>
    [Theory]
    [InlineData("{\"tags\": [\"ok\", null]}", "tags")]
    [InlineData("{\"images\": [null]}", "images")]
    [InlineData("{\"attributes\": [null]}", "attributes")]
    public async Task A_null_list_entry_is_400_not_500(string json, string field)
    {
        var id = (await fixture.CreateProductAsync()).Id();

        var reply = await Admin.PutApiAsync($"/api/v1/products/{id}", new RawJson(json));

        Assert.NotEqual(HttpStatusCode.InternalServerError, reply.Status);
        reply.Expect(HttpStatusCode.BadRequest);
        Assert.Contains(field, reply.ErrorFields);
    }

    [Fact]
    public async Task Put_or_delete_of_an_unknown_product_is_404()
    {
        (await Admin.PutApiAsync("/api/v1/products/999999", new { price = 1m })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.PutApiAsync("/api/v1/products/abc", new { price = 1m })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.DeleteApiAsync("/api/v1/products/999999")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.DeleteApiAsync("/api/v1/products/abc")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Put_with_another_products_sku_in_any_case_is_409()
    {
        var other = await fixture.CreateProductAsync();
        var created = await fixture.CreateProductAsync();
        var id = created.Id();

        (await Admin.PutApiAsync($"/api/v1/products/{id}", new { sku = other.Str("sku") })).Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "sku");
        (await Admin.PutApiAsync($"/api/v1/products/{id}", new { sku = other.Str("sku").ToLowerInvariant() }))
            .Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "sku");
        (await Admin.PutApiAsync($"/api/v1/products/{id}", new { slug = other.Str("slug") })).Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "slug");
        Assert.Equal(created.Str("sku"), (await StoredAsync(id))!.Sku);

        // Its own SKU (in another case) is not a duplicate.
        (await Admin.PutApiAsync($"/api/v1/products/{id}", new { sku = created.Str("sku"), stock = 5 })).Data();
    }

    // ---- delete ----

    [Fact]
    public async Task Delete_of_a_product_in_no_order_removes_it()
    {
        var id = (await fixture.CreateProductAsync()).Id();

        (await Admin.DeleteApiAsync($"/api/v1/products/{id}")).Expect(HttpStatusCode.NoContent);

        Assert.Null(await StoredAsync(id));
        using var anonymous = App.CreateRawClient();
        (await anonymous.GetApiAsync($"/api/v1/products/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.DeleteApiAsync($"/api/v1/products/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Delete_of_a_product_in_an_order_archives_it_and_the_order_keeps_it()
    {
        var created = await fixture.CreateProductAsync();
        var id = created.Id();
        using var shopper = await App.RegisterCustomerAsync();
        var order = await shopper.OrderAsync(id);

        (await Admin.DeleteApiAsync($"/api/v1/products/{id}")).Expect(HttpStatusCode.NoContent);

        var stored = await StoredAsync(id);
        Assert.NotNull(stored);
        Assert.Equal(ProductStatus.Archived, stored.Status);
        using var anonymous = App.CreateRawClient();
        (await anonymous.GetApiAsync($"/api/v1/products/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        var again = (await shopper.Client.GetApiAsync($"/api/v1/orders/{order.Id()}")).Data();
        var line = Assert.Single(again.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(id, line.Id("productId"));
        Assert.Equal(created.Str("name"), line.Str("productName"));
        // Admins still find it, as archived.
        var list = (await Admin.GetApiAsync($"/api/v1/admin/products?search={created.Str("sku")}")).Data();
        Assert.Equal("archived", Assert.Single(list.GetProperty("items").EnumerateArray().ToList()).Str("status"));
    }
}
