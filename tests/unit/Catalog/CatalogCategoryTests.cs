using Ecommerce.Shared.Catalog;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Catalog;

public class CatalogCategoryTests(ListingCatalogFixture fixture) : IClassFixture<ListingCatalogFixture>
{
    [Fact]
    public async Task The_tree_nests_categories_in_sort_order()
    {
        var tree = await fixture.Catalog.GetCategoryTreeAsync();
        Assert.Equal(["Kitchen", "Electronics", "Empty"], tree.Select(c => c.Name));

        var electronics = tree[1];
        Assert.Equal(["Audio", "Cables"], electronics.Children.Select(c => c.Name));
        Assert.Equal(["Headphones"], electronics.Children[0].Children.Select(c => c.Name));
        Assert.Empty(electronics.Children[0].Children[0].Children);
        Assert.Empty(tree[0].Children);

        Assert.Null(electronics.ParentId);
        Assert.Equal(electronics.Id, electronics.Children[0].ParentId);
        Assert.Equal(electronics.Children[0].Id, electronics.Children[0].Children[0].ParentId);
        Assert.Equal("electronics", electronics.Slug);
        Assert.Equal("/images/categories/electronics.svg", electronics.ImageUrl);
    }

    [Fact]
    public async Task Product_counts_include_descendants_and_exclude_archived_products()
    {
        var tree = await fixture.Catalog.GetCategoryTreeAsync();
        var counts = Flatten(tree).ToDictionary(c => c.Slug, c => c.ProductCount);
        Assert.Equal(3, counts["kitchen"]);
        Assert.Equal(4, counts["electronics"]); // lamp + speaker + headphones + cable; not the archived radio
        Assert.Equal(2, counts["audio"]);
        Assert.Equal(1, counts["headphones"]);
        Assert.Equal(1, counts["cables"]);
        Assert.Equal(0, counts["empty"]);
    }

    [Fact]
    public async Task Siblings_with_the_same_sort_order_are_ordered_by_name()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            await db.AddCategoryAsync("Zebra", sortOrder: 0);
            await db.AddCategoryAsync("Apple", sortOrder: 0);
            await db.AddCategoryAsync("First", sortOrder: -1);
        }
        var tree = await database.CreateCatalogService().GetCategoryTreeAsync();
        Assert.Equal(["First", "Apple", "Zebra"], tree.Select(c => c.Name));
    }

    [Fact]
    public async Task A_category_page_has_its_path_children_and_siblings()
    {
        var audio = await fixture.Catalog.GetCategoryPageAsync("audio");
        Assert.NotNull(audio);
        Assert.Equal(new CategoryRef(fixture.Categories["audio"].Id, "Audio", "audio"), audio.Category);
        Assert.Equal(["electronics", "audio"], audio.Breadcrumbs.Select(c => c.Slug));
        Assert.Equal(["headphones"], audio.Children.Select(c => c.Slug));
        Assert.Equal(["audio", "cables"], audio.Siblings.Select(c => c.Slug));
        Assert.Equal("/images/categories/audio.svg", audio.ImageUrl);

        var kitchen = await fixture.Catalog.GetCategoryPageAsync("kitchen");
        Assert.Equal(["kitchen"], kitchen!.Breadcrumbs.Select(c => c.Slug));
        Assert.Empty(kitchen.Children);
        Assert.Equal(["kitchen", "electronics", "empty"], kitchen.Siblings.Select(c => c.Slug));

        var headphones = await fixture.Catalog.GetCategoryPageAsync("headphones");
        Assert.Equal(["electronics", "audio", "headphones"], headphones!.Breadcrumbs.Select(c => c.Slug));
        Assert.Equal(["headphones"], headphones.Siblings.Select(c => c.Slug));
    }

    [Fact]
    public async Task An_unknown_category_page_is_null()
    {
        Assert.Null(await fixture.Catalog.GetCategoryPageAsync("no-such-category"));
        Assert.Null(await fixture.Catalog.GetCategoryPageAsync(""));
    }

    [Fact]
    public async Task Top_categories_are_the_roots_in_order()
    {
        Assert.Equal(["kitchen", "electronics", "empty"], (await fixture.Catalog.GetTopCategoriesAsync()).Select(c => c.Slug));
    }

    private static IEnumerable<CategoryNode> Flatten(IEnumerable<CategoryNode> nodes) =>
        nodes.SelectMany(n => new[] { n }.Concat(Flatten(n.Children)));
}

public class CatalogFeaturedTests
{
    private static readonly DateTime Now = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Featured_products_come_best_rated_first_without_archived_ones()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            await db.AddProductAsync("Good Featured", 10m, featured: true, rating: 3.0, createdAt: Now.AddDays(-1));
            await db.AddProductAsync("Best Featured", 10m, featured: true, rating: 5.0, createdAt: Now.AddDays(-9));
            await db.AddProductAsync("Archived Featured", 10m, featured: true, rating: 4.9, status: ProductStatus.Archived);
            await db.AddProductAsync("Newest Plain", 10m, rating: 4.8, createdAt: Now);
        }
        var catalog = database.CreateCatalogService();

        Assert.Equal(["Best Featured", "Good Featured"], (await catalog.GetFeaturedAsync(8)).Select(p => p.Name));
        Assert.Equal(["Best Featured"], (await catalog.GetFeaturedAsync(1)).Select(p => p.Name));
    }

    [Fact]
    public async Task Without_featured_products_the_newest_are_shown()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            await db.AddProductAsync("Old", 10m, createdAt: Now.AddDays(-30));
            await db.AddProductAsync("Newer", 10m, createdAt: Now.AddDays(-2));
            await db.AddProductAsync("Newest", 10m, createdAt: Now.AddDays(-1));
            await db.AddProductAsync("Archived Newest", 10m, createdAt: Now, status: ProductStatus.Archived);
            await db.AddProductAsync("Archived Featured", 10m, featured: true, status: ProductStatus.Archived);
        }
        var catalog = database.CreateCatalogService();

        Assert.Equal(["Newest", "Newer"], (await catalog.GetFeaturedAsync(2)).Select(p => p.Name));
        Assert.Equal(["Newest", "Newer", "Old"], (await catalog.GetFeaturedAsync(8)).Select(p => p.Name));
    }

    [Fact]
    public async Task An_empty_catalog_has_nothing_to_feature()
    {
        using var database = new TestDatabase();
        Assert.Empty(await database.CreateCatalogService().GetFeaturedAsync(8));
        Assert.Empty(await database.CreateCatalogService().GetCategoryTreeAsync());
    }
}
