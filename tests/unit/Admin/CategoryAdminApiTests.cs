using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>POST, PUT (partial) and DELETE /api/v1/categories as an admin. Every test makes its own categories.</summary>
[Collection(AdminApiCollection.Name)]
public class CategoryAdminApiTests(AdminApiFixture fixture)
{
    private StoreApp App => fixture.App;
    private HttpClient Admin => fixture.Admin.Client;

    private Task<Ecommerce.Shared.Catalog.Category?> StoredAsync(int id) =>
        App.WithDbAsync(db => db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id));

    /// <summary>The category's entry in the public tree (GET /api/v1/categories), searched at any depth.</summary>
    private async Task<(JsonElement Node, int? ParentId)?> InTreeAsync(int id)
    {
        using var anonymous = App.CreateRawClient();
        var tree = (await anonymous.GetApiAsync("/api/v1/categories")).Data();
        (JsonElement, int?)? Find(JsonElement nodes, int? parent)
        {
            foreach (var node in nodes.EnumerateArray())
            {
                if (node.Id() == id) return (node, parent);
                if (node.TryGetProperty("children", out var children) && Find(children, node.Id()) is { } found) return found;
            }
            return null;
        }
        return Find(tree, null);
    }

    [Fact]
    public async Task Create_is_201_with_a_slug_made_from_the_name_and_can_nest()
    {
        var unique = AdminApiFixture.Unique();
        var parent = (await Admin.PostApiAsync("/api/v1/categories", new { name = $"Garden & Outdoor {unique}", description = "For the garden" }))
            .Data(HttpStatusCode.Created);
        Assert.Equal($"garden-and-outdoor-{unique}", parent.Str("slug"));
        Assert.Equal("For the garden", parent.Str("description"));
        Assert.Equal(JsonValueKind.Null, parent.GetProperty("parentId").ValueKind);

        var child = (await Admin.PostApiAsync("/api/v1/categories", new { name = $"Tools {unique}", slug = $"garden-tools-{unique}", parentId = parent.Str("id") }))
            .Data(HttpStatusCode.Created);
        Assert.Equal($"garden-tools-{unique}", child.Str("slug"));
        Assert.Equal(parent.Id(), child.Id("parentId"));

        // A numeric parentId is accepted too.
        var grandchild = (await Admin.PostApiAsync("/api/v1/categories", new { name = $"Spades {unique}", parentId = child.Id() })).Data(HttpStatusCode.Created);
        Assert.Equal(child.Id(), grandchild.Id("parentId"));

        var inTree = await InTreeAsync(child.Id());
        Assert.NotNull(inTree);
        Assert.Equal(parent.Id(), inTree.Value.ParentId);
    }

    [Fact]
    public async Task Create_refuses_a_duplicate_slug_a_missing_name_and_an_unknown_parent()
    {
        var unique = AdminApiFixture.Unique();
        await fixture.CreateCategoryAsync($"Kitchen {unique}");

        (await Admin.PostApiAsync("/api/v1/categories", new { name = "Other", slug = $"kitchen-{unique}" }))
            .Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "slug");
        (await Admin.PostApiAsync("/api/v1/categories", new { description = "no name" })).Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "name");
        (await Admin.PostApiAsync("/api/v1/categories", new { name = " " })).Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "name");
        (await Admin.PostApiAsync("/api/v1/categories", new { name = $"Orphan {unique}", parentId = "999999" }))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "parentId");
        (await Admin.PostApiAsync("/api/v1/categories", new { name = $"Orphan {unique}", parentId = "abc" }))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "parentId");
        (await Admin.PostApiAsync("/api/v1/categories", new { name = $"Orphan {unique}", slug = "Not A Slug" }))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "slug");
        (await Admin.PostApiAsync("/api/v1/categories", new RawJson("{\"name\": "))).Expect(HttpStatusCode.BadRequest);

        // A generated slug that is taken gets a suffix instead of a conflict.
        Assert.Equal($"kitchen-{unique}-2",
            (await Admin.PostApiAsync("/api/v1/categories", new { name = $"Kitchen {unique}" })).Data(HttpStatusCode.Created).Str("slug"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Categories.CountAsync(c => c.Name == $"Orphan {unique}")));
    }

    [Fact]
    public async Task Put_renames_without_touching_the_other_fields()
    {
        var unique = AdminApiFixture.Unique();
        var created = (await Admin.PostApiAsync("/api/v1/categories", new { name = $"Lamps {unique}", description = "Bright" })).Data(HttpStatusCode.Created);
        var id = created.Id();

        var data = (await Admin.PutApiAsync($"/api/v1/categories/{id}", new { name = $"Lighting {unique}" })).Data();

        Assert.Equal($"Lighting {unique}", data.Str("name"));
        Assert.Equal(created.Str("slug"), data.Str("slug"));
        Assert.Equal("Bright", data.Str("description"));
        var stored = (await StoredAsync(id))!;
        Assert.Equal($"Lighting {unique}", stored.Name);
        Assert.Equal($"lamps-{unique}", stored.Slug);
        Assert.Null(stored.ParentId);
    }

    [Fact]
    public async Task Put_moves_under_another_category_and_back_to_the_top()
    {
        var home = await fixture.CreateCategoryAsync();
        var moving = await fixture.CreateCategoryAsync();

        Assert.Equal(home, (await Admin.PutApiAsync($"/api/v1/categories/{moving}", new { parentId = home.ToString() })).Data().Id("parentId"));
        Assert.Equal(home, (await StoredAsync(moving))!.ParentId);
        Assert.Equal(home, (await InTreeAsync(moving))!.Value.ParentId);

        var top = (await Admin.PutApiAsync($"/api/v1/categories/{moving}", new RawJson("{\"parentId\": null}"))).Data();
        Assert.Equal(JsonValueKind.Null, top.GetProperty("parentId").ValueKind);
        Assert.Null((await StoredAsync(moving))!.ParentId);
        Assert.Null((await InTreeAsync(moving))!.Value.ParentId);
    }

    [Fact]
    public async Task Put_refuses_a_move_under_itself_or_its_own_descendant()
    {
        var root = await fixture.CreateCategoryAsync();
        var child = await fixture.CreateCategoryAsync(parentId: root);
        var grandchild = await fixture.CreateCategoryAsync(parentId: child);

        (await Admin.PutApiAsync($"/api/v1/categories/{root}", new { parentId = root.ToString() })).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "parentId");
        (await Admin.PutApiAsync($"/api/v1/categories/{root}", new { parentId = child.ToString() })).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "parentId");
        (await Admin.PutApiAsync($"/api/v1/categories/{root}", new { parentId = grandchild.ToString() })).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "parentId");
        (await Admin.PutApiAsync($"/api/v1/categories/{child}", new { parentId = "999999" })).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "parentId");

        Assert.Null((await StoredAsync(root))!.ParentId);
        Assert.Equal(root, (await StoredAsync(child))!.ParentId);
        // Moving a sub-category up the tree is fine.
        Assert.Equal(root, (await Admin.PutApiAsync($"/api/v1/categories/{grandchild}", new { parentId = root.ToString() })).Data().Id("parentId"));
    }

    [Fact]
    public async Task Put_refuses_bad_values_and_unknown_ids()
    {
        var unique = AdminApiFixture.Unique();
        var taken = await fixture.CreateCategoryAsync($"Taken {unique}");
        var id = await fixture.CreateCategoryAsync($"Mine {unique}");

        (await Admin.PutApiAsync($"/api/v1/categories/{id}", new RawJson("{\"name\": null}"))).Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "name");
        (await Admin.PutApiAsync($"/api/v1/categories/{id}", new { slug = $"taken-{unique}" })).Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "slug");
        (await Admin.PutApiAsync($"/api/v1/categories/{id}", new RawJson("{\"name\": 5}"))).Expect(HttpStatusCode.BadRequest);
        (await Admin.PutApiAsync($"/api/v1/categories/{id}", new RawJson("{\"name\": "))).Expect(HttpStatusCode.BadRequest);
        (await Admin.PutApiAsync("/api/v1/categories/999999", new { name = "Nobody" })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.PutApiAsync("/api/v1/categories/abc", new { name = "Nobody" })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal($"Mine {unique}", (await StoredAsync(id))!.Name);
        Assert.NotNull(await StoredAsync(taken));
    }

    [Fact]
    public async Task Delete_removes_an_empty_category_and_refuses_one_with_sub_categories_or_products()
    {
        var unique = AdminApiFixture.Unique();
        var parent = await fixture.CreateCategoryAsync($"Full {unique}");
        var child = await fixture.CreateCategoryAsync($"Child {unique}", parent);
        var product = (await fixture.CreateProductAsync(AdminApiFixture.ProductBody(categoryId: parent.ToString()))).Id();

        var refused = (await Admin.DeleteApiAsync($"/api/v1/categories/{parent}")).Error(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Contains("1 sub-category", refused.ErrorMessage());
        Assert.Contains("1 product", refused.ErrorMessage());

        (await Admin.DeleteApiAsync($"/api/v1/categories/{child}")).Expect(HttpStatusCode.NoContent);
        Assert.Null(await StoredAsync(child));
        var stillRefused = (await Admin.DeleteApiAsync($"/api/v1/categories/{parent}")).Error(HttpStatusCode.Conflict, "CONFLICT");
        Assert.DoesNotContain("sub-categor", stillRefused.ErrorMessage());
        Assert.Contains("1 product", stillRefused.ErrorMessage());

        (await Admin.PutApiAsync($"/api/v1/products/{product}", new RawJson("{\"categoryId\": null}"))).Data();
        (await Admin.DeleteApiAsync($"/api/v1/categories/{parent}")).Expect(HttpStatusCode.NoContent);
        Assert.Null(await StoredAsync(parent));
        Assert.Null(await InTreeAsync(parent));

        (await Admin.DeleteApiAsync($"/api/v1/categories/{parent}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.DeleteApiAsync("/api/v1/categories/abc")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
