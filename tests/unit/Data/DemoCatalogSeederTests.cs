using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data.Seeding;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Data;

/// <summary>An empty database with the demo catalog seeded once; the tests only read it.</summary>
public sealed class DemoCatalogFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public bool Seeded { get; private set; }

    public async Task InitializeAsync()
    {
        await using var db = Database.CreateContext();
        Seeded = await new DemoCatalogSeeder(Database.Clock).SeedIfEmptyAsync(db);
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

public class DemoCatalogSeederTests(DemoCatalogFixture fixture) : IClassFixture<DemoCatalogFixture>
{
    [Fact]
    public void Seeding_an_empty_database_reports_it_did()
    {
        Assert.True(fixture.Seeded);
    }

    [Fact]
    public async Task Creates_nested_categories()
    {
        await using var db = fixture.Database.CreateContext();
        var categories = await db.Categories.AsNoTracking().ToListAsync();
        Assert.True(categories.Count >= 6, $"{categories.Count} categories");
        var roots = categories.Where(c => c.ParentId is null).ToList();
        Assert.True(roots.Count >= 2);
        Assert.Contains(categories, c => c.ParentId is not null);
        Assert.All(roots, root => Assert.Contains(categories, c => c.ParentId == root.Id));
        Assert.All(categories, c => Assert.True(Slug.IsValid(c.Slug), c.Slug));
        Assert.Equal(categories.Count, categories.Select(c => c.Slug).Distinct().Count());
        Assert.All(categories, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
    }

    [Fact]
    public async Task Category_images_ship_with_the_web_project()
    {
        await using var db = fixture.Database.CreateContext();
        var urls = await db.Categories.Select(c => c.ImageUrl).ToListAsync();
        Assert.All(urls, url =>
        {
            Assert.NotNull(url);
            Assert.StartsWith("/images/", url);
            Assert.True(File.Exists(RepositoryPaths.WebRootFile(url)), $"{url} is missing from wwwroot");
        });
    }

    [Fact]
    public async Task Creates_at_least_60_varied_products()
    {
        await using var db = fixture.Database.CreateContext();
        var products = await db.Products.AsNoTracking().ToListAsync();
        Assert.True(products.Count >= 60, $"{products.Count} products");
        Assert.Contains(products, p => p.Stock == 0);
        Assert.Contains(products, p => p.Stock > 0);
        Assert.Contains(products, p => p.CompareAtPriceCents > p.PriceCents);
        Assert.Contains(products, p => p.IsFeatured);
        Assert.All(products, p => Assert.Equal(ProductStatus.Active, p.Status));
        Assert.All(products, p => Assert.True(p.PriceCents > 0, p.Sku));
        Assert.All(products, p => Assert.NotNull(p.CategoryId));
        Assert.All(products, p => Assert.False(string.IsNullOrWhiteSpace(p.Description), p.Sku));
        Assert.All(products, p => Assert.False(string.IsNullOrWhiteSpace(p.LongDescription), p.Sku));
        Assert.All(products, p => Assert.True(p.CompareAtPriceCents is null || p.CompareAtPriceCents > p.PriceCents,
            $"{p.Sku}: a compare-at price not above the price"));
    }

    [Fact]
    public async Task Slugs_and_skus_are_valid_and_unique()
    {
        await using var db = fixture.Database.CreateContext();
        var products = await db.Products.AsNoTracking().Select(p => new { p.Slug, p.Sku }).ToListAsync();
        Assert.All(products, p => Assert.True(Slug.IsValid(p.Slug), p.Slug));
        Assert.Equal(products.Count, products.Select(p => p.Slug).Distinct().Count());
        Assert.Equal(products.Count, products.Select(p => p.Sku).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task Every_product_has_tags_attributes_and_specifications()
    {
        await using var db = fixture.Database.CreateContext();
        var products = await db.Products.AsNoTracking().ToListAsync();
        Assert.All(products, p =>
        {
            Assert.NotEmpty(p.Tags);
            Assert.NotEmpty(p.Attributes);
            Assert.NotEmpty(p.Specifications);
            Assert.All(p.Attributes, a => Assert.False(string.IsNullOrWhiteSpace(a.Name) || string.IsNullOrWhiteSpace(a.Value)));
            Assert.All(p.Specifications, s => Assert.False(string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.Value)));
        });
    }

    [Fact]
    public async Task Every_product_has_one_primary_image_that_ships_with_the_web_project()
    {
        await using var db = fixture.Database.CreateContext();
        var products = await db.Products.AsNoTracking().Include(p => p.Images).ToListAsync();
        Assert.All(products, p =>
        {
            Assert.NotEmpty(p.Images);
            Assert.Single(p.Images, i => i.IsPrimary);
            Assert.True(p.Images.Single(i => i.IsPrimary).SortOrder == 0, $"{p.Sku}: the primary image is not first");
            Assert.All(p.Images, image =>
            {
                Assert.StartsWith("/images/", image.Url);
                Assert.True(File.Exists(RepositoryPaths.WebRootFile(image.Url)), $"{image.Url} is missing from wwwroot");
                Assert.False(string.IsNullOrWhiteSpace(image.AltText), image.Url);
            });
        });
    }

    [Fact]
    public async Task Ratings_and_review_counts_match_the_seeded_reviews()
    {
        await using var db = fixture.Database.CreateContext();
        var products = await db.Products.AsNoTracking().Select(p => new { p.Id, p.Sku, p.Rating, p.ReviewCount }).ToListAsync();
        var reviews = (await db.Reviews.AsNoTracking().ToListAsync()).ToLookup(r => r.ProductId);
        Assert.True(reviews.Count > 0);
        Assert.Contains(products, p => p.ReviewCount > 0);
        Assert.All(products, p =>
        {
            var own = reviews[p.Id].Where(r => !r.IsHidden).ToList();
            Assert.Equal(own.Count, p.ReviewCount);
            Assert.Equal(own.Count == 0 ? 0 : own.Average(r => r.Rating), p.Rating, 6);
            Assert.All(own, r => Assert.InRange(r.Rating, 1, 5));
        });
    }

    [Fact]
    public async Task Reviews_are_dated_in_the_past_in_utc()
    {
        await using var db = fixture.Database.CreateContext();
        var now = fixture.Database.Clock.GetUtcNow().UtcDateTime;
        var reviews = await db.Reviews.AsNoTracking().ToListAsync();
        Assert.All(reviews, r =>
        {
            Assert.Equal(DateTimeKind.Utc, r.CreatedAt.Kind);
            Assert.True(r.CreatedAt <= now);
            Assert.False(string.IsNullOrWhiteSpace(r.AuthorName));
        });
    }

    [Fact]
    public async Task Matches_the_demo_catalog_file()
    {
        var source = DemoCatalogSeeder.Load();
        await using var db = fixture.Database.CreateContext();
        Assert.Equal(source.Products.Count, await db.Products.CountAsync());
        var lamp = source.Products[0];
        var entity = await db.Products.AsNoTracking().Include(p => p.Category).SingleAsync(p => p.Sku == lamp.Sku);
        Assert.Equal(lamp.Name, entity.Name);
        Assert.Equal(Money.FromDecimal(lamp.Price).Cents, entity.PriceCents);
        Assert.Equal(lamp.Category, entity.Category!.Slug);
        Assert.Equal(lamp.Tags, entity.Tags);
    }

    [Fact]
    public async Task Seeded_products_are_searchable()
    {
        var catalog = fixture.Database.CreateCatalogService();
        var result = await catalog.SearchAsync("headphones");
        Assert.True(result.Succeeded);
        Assert.NotEmpty(result.Value.Page.Items);
    }

    [Fact]
    public async Task Seeding_a_database_with_products_does_nothing()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
            await db.AddProductAsync("My Own Product", 10m);

        await using (var db = database.CreateContext())
        {
            Assert.False(await new DemoCatalogSeeder(database.Clock).SeedIfEmptyAsync(db));
            Assert.Equal(1, await db.Products.CountAsync());
            Assert.Equal(0, await db.Categories.CountAsync());
            Assert.Equal(0, await db.Reviews.CountAsync());
        }
    }

    [Fact]
    public async Task Seeding_a_database_with_categories_only_does_nothing()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
            await db.AddCategoryAsync("My Category");

        await using (var db = database.CreateContext())
        {
            Assert.False(await new DemoCatalogSeeder(database.Clock).SeedIfEmptyAsync(db));
            Assert.Equal(0, await db.Products.CountAsync());
            Assert.Equal(1, await db.Categories.CountAsync());
        }
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing_the_second_time()
    {
        await using var db = fixture.Database.CreateContext();
        var products = await db.Products.CountAsync();
        var reviews = await db.Reviews.CountAsync();
        Assert.False(await new DemoCatalogSeeder(fixture.Database.Clock).SeedIfEmptyAsync(db));
        Assert.Equal(products, await db.Products.CountAsync());
        Assert.Equal(reviews, await db.Reviews.CountAsync());
    }
}
