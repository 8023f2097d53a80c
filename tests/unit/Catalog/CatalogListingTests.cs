using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Catalog;

/// <summary>
/// A small catalog with known names, prices, dates and ratings, shared by tests that only read it:
/// Kitchen (3 products); Electronics (a lamp) › Audio (a speaker, an archived radio) › Headphones (1);
/// Electronics › Cables (1); Empty (none).
/// </summary>
public sealed class ListingCatalogFixture : IAsyncLifetime
{
    public static readonly DateTime Now = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    public TestDatabase Database { get; } = new();
    public CatalogService Catalog { get; private set; } = default!;
    public Dictionary<string, Product> Products { get; } = [];
    public Dictionary<string, Category> Categories { get; } = [];

    public async Task InitializeAsync()
    {
        await using var db = Database.CreateContext();
        var kitchen = Categories["kitchen"] = await db.AddCategoryAsync("Kitchen", sortOrder: 0);
        var electronics = Categories["electronics"] = await db.AddCategoryAsync("Electronics", sortOrder: 1);
        Categories["empty"] = await db.AddCategoryAsync("Empty", sortOrder: 2);
        var audio = Categories["audio"] = await db.AddCategoryAsync("Audio", electronics, sortOrder: 0);
        var cables = Categories["cables"] = await db.AddCategoryAsync("Cables", electronics, sortOrder: 1);
        var headphones = Categories["headphones"] = await db.AddCategoryAsync("Headphones", audio);

        async Task Add(string name, decimal price, Category category, int daysAgo, double rating, int reviews,
            decimal? compareAt = null, ProductStatus status = ProductStatus.Active, int stock = 10) =>
            Products[name] = await db.AddProductAsync(name, price, category, stock: stock, rating: rating, reviewCount: reviews,
                createdAt: Now.AddDays(-daysAgo), compareAt: compareAt, status: status, tags: ["test"]);

        await Add("apple Peeler", 10.00m, kitchen, 10, 4.0, 2);
        await Add("Banana Slicer", 9.99m, kitchen, 9, 4.0, 5);
        await Add("cherry Pitter", 10.01m, kitchen, 8, 3.0, 1);
        await Add("Studio Headphones", 129.00m, headphones, 7, 4.5, 4, compareAt: 159.00m, stock: 3);
        await Add("Bookshelf Speaker", 99.00m, audio, 6, 5.0, 1);
        await Add("USB Cable", 10.00m, cables, 5, 0, 0, stock: 0);
        await Add("Desk Lamp", 20.00m, electronics, 4, 4.0, 2);
        await Add("Archived Radio", 50.00m, audio, 1, 5.0, 9, status: ProductStatus.Archived);

        Catalog = Database.CreateCatalogService();
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

public class CatalogListingTests(ListingCatalogFixture fixture) : IClassFixture<ListingCatalogFixture>
{
    private async Task<PagedResult<ProductSummary>> List(ProductListQuery query)
    {
        var result = await fixture.Catalog.ListProductsAsync(query);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    private async Task<List<string>> Names(ProductListQuery query) =>
        (await List(query with { PageSize = 100 })).Items.Select(p => p.Name).ToList();

    [Fact]
    public async Task Lists_active_products_newest_first_by_default()
    {
        Assert.Equal(
            ["Desk Lamp", "USB Cable", "Bookshelf Speaker", "Studio Headphones", "cherry Pitter", "Banana Slicer", "apple Peeler"],
            await Names(new ProductListQuery()));
    }

    [Fact]
    public async Task Archived_products_are_never_listed()
    {
        var page = await List(new ProductListQuery { PageSize = 100 });
        Assert.Equal(7, page.TotalCount);
        Assert.DoesNotContain(page.Items, p => p.Name == "Archived Radio");
        Assert.DoesNotContain("Archived Radio", await Names(new ProductListQuery { Category = "audio" }));
        Assert.DoesNotContain("Archived Radio", await Names(new ProductListQuery { SortBy = "rating" }));
    }

    [Theory]
    [InlineData("electronics", new[] { "Desk Lamp", "USB Cable", "Bookshelf Speaker", "Studio Headphones" })]
    [InlineData("audio", new[] { "Bookshelf Speaker", "Studio Headphones" })]
    [InlineData("headphones", new[] { "Studio Headphones" })]
    [InlineData("cables", new[] { "USB Cable" })]
    [InlineData("kitchen", new[] { "cherry Pitter", "Banana Slicer", "apple Peeler" })]
    [InlineData("empty", new string[0])]
    public async Task A_category_includes_its_sub_categories_at_every_level(string category, string[] expected)
    {
        var page = await List(new ProductListQuery { Category = category, PageSize = 100 });
        Assert.Equal(expected, page.Items.Select(p => p.Name));
        Assert.Equal(expected.Length, page.TotalCount);
    }

    [Theory]
    [InlineData("ELECTRONICS")]
    [InlineData(" electronics ")]
    public async Task Category_slugs_are_matched_ignoring_case_and_spaces(string category)
    {
        Assert.Equal(4, (await List(new ProductListQuery { Category = category })).TotalCount);
    }

    [Fact]
    public async Task An_unknown_category_is_an_empty_page()
    {
        var page = await List(new ProductListQuery { Category = "no-such-category", PageNumber = 2, PageSize = 5 });
        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
        Assert.Equal(0, page.TotalPages);
        Assert.Equal(2, page.PageNumber);
        Assert.Equal(5, page.PageSize);
    }

    [Fact]
    public async Task Price_limits_are_inclusive_to_the_cent()
    {
        Assert.Equal(["USB Cable", "cherry Pitter", "apple Peeler"],
            await Names(new ProductListQuery { MinPrice = 10.00m, MaxPrice = 10.01m }));
        Assert.Equal(["Banana Slicer"], await Names(new ProductListQuery { MaxPrice = 9.99m }));
        Assert.Equal(["cherry Pitter"], await Names(new ProductListQuery { MinPrice = 10.01m, MaxPrice = 10.01m }));
        Assert.Equal(["Studio Headphones"], await Names(new ProductListQuery { MinPrice = 129m }));
        Assert.Empty(await Names(new ProductListQuery { MinPrice = 129.01m }));
        Assert.Equal(7, (await List(new ProductListQuery { MinPrice = 0m })).TotalCount);
    }

    [Fact]
    public async Task Price_and_category_filters_combine()
    {
        Assert.Equal(["Desk Lamp", "USB Cable"], await Names(new ProductListQuery { Category = "electronics", MaxPrice = 20m }));
    }

    [Fact]
    public async Task Sorts_by_name_ignoring_case()
    {
        string[] ascending = ["apple Peeler", "Banana Slicer", "Bookshelf Speaker", "cherry Pitter", "Desk Lamp", "Studio Headphones", "USB Cable"];
        Assert.Equal(ascending, await Names(new ProductListQuery { SortBy = "name" }));
        Assert.Equal(ascending, await Names(new ProductListQuery { SortBy = "name", SortOrder = "asc" }));
        Assert.Equal(ascending.Reverse(), await Names(new ProductListQuery { SortBy = "name", SortOrder = "desc" }));
    }

    [Fact]
    public async Task Sorts_by_price_with_ties_broken_by_id()
    {
        string[] ascending = ["Banana Slicer", "apple Peeler", "USB Cable", "cherry Pitter", "Desk Lamp", "Bookshelf Speaker", "Studio Headphones"];
        Assert.Equal(ascending, await Names(new ProductListQuery { SortBy = "price" }));
        Assert.Equal(ascending.Reverse(), await Names(new ProductListQuery { SortBy = "price", SortOrder = "desc" }));
    }

    [Fact]
    public async Task Sorts_by_creation_time()
    {
        string[] oldestFirst = ["apple Peeler", "Banana Slicer", "cherry Pitter", "Studio Headphones", "Bookshelf Speaker", "USB Cable", "Desk Lamp"];
        Assert.Equal(oldestFirst, await Names(new ProductListQuery { SortBy = "createdAt", SortOrder = "asc" }));
        Assert.Equal(oldestFirst.Reverse(), await Names(new ProductListQuery { SortBy = "createdAt", SortOrder = "desc" }));
        Assert.Equal(oldestFirst.Reverse(), await Names(new ProductListQuery { SortBy = "createdAt" }));
    }

    [Fact]
    public async Task Sorts_by_rating_then_review_count_then_id()
    {
        // Speaker 5.0; Headphones 4.5; Banana 4.0 (5 reviews); Lamp and apple 4.0 (2 reviews, Lamp has the higher id); cherry 3.0; USB 0.
        string[] best = ["Bookshelf Speaker", "Studio Headphones", "Banana Slicer", "Desk Lamp", "apple Peeler", "cherry Pitter", "USB Cable"];
        Assert.Equal(best, await Names(new ProductListQuery { SortBy = "rating" }));
        Assert.Equal(best, await Names(new ProductListQuery { SortBy = "rating", SortOrder = "desc" }));
        Assert.Equal(best.Reverse(), await Names(new ProductListQuery { SortBy = "rating", SortOrder = "asc" }));
    }

    [Fact]
    public async Task Pages_through_the_listing()
    {
        var first = await List(new ProductListQuery { SortBy = "name", PageSize = 3 });
        Assert.Equal(["apple Peeler", "Banana Slicer", "Bookshelf Speaker"], first.Items.Select(p => p.Name));
        Assert.Equal((1, 3, 7, 3, false, true), (first.PageNumber, first.PageSize, first.TotalCount, first.TotalPages, first.HasPreviousPage, first.HasNextPage));

        var second = await List(new ProductListQuery { SortBy = "name", PageSize = 3, PageNumber = 2 });
        Assert.Equal(["cherry Pitter", "Desk Lamp", "Studio Headphones"], second.Items.Select(p => p.Name));
        Assert.True(second.HasPreviousPage);
        Assert.True(second.HasNextPage);

        var last = await List(new ProductListQuery { SortBy = "name", PageSize = 3, PageNumber = 3 });
        Assert.Equal(["USB Cable"], last.Items.Select(p => p.Name));
        Assert.Equal((7, 3, true, false), (last.TotalCount, last.TotalPages, last.HasPreviousPage, last.HasNextPage));

        var beyond = await List(new ProductListQuery { SortBy = "name", PageSize = 3, PageNumber = 4 });
        Assert.Empty(beyond.Items);
        Assert.Equal(7, beyond.TotalCount);
        Assert.Equal(3, beyond.TotalPages);
        Assert.Equal(4, beyond.PageNumber);
    }

    [Theory]
    [InlineData(int.MaxValue, 100)]
    [InlineData(int.MaxValue, 3)]
    [InlineData(1_000_000_000, 20)]
    public async Task A_page_number_far_past_the_end_is_an_empty_page(int pageNumber, int pageSize)
    {
        var page = await List(new ProductListQuery { PageNumber = pageNumber, PageSize = pageSize });
        Assert.Empty(page.Items);
        Assert.Equal(7, page.TotalCount);
        Assert.Equal(pageNumber, page.PageNumber);
    }

    [Theory]
    [InlineData("100000000000000000", null)]
    [InlineData(null, "100000000000000000")]
    [InlineData("79228162514264337593543950335", null)]
    public async Task A_huge_price_limit_is_not_an_exception(string? min, string? max)
    {
        var query = new ProductListQuery
        {
            MinPrice = min is null ? null : decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture),
            MaxPrice = max is null ? null : decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture),
        };
        var result = await fixture.Catalog.ListProductsAsync(query);
        if (result.Succeeded)
            Assert.Equal(min is null ? 7 : 0, result.Value.TotalCount);
        else
            Assert.Equal(min is null ? "maxPrice" : "minPrice", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task Default_page_size_is_20()
    {
        var page = await List(new ProductListQuery());
        Assert.Equal(20, page.PageSize);
        Assert.Equal(7, page.Items.Count);
    }

    [Fact]
    public async Task Invalid_queries_fail_with_the_field_named()
    {
        var result = await fixture.Catalog.ListProductsAsync(new ProductListQuery { PageNumber = 0, MinPrice = 20, MaxPrice = 10, SortBy = "colour" });
        Assert.False(result.Succeeded);
        Assert.Equal(["pageNumber", "minPrice", "sortBy"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCodes.ValidationError, e.Code));
    }

    [Fact]
    public async Task Summaries_carry_every_listed_field()
    {
        var page = await List(new ProductListQuery { Category = "headphones" });
        var product = Assert.Single(page.Items);
        var entity = fixture.Products["Studio Headphones"];

        Assert.Equal(entity.Id, product.Id);
        Assert.Equal("studio-headphones", product.Slug);
        Assert.Equal("SKU-STUDIO-HEADPHONES", product.Sku);
        Assert.Equal(new Money(12900), product.Price);
        Assert.Equal(new Money(15900), product.CompareAtPrice);
        Assert.True(product.IsOnSale);
        Assert.Equal(new CategoryRef(fixture.Categories["headphones"].Id, "Headphones", "headphones"), product.Category);
        var image = Assert.Single(product.Images);
        Assert.Equal(new ProductImageInfo("/images/products/studio-headphones.svg", "Studio Headphones", true), image);
        Assert.Equal(image, product.PrimaryImage);
        Assert.Equal(3, product.Stock);
        Assert.True(product.InStock);
        Assert.Equal(4.5, product.Rating);
        Assert.Equal(4, product.ReviewCount);
        Assert.Equal(["test"], product.Tags);
        Assert.Equal(ListingCatalogFixture.Now.AddDays(-7), product.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, product.CreatedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, product.UpdatedAt.Kind);

        var cable = Assert.Single((await List(new ProductListQuery { Category = "cables" })).Items);
        Assert.False(cable.InStock);
        Assert.Null(cable.CompareAtPrice);
        Assert.False(cable.IsOnSale);
    }
}
