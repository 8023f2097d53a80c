using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data.Seeding;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.Tests.Unit.Data;

public class SyntheticCatalogSeederTests
{
    private static SyntheticCatalogSeeder Seeder(TestDatabase database) =>
        new(database.Factory, database.Clock, NullLogger<SyntheticCatalogSeeder>.Instance);

    private static async Task<int> SyntheticCount(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Products.CountAsync(p => p.Sku.StartsWith(SyntheticCatalogSeeder.SkuPrefix));
    }

    [Fact]
    public async Task Ensures_exactly_the_requested_number_of_products()
    {
        using var database = new TestDatabase();
        var seeder = Seeder(database);

        await seeder.EnsureAsync(500);
        Assert.Equal(500, await SyntheticCount(database));

        await seeder.EnsureAsync(500);
        Assert.Equal(500, await SyntheticCount(database));

        await seeder.EnsureAsync(300);
        Assert.Equal(500, await SyntheticCount(database));

        await seeder.EnsureAsync(700);
        Assert.Equal(700, await SyntheticCount(database));

        await using var db = database.CreateContext();
        var products = await db.Products.AsNoTracking().Include(p => p.Images).ToListAsync();
        Assert.Equal(700, products.Count);
        Assert.Equal(700, products.Select(p => p.Slug).Distinct().Count());
        Assert.Equal(700, products.Select(p => p.Sku).Distinct().Count());
        Assert.All(products, p =>
        {
            Assert.StartsWith("SYN-", p.Sku);
            Assert.True(Slug.IsValid(p.Slug), p.Slug);
            Assert.True(p.PriceCents > 0);
            Assert.NotEmpty(p.Tags);
            Assert.NotEmpty(p.Attributes);
            Assert.NotEmpty(p.Specifications);
            Assert.Single(p.Images, i => i.IsPrimary);
            Assert.NotNull(p.CategoryId);
        });
        // The generated range is continuous: SYN-000001 … SYN-000700.
        Assert.Equal(Enumerable.Range(1, 700).Select(n => $"SYN-{n:D6}"), products.Select(p => p.Sku).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Zero_or_a_negative_count_adds_nothing()
    {
        using var database = new TestDatabase();
        await Seeder(database).EnsureAsync(0);
        await Seeder(database).EnsureAsync(-5);
        Assert.Equal(0, await SyntheticCount(database));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Categories.CountAsync());
    }

    [Fact]
    public async Task On_an_empty_catalog_products_go_into_a_generated_category()
    {
        using var database = new TestDatabase();
        await Seeder(database).EnsureAsync(20);

        await using var db = database.CreateContext();
        var category = await db.Categories.SingleAsync();
        Assert.Equal("generated", category.Slug);
        Assert.All(await db.Products.ToListAsync(), p => Assert.Equal(category.Id, p.CategoryId));
        Assert.All(await db.ProductImages.ToListAsync(), i => Assert.Equal("/images/placeholder.svg", i.Url));
    }

    [Fact]
    public async Task With_the_demo_catalog_products_go_into_leaf_categories_with_demo_images()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
            Assert.True(await new DemoCatalogSeeder(database.Clock).SeedIfEmptyAsync(db));
        await Seeder(database).EnsureAsync(100);

        await using (var db = database.CreateContext())
        {
            var parents = await db.Categories.Where(c => c.ParentId != null).Select(c => c.ParentId!.Value).Distinct().ToListAsync();
            var synthetic = await db.Products.AsNoTracking().Include(p => p.Images)
                .Where(p => p.Sku.StartsWith("SYN-")).ToListAsync();
            Assert.Equal(100, synthetic.Count);
            Assert.All(synthetic, p => Assert.DoesNotContain(p.CategoryId!.Value, parents));
            Assert.All(synthetic, p => Assert.True(File.Exists(RepositoryPaths.WebRootFile(p.Images.Single().Url)), p.Images.Single().Url));
            Assert.Equal(DemoCatalogSeeder.Load().Products.Count + 100, await db.Products.CountAsync());
        }

        var search = await database.CreateCatalogService().SearchAsync("SYN-000042");
        Assert.Equal("SYN-000042", search.Value.Page.Items[0].Sku);
    }

    [Fact]
    public async Task The_same_count_generates_the_same_products()
    {
        using var first = new TestDatabase();
        using var second = new TestDatabase();
        await Seeder(first).EnsureAsync(50);
        await Seeder(second).EnsureAsync(50);

        await using var a = first.CreateContext();
        await using var b = second.CreateContext();
        var left = await a.Products.OrderBy(p => p.Sku).Select(p => new { p.Sku, p.Name, p.Slug, p.PriceCents, p.Stock }).ToListAsync();
        var right = await b.Products.OrderBy(p => p.Sku).Select(p => new { p.Sku, p.Name, p.Slug, p.PriceCents, p.Stock }).ToListAsync();
        Assert.Equal(left, right);
    }
}
