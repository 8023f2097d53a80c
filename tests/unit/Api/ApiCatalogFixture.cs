using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Data.Seeding;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// The store with the demo catalog, one product of which is archived before any request, shared by API tests
/// that only read. Expectations are computed from the demo catalog file.
/// </summary>
public sealed class ApiCatalogFixture : IAsyncLifetime
{
    public const string ArchivedSlug = "driftwood-duo-bookshelf-speakers";

    public StoreApp App { get; } = new();
    public HttpClient Client { get; private set; } = default!;
    public DemoCatalogSeeder.DemoCatalog Source { get; } = DemoCatalogSeeder.Load();
    public int ArchivedId { get; private set; }
    public Dictionary<string, int> IdsBySlug { get; private set; } = [];

    /// <summary>The demo products still listed (all but the archived one).</summary>
    public IReadOnlyList<DemoCatalogSeeder.DemoProduct> Active => Source.Products.Where(p => p.Slug != ArchivedSlug).ToList();

    public async Task InitializeAsync()
    {
        Client = App.CreateRawClient();
        ArchivedId = await App.WithDbAsync(async db =>
        {
            var product = await db.Products.SingleAsync(p => p.Slug == ArchivedSlug);
            product.Status = ProductStatus.Archived;
            await db.SaveChangesAsync();
            return product.Id;
        });
        IdsBySlug = await App.WithDbAsync(db => db.Products.ToDictionaryAsync(p => p.Slug, p => p.Id));
    }

    /// <summary>The slugs of a demo category and of every category below it.</summary>
    public HashSet<string> SelfAndDescendants(string slug)
    {
        static IEnumerable<DemoCatalogSeeder.DemoCategory> All(IEnumerable<DemoCatalogSeeder.DemoCategory> categories) =>
            categories.SelectMany(c => new[] { c }.Concat(All(c.Children ?? [])));
        var category = All(Source.Categories).Single(c => c.Slug == slug);
        return All([category]).Select(c => c.Slug).ToHashSet();
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}
