using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Catalog;

/// <summary>Products with words in different fields, for search tests that only read.</summary>
public sealed class SearchCatalogFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public CatalogService Catalog { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await using var db = Database.CreateContext();
        var category = await db.AddCategoryAsync("Everything");
        await db.AddProductAsync("Wireless Headphones", 129m, category, sku: "WH-1", tags: ["bluetooth"], description: "Over-ear with noise cancelling.");
        await db.AddProductAsync("Headphone Stand", 19m, category, sku: "HS-1", description: "Holds wireless headphones.");
        await db.AddProductAsync("Café Crème Beans", 14m, category, sku: "COF-1", description: "A dark roast.");
        await db.AddProductAsync("Travel Mug", 24m, category, sku: "MUG-1", tags: ["insulated", "coffee"], description: "Keeps drinks hot.");
        // The description-only match is older and better rated, so only relevance can put the name match first.
        await db.AddProductAsync("Teapot", 35m, category, sku: "TEA-1", description: "Pairs well with a kettle.", rating: 5, reviewCount: 10);
        await db.AddProductAsync("Gooseneck Kettle", 59m, category, sku: "KET-1", description: "Pour-over for tea.", rating: 3, reviewCount: 1);
        await db.AddProductAsync("Desk Lamp 1", 45m, category, sku: "DL-9", description: "A lamp for the desk, model 1.");
        await db.AddProductAsync("Bulb", 5m, category, sku: "LAMP-1", description: "A spare bulb.");
        await db.AddProductAsync("Mystery Box", 9m, category, sku: "ZX-42", description: "What is inside?");
        await db.AddProductAsync("Archived Headphones", 99m, category, sku: "AH-1", status: ProductStatus.Archived);
        for (var i = 1; i <= 5; i++)
            await db.AddProductAsync($"Widget {i}", i, category, sku: $"WID-{i}", tags: ["pagingtag"], rating: i);
        Catalog = Database.CreateCatalogService();
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

public class CatalogSearchTests(SearchCatalogFixture fixture) : IClassFixture<SearchCatalogFixture>
{
    private async Task<SearchResult> Search(string q, int pageNumber = 1, int pageSize = 20)
    {
        var result = await fixture.Catalog.SearchAsync(q, pageNumber, pageSize);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    private async Task<List<string>> Names(string q) => (await Search(q)).Page.Items.Select(p => p.Name).ToList();

    [Theory]
    [InlineData("gooseneck", "Gooseneck Kettle")]      // name
    [InlineData("roast", "Café Crème Beans")]          // description
    [InlineData("insulated", "Travel Mug")]            // tag
    [InlineData("ZX-42", "Mystery Box")]               // SKU
    [InlineData("zx", "Mystery Box")]                  // part of a SKU
    public async Task Matches_name_description_tags_and_sku(string q, string expected)
    {
        Assert.Equal([expected], await Names(q));
    }

    [Theory]
    [InlineData("CAFE")]
    [InlineData("cafe")]
    [InlineData("Café")]
    [InlineData("CRÈME")]
    [InlineData("creme beans")]
    public async Task Is_case_and_accent_insensitive(string q)
    {
        Assert.Equal(["Café Crème Beans"], await Names(q));
    }

    [Fact]
    public async Task Matches_word_prefixes()
    {
        var names = await Names("headph");
        Assert.Equal(["Headphone Stand", "Wireless Headphones"], names.Order());
        Assert.Equal(["Travel Mug"], await Names("insul"));
    }

    [Fact]
    public async Task Requires_every_word()
    {
        Assert.Equal(["Headphone Stand"], await Names("wireless stand"));
        Assert.Empty(await Names("wireless kettle"));
    }

    [Fact]
    public async Task An_exact_sku_ranks_first()
    {
        // "Desk Lamp 1" matches "lamp" and "1" in its name, "Bulb" only through its SKU.
        var names = await Names("lamp-1");
        Assert.Equal(["Bulb", "Desk Lamp 1"], names);
        Assert.Equal("Bulb", (await Names("LAMP-1"))[0]);
    }

    [Fact]
    public async Task Name_matches_rank_above_description_matches()
    {
        Assert.Equal(["Gooseneck Kettle", "Teapot"], await Names("kettle"));
        Assert.Equal(["Wireless Headphones", "Headphone Stand"], await Names("wireless headphones"));
        Assert.Equal("Wireless Headphones", (await Names("headphones"))[0]);
    }

    [Fact]
    public async Task Archived_products_are_never_found()
    {
        Assert.DoesNotContain("Archived Headphones", await Names("headphones"));
        Assert.Empty(await Names("archived"));
        Assert.Empty(await Names("AH-1"));
    }

    [Fact]
    public async Task Pages_through_results()
    {
        var first = await Search("pagingtag", 1, 2);
        Assert.Equal(5, first.Page.TotalCount);
        Assert.Equal(3, first.Page.TotalPages);
        Assert.Equal(2, first.Page.Items.Count);
        Assert.True(first.Page.HasNextPage);

        var last = await Search("pagingtag", 3, 2);
        Assert.Single(last.Page.Items);
        Assert.False(last.Page.HasNextPage);
        Assert.True(last.Page.HasPreviousPage);

        var beyond = await Search("pagingtag", 4, 2);
        Assert.Empty(beyond.Page.Items);
        Assert.Equal(5, beyond.Page.TotalCount);

        var all = new List<string>();
        for (var n = 1; n <= 3; n++) all.AddRange((await Search("pagingtag", n, 2)).Page.Items.Select(p => p.Name));
        Assert.Equal(5, all.Distinct().Count());
    }

    [Theory]
    [InlineData(int.MaxValue, 100)]
    [InlineData(int.MaxValue, 2)]
    public async Task A_page_number_far_past_the_end_is_an_empty_page(int pageNumber, int pageSize)
    {
        var result = await Search("pagingtag", pageNumber, pageSize);
        Assert.Empty(result.Page.Items);
        Assert.Equal(5, result.Page.TotalCount);
    }

    [Fact]
    public async Task Equal_matches_are_ordered_by_rating()
    {
        Assert.Equal(["Widget 5", "Widget 4", "Widget 3", "Widget 2", "Widget 1"], await Names("pagingtag"));
    }

    [Fact]
    public async Task Returns_the_trimmed_query()
    {
        var result = await Search("  travel   mug ");
        Assert.Equal("travel   mug", result.Query);
        Assert.Equal(["Travel Mug"], result.Page.Items.Select(p => p.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_query_is_a_validation_error_on_q(string? q)
    {
        var result = await fixture.Catalog.SearchAsync(q);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.ValidationError, error.Code);
        Assert.Equal("q", error.Field);
    }

    [Fact]
    public async Task A_query_over_200_characters_is_a_validation_error_on_q()
    {
        var result = await fixture.Catalog.SearchAsync(new string('a', 201));
        Assert.Equal("q", Assert.Single(result.Errors).Field);
        Assert.True((await fixture.Catalog.SearchAsync(new string('a', 200))).Succeeded);
    }

    [Theory]
    [InlineData(0, 20, "pageNumber")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 101, "pageSize")]
    public async Task Bad_paging_is_a_validation_error(int pageNumber, int pageSize, string field)
    {
        var result = await fixture.Catalog.SearchAsync("mug", pageNumber, pageSize);
        Assert.Equal(field, Assert.Single(result.Errors).Field);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("-- ... ??")]
    [InlineData("\"*\"")]
    public async Task A_query_of_punctuation_only_finds_nothing(string q)
    {
        var result = await Search(q);
        Assert.Empty(result.Page.Items);
        Assert.Equal(0, result.Page.TotalCount);
    }

    [Theory]
    [InlineData("mug OR kettle")]
    [InlineData("mug AND")]
    [InlineData("NOT mug")]
    [InlineData("\"mug")]
    [InlineData("mug*")]
    [InlineData("name:mug")]
    [InlineData("(mug")]
    [InlineData("NEAR(mug kettle)")]
    [InlineData("mug^2 -kettle")]
    public async Task Search_syntax_in_the_query_is_treated_as_words(string q)
    {
        var result = await fixture.Catalog.SearchAsync(q);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Operator_words_are_plain_words()
    {
        Assert.Equal(["Travel Mug"], await Names("mug*"));
        Assert.Empty(await Names("mug OR kettle"));
    }
}

/// <summary>The search index is an FTS5 table kept in step by triggers: every write path must update it.</summary>
public class ProductSearchIndexTests
{
    [Fact]
    public async Task A_renamed_product_is_found_by_its_new_name_only()
    {
        using var database = new TestDatabase();
        int id;
        await using (var db = database.CreateContext())
            id = (await db.AddProductAsync("Harbor Lantern", 30m, sku: "HL-1")).Id;
        var catalog = database.CreateCatalogService();
        Assert.Single((await catalog.SearchAsync("lantern")).Value.Page.Items);

        await using (var db = database.CreateContext())
        {
            var product = await db.Products.SingleAsync(p => p.Id == id);
            product.Name = "Seaside Beacon";
            await db.SaveChangesAsync();
        }

        Assert.Equal([id], (await catalog.SearchAsync("beacon")).Value.Page.Items.Select(p => p.Id));
        Assert.Equal("Seaside Beacon", (await catalog.SearchAsync("seaside")).Value.Page.Items.Single().Name);
        Assert.Empty((await catalog.SearchAsync("lantern")).Value.Page.Items);
        Assert.Equal(0, (await catalog.SearchAsync("lantern")).Value.Page.TotalCount);
    }

    [Fact]
    public async Task Changed_description_tags_and_sku_are_searchable()
    {
        using var database = new TestDatabase();
        int id;
        await using (var db = database.CreateContext())
            id = (await db.AddProductAsync("Plain Box", 3m, sku: "OLD-1", description: "cardboard", tags: ["brown"])).Id;
        var catalog = database.CreateCatalogService();

        await using (var db = database.CreateContext())
        {
            var product = await db.Products.SingleAsync(p => p.Id == id);
            product.Description = "corrugated";
            product.Tags = ["recyclable"];
            product.Sku = "NEW-9";
            await db.SaveChangesAsync();
        }

        foreach (var q in new[] { "corrugated", "recyclable", "NEW-9" })
            Assert.Equal([id], (await catalog.SearchAsync(q)).Value.Page.Items.Select(p => p.Id));
        foreach (var q in new[] { "cardboard", "brown", "OLD-1" })
            Assert.Empty((await catalog.SearchAsync(q)).Value.Page.Items);
    }

    [Fact]
    public async Task Products_written_with_ExecuteUpdate_are_reindexed()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
            await db.AddProductAsync("Rope Ladder", 40m, sku: "RL-1");
        await using (var db = database.CreateContext())
            await db.Products.ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Knotted Rope"));

        var catalog = database.CreateCatalogService();
        Assert.Single((await catalog.SearchAsync("knotted")).Value.Page.Items);
        Assert.Empty((await catalog.SearchAsync("ladder")).Value.Page.Items);
    }

    [Fact]
    public async Task A_deleted_product_is_gone_from_search()
    {
        using var database = new TestDatabase();
        int id;
        await using (var db = database.CreateContext())
        {
            id = (await db.AddProductAsync("Driftwood Frame", 25m)).Id;
            await db.AddProductAsync("Driftwood Shelf", 45m);
        }
        var catalog = database.CreateCatalogService();
        Assert.Equal(2, (await catalog.SearchAsync("driftwood")).Value.Page.TotalCount);

        await using (var db = database.CreateContext())
        {
            db.Products.Remove(await db.Products.SingleAsync(p => p.Id == id));
            await db.SaveChangesAsync();
        }

        var result = (await catalog.SearchAsync("driftwood")).Value.Page;
        Assert.Equal(1, result.TotalCount);
        Assert.Equal(["Driftwood Shelf"], result.Items.Select(p => p.Name));
        Assert.Empty((await catalog.SearchAsync("frame")).Value.Page.Items);
    }

    [Fact]
    public async Task An_archived_product_leaves_search_and_comes_back_when_restored()
    {
        using var database = new TestDatabase();
        int id;
        await using (var db = database.CreateContext())
            id = (await db.AddProductAsync("Brass Compass", 35m)).Id;
        var catalog = database.CreateCatalogService();

        await using (var db = database.CreateContext())
            await db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProductStatus.Archived));
        Assert.Empty((await catalog.SearchAsync("compass")).Value.Page.Items);

        await using (var db = database.CreateContext())
            await db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProductStatus.Active));
        Assert.Single((await catalog.SearchAsync("compass")).Value.Page.Items);
    }
}
