using Ecommerce.Shared.Catalog;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Catalog;

/// <summary>
/// Home › Kitchen › Knives with a chef knife (reviews, specifications) and seven other knives (one archived), a
/// pan directly in Kitchen and a product without a category.
/// </summary>
public sealed class DetailsCatalogFixture : IAsyncLifetime
{
    public static readonly DateTime Now = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    public TestDatabase Database { get; } = new();
    public CatalogService Catalog { get; private set; } = default!;
    public Dictionary<string, Product> Products { get; } = [];
    public Dictionary<string, Category> Categories { get; } = [];

    public async Task InitializeAsync()
    {
        await using var db = Database.CreateContext();
        var home = Categories["home"] = await db.AddCategoryAsync("Home");
        var kitchen = Categories["kitchen"] = await db.AddCategoryAsync("Kitchen", home);
        var knives = Categories["knives"] = await db.AddCategoryAsync("Knives", kitchen);

        var chef = Products["chef"] = await db.AddProductAsync("Chef Knife", 89m, knives, compareAt: 99m, rating: 4, reviewCount: 3,
            description: "An all-round 20 cm knife.",
            longDescription: "Forged from one piece of steel.\n\nHand-sharpened.",
            attributes: [("Handle", "Walnut")],
            specifications: [("Blade", "20 cm"), ("Steel", "VG-10"), ("Weight", "210 g")]);
        await db.AddReviewAsync(chef, "Old Review", 5, Now.AddDays(-10), "Great", "Still sharp.");
        await db.AddReviewAsync(chef, "Newest Review", 4, Now.AddDays(-2), "Good", "Nice balance.");
        await db.AddReviewAsync(chef, "Hidden Review", 1, Now.AddDays(-1), "Spam", "Buy cheap watches.", hidden: true);
        await db.AddReviewAsync(chef, "Middle Review", 3, Now.AddDays(-5));

        double[] ratings = [2.0, 4.8, 3.5, 4.9, 1.0, 4.1];
        for (var i = 0; i < ratings.Length; i++)
            Products[$"knife{i}"] = await db.AddProductAsync($"Paring Knife {i}", 20m + i, knives, rating: ratings[i], reviewCount: 1);
        Products["archived"] = await db.AddProductAsync("Archived Cleaver", 40m, knives, rating: 5.0, reviewCount: 50, status: ProductStatus.Archived);
        Products["pan"] = await db.AddProductAsync("Frying Pan", 45m, kitchen, rating: 5.0, reviewCount: 8);
        Products["orphan"] = await db.AddProductAsync("Gift Card", 25m);

        Catalog = Database.CreateCatalogService();
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

public class CatalogProductDetailsTests(DetailsCatalogFixture fixture) : IClassFixture<DetailsCatalogFixture>
{
    private Product Chef => fixture.Products["chef"];

    [Fact]
    public async Task Finds_a_product_by_id_and_by_slug()
    {
        var byId = await fixture.Catalog.GetProductAsync(Chef.Id);
        var bySlug = await fixture.Catalog.GetProductBySlugAsync("chef-knife");
        Assert.NotNull(byId);
        Assert.NotNull(bySlug);
        Assert.Equal(Chef.Id, byId.Summary.Id);
        Assert.Equal(Chef.Id, bySlug.Summary.Id);
        Assert.Equal("Chef Knife", bySlug.Summary.Name);
        Assert.Equal("Forged from one piece of steel.\n\nHand-sharpened.", byId.LongDescription);
        Assert.Equal([new NameValue("Handle", "Walnut")], byId.Summary.Attributes);
    }

    [Fact]
    public async Task Unknown_and_archived_products_are_not_found()
    {
        Assert.Null(await fixture.Catalog.GetProductAsync(999_999));
        Assert.Null(await fixture.Catalog.GetProductBySlugAsync("no-such-product"));
        Assert.Null(await fixture.Catalog.GetProductAsync(fixture.Products["archived"].Id));
        Assert.Null(await fixture.Catalog.GetProductBySlugAsync("archived-cleaver"));
    }

    [Fact]
    public async Task Reviews_are_newest_first_without_hidden_ones()
    {
        var details = await fixture.Catalog.GetProductAsync(Chef.Id);
        Assert.Equal(["Newest Review", "Middle Review", "Old Review"], details!.Reviews.Select(r => r.UserName));
        var newest = details.Reviews[0];
        Assert.Equal(4, newest.Rating);
        Assert.Equal("Good", newest.Title);
        Assert.Equal("Nice balance.", newest.Comment);
        Assert.Equal(DetailsCatalogFixture.Now.AddDays(-2), newest.CreatedAt);
        Assert.Null(newest.UserId);
        Assert.DoesNotContain(details.Reviews, r => r.UserName == "Hidden Review");
    }

    [Fact]
    public async Task Specifications_are_in_their_order()
    {
        var details = await fixture.Catalog.GetProductAsync(Chef.Id);
        Assert.Equal(
            [new NameValue("Blade", "20 cm"), new NameValue("Steel", "VG-10"), new NameValue("Weight", "210 g")],
            details!.Specifications);
    }

    [Fact]
    public async Task Breadcrumbs_run_from_the_root_to_the_products_category()
    {
        var details = await fixture.Catalog.GetProductBySlugAsync("chef-knife");
        Assert.Equal(["Home", "Kitchen", "Knives"], details!.Breadcrumbs.Select(c => c.Name));
        Assert.Equal(["home", "kitchen", "knives"], details.Breadcrumbs.Select(c => c.Slug));
        Assert.Equal(fixture.Categories["knives"].Id, details.Breadcrumbs[^1].Id);

        var pan = await fixture.Catalog.GetProductBySlugAsync("frying-pan");
        Assert.Equal(["Home", "Kitchen"], pan!.Breadcrumbs.Select(c => c.Name));
    }

    [Fact]
    public async Task Related_products_are_the_best_rated_four_of_the_same_category()
    {
        var details = await fixture.Catalog.GetProductAsync(Chef.Id);
        var related = details!.RelatedProducts;
        Assert.Equal(4, related.Count);
        // Ratings 4.9, 4.8, 4.1, 3.5 — not the archived cleaver (5.0), not the pan of the parent category (5.0), not itself.
        Assert.Equal(["Paring Knife 3", "Paring Knife 1", "Paring Knife 5", "Paring Knife 2"], related.Select(p => p.Name));
        Assert.DoesNotContain(related, p => p.Id == Chef.Id);
        Assert.All(related, p => Assert.Equal("knives", p.Category?.Slug));
    }

    [Fact]
    public async Task A_related_list_never_includes_the_product_itself()
    {
        var knife = await fixture.Catalog.GetProductAsync(fixture.Products["knife3"].Id);
        Assert.DoesNotContain(knife!.RelatedProducts, p => p.Id == fixture.Products["knife3"].Id);
        Assert.DoesNotContain(knife.RelatedProducts, p => p.Id == fixture.Products["archived"].Id);
        Assert.Equal(4, knife.RelatedProducts.Count);
    }

    [Fact]
    public async Task A_product_without_category_has_no_breadcrumbs_or_related_products()
    {
        var card = await fixture.Catalog.GetProductBySlugAsync("gift-card");
        Assert.NotNull(card);
        Assert.Null(card.Summary.Category);
        Assert.Empty(card.Breadcrumbs);
        Assert.Empty(card.RelatedProducts);
        Assert.Empty(card.Reviews);
        Assert.Empty(card.Specifications);
    }

    [Fact]
    public async Task Only_the_latest_50_reviews_are_shown()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            var product = await db.AddProductAsync("Popular Mug", 12m);
            for (var i = 0; i < 55; i++)
                await db.AddReviewAsync(product, $"Reviewer {i}", 5, DetailsCatalogFixture.Now.AddHours(-i));
        }
        var details = await database.CreateCatalogService().GetProductBySlugAsync("popular-mug");
        Assert.Equal(CatalogService.ReviewsOnProductPage, details!.Reviews.Count);
        Assert.Equal("Reviewer 0", details.Reviews[0].UserName);
        Assert.Equal("Reviewer 49", details.Reviews[^1].UserName);
    }
}
