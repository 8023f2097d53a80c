using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Ecommerce.Tests.Unit.Infrastructure.ResultAssert;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// CategoryAdminService on a real SQLite database, for what the admin API tests do not reach: the order of siblings
/// (new ones last, move up/down, moving to another parent), the tree's product counts, what a refused delete says,
/// the storefront's category directory refreshing, and the audit entries.
/// </summary>
public class CategoryAdminServiceTests
{
    private static async Task<AdminCategory> CreateAsync(AdminServices s, string name, int? parentId = null) =>
        Ok(await s.Categories.CreateAsync(s.Actor, new CategoryInput { Name = name, ParentId = parentId }));

    /// <summary>Names of a parent's children (or of the roots) in stored order.</summary>
    private static Task<List<string>> ChildrenAsync(AdminServices s, int? parentId) =>
        s.WithDbAsync(db => db.Categories.AsNoTracking().Where(c => c.ParentId == parentId)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync());

    private static Task<List<int>> SortOrdersAsync(AdminServices s, int? parentId) =>
        s.WithDbAsync(db => db.Categories.AsNoTracking().Where(c => c.ParentId == parentId)
            .OrderBy(c => c.SortOrder).Select(c => c.SortOrder).ToListAsync());

    [Fact]
    public async Task New_categories_come_after_their_siblings_and_the_tree_shows_that_order_with_direct_product_counts()
    {
        using var s = await AdminServices.CreateAsync();
        var zebra = await CreateAsync(s, "Zebra");
        var apple = await CreateAsync(s, "Apple");
        var child1 = await CreateAsync(s, "Zulu", zebra.Id);
        var child2 = await CreateAsync(s, "Alpha", zebra.Id);
        await s.AddProductAsync("In zulu", 5m, await s.WithDbAsync(db => db.Categories.SingleAsync(c => c.Id == child1.Id)));

        Assert.Equal([0, 1], new[] { zebra, apple }.Select(c => c.SortOrder));
        Assert.Equal([0, 1], new[] { child1, child2 }.Select(c => c.SortOrder));

        var tree = await s.Categories.TreeAsync();
        Assert.Equal(["Zebra", "Apple"], tree.Select(c => c.Name)); // by position, not by name
        Assert.Equal(["Zulu", "Alpha"], tree[0].Children.Select(c => c.Name));
        Assert.Equal(1, tree[0].Children[0].DirectProducts);
        Assert.Equal(0, tree[0].DirectProducts); // a sub-category's products are not the parent's own
        Assert.Equal(4, (await s.AuditEntriesAsync("category.created")).Count);
    }

    [Fact]
    public async Task Moving_up_or_down_swaps_with_the_neighbour_renumbers_the_siblings_and_is_audited()
    {
        using var s = await AdminServices.CreateAsync();
        var a = await CreateAsync(s, "A");
        await CreateAsync(s, "B");
        var c = await CreateAsync(s, "C");
        var other = await CreateAsync(s, "Other parent");
        await CreateAsync(s, "Other 1", other.Id);
        await CreateAsync(s, "Other 2", other.Id);

        Assert.True(Ok(await s.Categories.MoveAmongSiblingsAsync(s.Actor, c.Id, -1)));
        Assert.Equal(["A", "C", "B", "Other parent"], await ChildrenAsync(s, null));
        Assert.True(Ok(await s.Categories.MoveAmongSiblingsAsync(s.Actor, a.Id, +1)));
        Assert.Equal(["C", "A", "B", "Other parent"], await ChildrenAsync(s, null));

        Assert.Equal([0, 1, 2, 3], await SortOrdersAsync(s, null));
        Assert.Equal(["Other 1", "Other 2"], await ChildrenAsync(s, other.Id));
        var entries = await s.AuditEntriesAsync("category.reordered");
        Assert.Equal(["Moved category C up", "Moved category A down"], entries.Select(e => e.Summary));
        Assert.Equal([c.Id.ToString(), a.Id.ToString()], entries.Select(e => e.EntityId));
        Assert.Equal(["C", "A", "B", "Other parent"], (await s.Categories.TreeAsync()).Select(n => n.Name));
    }

    [Fact]
    public async Task The_first_cannot_move_up_and_the_last_cannot_move_down()
    {
        using var s = await AdminServices.CreateAsync();
        var first = await CreateAsync(s, "First");
        var last = await CreateAsync(s, "Last");

        Assert.False(Ok(await s.Categories.MoveAmongSiblingsAsync(s.Actor, first.Id, -1)));
        Assert.False(Ok(await s.Categories.MoveAmongSiblingsAsync(s.Actor, last.Id, +1)));

        Assert.Equal(["First", "Last"], await ChildrenAsync(s, null));
        Assert.Empty(await s.AuditEntriesAsync("category.reordered"));
        Assert.Equal(ErrorCodes.NotFound, Assert.Single((await s.Categories.MoveAmongSiblingsAsync(s.Actor, 987654, -1)).Errors).Code);
    }

    [Fact]
    public async Task A_direction_of_zero_moves_nothing_and_records_nothing()
    {
        using var s = await AdminServices.CreateAsync();
        await CreateAsync(s, "First");
        var second = await CreateAsync(s, "Second");

        Assert.False(Ok(await s.Categories.MoveAmongSiblingsAsync(s.Actor, second.Id, 0)));

        Assert.Equal(["First", "Second"], await ChildrenAsync(s, null));
        Assert.Empty(await s.AuditEntriesAsync("category.reordered"));
    }

    [Fact]
    public async Task A_large_step_moves_one_place_only()
    {
        using var s = await AdminServices.CreateAsync();
        await CreateAsync(s, "A");
        await CreateAsync(s, "B");
        var c = await CreateAsync(s, "C");

        Assert.True(Ok(await s.Categories.MoveAmongSiblingsAsync(s.Actor, c.Id, -5)));

        Assert.Equal(["A", "C", "B"], await ChildrenAsync(s, null));
    }

