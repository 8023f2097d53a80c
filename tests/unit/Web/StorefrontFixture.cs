using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Data.Seeding;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Web;

/// <summary>
/// The store with the demo catalog plus a "Paging Test" category (under Stationery &amp; Books) of 30 products, so
/// that a listing has a second page. Set up before any request; the tests only read.
/// </summary>
public sealed class StorefrontFixture : IAsyncLifetime
{
    public const string PagingSlug = "paging-test";
    public const int PagingProducts = 30;

    public StoreApp App { get; } = new();
    public HttpClient Client { get; private set; } = default!;
    public DemoCatalogSeeder.DemoCatalog Source { get; } = DemoCatalogSeeder.Load();

    public async Task InitializeAsync()
    {
        Client = App.CreateRawClient();
        await App.WithDbAsync(async db =>
        {
            var parent = await db.Categories.SingleAsync(c => c.Slug == "stationery-books");
            var paging = await db.AddCategoryAsync("Paging Test", parent, sortOrder: 99, description: "Thirty products for paging.");
            // Prices and names in different orders, so that each sort shows.
            for (var i = 1; i <= PagingProducts; i++)
                await db.AddProductAsync($"Pager Item {(i * 7 % PagingProducts) + 1:D2}", 100m + i, paging, sku: $"PAGER-{i:D2}",
                    createdAt: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i));
        });
        App.Services.GetRequiredService<CategoryDirectory>().Invalidate();
    }

    /// <summary>The demo products of a category and of every category below it.</summary>
    public List<DemoCatalogSeeder.DemoProduct> ProductsUnder(string slug)
    {
        static IEnumerable<DemoCatalogSeeder.DemoCategory> All(IEnumerable<DemoCatalogSeeder.DemoCategory> categories) =>
            categories.SelectMany(c => new[] { c }.Concat(All(c.Children ?? [])));
        var slugs = All([All(Source.Categories).Single(c => c.Slug == slug)]).Select(c => c.Slug).ToHashSet();
        return Source.Products.Where(p => slugs.Contains(p.Category)).ToList();
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}