    [Fact]
    public async Task Siblings_sharing_a_position_are_ordered_by_name_and_numbered_on_the_first_move()
    {
        using var s = await AdminServices.CreateAsync();
        await s.AddCategoryAsync("Beta");
        await s.AddCategoryAsync("Alpha");
        var gamma = await s.AddCategoryAsync("Gamma");
        Assert.Equal([0, 0, 0], await SortOrdersAsync(s, null));

        Assert.True(Ok(await s.Categories.MoveAmongSiblingsAsync(s.Actor, gamma.Id, -1)));

        Assert.Equal(["Alpha", "Gamma", "Beta"], await ChildrenAsync(s, null));
        Assert.Equal([0, 1, 2], await SortOrdersAsync(s, null));
    }

    [Fact]
    public async Task Moving_under_another_parent_puts_it_last_there_and_is_audited_as_a_move()
    {
        using var s = await AdminServices.CreateAsync();
        var parent = await CreateAsync(s, "Parent");
        await CreateAsync(s, "X", parent.Id);
        await CreateAsync(s, "Y", parent.Id);
        var moving = await CreateAsync(s, "Moving");
        var child = await CreateAsync(s, "Moving child", moving.Id);

        var moved = Ok(await s.Categories.UpdateAsync(s.Actor, moving.Id, new CategoryInput { ParentId = parent.Id }));

        Assert.Equal((parent.Id, 2), (moved.ParentId!.Value, moved.SortOrder));
        Assert.Equal(["X", "Y", "Moving"], await ChildrenAsync(s, parent.Id));
        Assert.Equal(["Moving child"], await ChildrenAsync(s, moving.Id)); // its sub-tree moves with it
        var entry = Assert.Single(await s.AuditEntriesAsync("category.moved"));
        Assert.Equal(moving.Id.ToString(), entry.EntityId);
        Assert.Contains($"\"parentId\":{{\"from\":null,\"to\":{parent.Id}}}", entry.Changes);
        // The storefront's directory sees the move at once.
        Assert.Equal(parent.Id, (await s.Get<CategoryDirectory>().GetAsync()).BySlug("moving")!.ParentId);

        // A rename is an update, not a move; a refused move under its own child records nothing.
        Ok(await s.Categories.UpdateAsync(s.Actor, moving.Id, new CategoryInput { Name = "Moved" }));
        Assert.Equal("Changed name of category Moved", Assert.Single(await s.AuditEntriesAsync("category.updated")).Summary);
        var refused = await s.Categories.UpdateAsync(s.Actor, moving.Id, new CategoryInput { ParentId = child.Id });
        Assert.Equal("parentId", Assert.Single(refused.Errors).Field);
        Assert.Single(await s.AuditEntriesAsync("category.moved"));
        // Nothing changed: nothing recorded.
        Ok(await s.Categories.UpdateAsync(s.Actor, moving.Id, new CategoryInput { Name = "Moved", ParentId = parent.Id }));
        Assert.Single(await s.AuditEntriesAsync("category.updated"));
        Assert.Single(await s.AuditEntriesAsync("category.moved"));
        Assert.Equal(2, (await s.WithDbAsync(db => db.Categories.SingleAsync(c => c.Id == moving.Id))).SortOrder);
    }

    [Fact]
    public async Task A_refused_delete_says_how_many_sub_categories_and_products_are_in_the_way_and_changes_nothing()
    {
        using var s = await AdminServices.CreateAsync();
        var home = await s.AddCategoryAsync("Home");
        var lamps = await s.AddCategoryAsync("Lamps", home);
        await s.AddCategoryAsync("Rugs", home);
        await s.AddProductAsync("Sofa", 500m, home);
        await s.AddProductAsync("Chair", 80m, home);
        await s.AddProductAsync("Old table", 200m, home, status: ProductStatus.Archived); // archived products still belong to it
        await s.AddProductAsync("Desk lamp", 50m, lamps); // not directly in Home

        var result = await s.Categories.DeleteAsync(s.Actor, home.Id);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.Conflict, error.Code);
        Assert.Equal("Category Home still has 2 sub-categories and 3 products. Move or delete them first.", error.Message);
        var onlyProduct = Assert.Single((await s.Categories.DeleteAsync(s.Actor, lamps.Id)).Errors);
        Assert.Equal("Category Lamps still has 1 product. Move or delete them first.", onlyProduct.Message);
        Assert.Equal(3, await s.WithDbAsync(db => db.Categories.CountAsync()));
        Assert.Empty(await s.AuditEntriesAsync("category.deleted"));
    }

    [Fact]
    public async Task Deleting_an_empty_category_removes_it_from_the_directory_and_records_it()
    {
        using var s = await AdminServices.CreateAsync();
        var keep = await CreateAsync(s, "Keep");
        var empty = await CreateAsync(s, "Empty one");
        Assert.NotNull((await s.Get<CategoryDirectory>().GetAsync()).BySlug("empty-one"));

        Ok(await s.Categories.DeleteAsync(s.Actor, empty.Id));

        Assert.Null((await s.Get<CategoryDirectory>().GetAsync()).BySlug("empty-one"));
        Assert.Equal(["Keep"], await ChildrenAsync(s, null));
        Assert.Equal(keep.Id, Assert.Single(await s.Categories.TreeAsync()).Id);
        var entry = Assert.Single(await s.AuditEntriesAsync("category.deleted"));
        Assert.Equal((empty.Id.ToString(), "Deleted category Empty one"), (entry.EntityId, entry.Summary));
    }
}
