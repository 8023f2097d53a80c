using System.Text.Json;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Data.Seeding;

/// <summary>
/// Fills an empty catalog with the demo store in <c>demo-catalog.json</c> (embedded in this assembly):
/// categories, products with images that ship in the web project's wwwroot, and reviews.
/// </summary>
public sealed class DemoCatalogSeeder(TimeProvider clock)
{
    public async Task<bool> SeedIfEmptyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Products.AnyAsync(cancellationToken) || await db.Categories.AnyAsync(cancellationToken)) return false;

        var catalog = Load();
        var now = clock.GetUtcNow().UtcDateTime;

        var categoriesBySlug = new Dictionary<string, Category>(StringComparer.Ordinal);
        void AddCategory(DemoCategory source, Category? parent, int order)
        {
            var category = new Category
            {
                Name = source.Name,
                Slug = source.Slug,
                Description = source.Description,
                ImageUrl = source.Image,
                Parent = parent,
                SortOrder = order,
            };
            categoriesBySlug.Add(source.Slug, category);
            db.Categories.Add(category);
            var childOrder = 0;
            foreach (var child in source.Children ?? []) AddCategory(child, category, childOrder++);
        }
        var rootOrder = 0;
        foreach (var root in catalog.Categories) AddCategory(root, null, rootOrder++);

        var products = new List<(DemoProduct Source, Product Entity)>();
        foreach (var (source, index) in catalog.Products.Select((p, i) => (p, i)))
        {
            // Spread creation times within the day so that "newest" has a stable order.
            var created = now.AddDays(-source.DaysAgo).AddMinutes(-index);
            var reviews = source.Reviews ?? [];
            var product = new Product
            {
                Name = source.Name,
                Slug = source.Slug,
                Sku = source.Sku,
                Description = source.Description,
                LongDescription = source.LongDescription,
                PriceCents = Money.FromDecimal(source.Price).Cents,
                CompareAtPriceCents = source.CompareAtPrice is { } was ? Money.FromDecimal(was).Cents : null,
                Stock = source.Stock,
                Category = categoriesBySlug.GetValueOrDefault(source.Category)
                    ?? throw new InvalidOperationException($"Demo product {source.Sku} names unknown category '{source.Category}'."),
                IsFeatured = source.Featured,
                Tags = source.Tags ?? [],
                Attributes = (source.Attributes ?? []).Select(a => new ProductAttribute { Name = a.Name, Value = a.Value }).ToList(),
                Specifications = (source.Specifications ?? []).Select(s => new ProductSpecification { Name = s.Name, Value = s.Value }).ToList(),
                Images = (source.Images ?? []).Select((image, i) => new ProductImage
                {
                    Url = image.Url,
                    AltText = image.Alt,
                    IsPrimary = i == 0,
                    SortOrder = i,
                }).ToList(),
                ReviewCount = reviews.Count,
                Rating = reviews.Count == 0 ? 0 : reviews.Average(r => r.Rating),
                CreatedAt = created,
                UpdatedAt = created,
            };
            db.Products.Add(product);
            products.Add((source, product));
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (source, product) in products)
        {
            foreach (var review in source.Reviews ?? [])
            {
                var written = now.AddDays(-review.DaysAgo);
                db.Reviews.Add(new Review
                {
                    ProductId = product.Id,
                    AuthorName = review.Author,
                    Rating = review.Rating,
                    Title = review.Title,
                    Comment = review.Comment,
                    CreatedAt = written,
                    UpdatedAt = written,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static DemoCatalog Load()
    {
        using var stream = typeof(DemoCatalogSeeder).Assembly.GetManifestResourceStream("Ecommerce.Shared.Data.Seeding.demo-catalog.json")
            ?? throw new InvalidOperationException("The demo catalog resource is missing from the assembly.");
        return JsonSerializer.Deserialize<DemoCatalog>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The demo catalog is empty.");
    }

    public sealed record DemoCatalog(List<DemoCategory> Categories, List<DemoProduct> Products);

    public sealed record DemoCategory(string Name, string Slug, string? Description, string? Image, List<DemoCategory>? Children);

    public sealed record DemoNameValue(string Name, string Value);

    public sealed record DemoImage(string Url, string Alt);

    public sealed record DemoReview(string Author, int Rating, string? Title, string? Comment, int DaysAgo);

    public sealed record DemoProduct(
        string Name,
        string Slug,
        string Sku,
        string Category,
        string Description,
        string? LongDescription,
        decimal Price,
        decimal? CompareAtPrice,
        int Stock,
        bool Featured,
        int DaysAgo,
        List<string>? Tags,
        List<DemoNameValue>? Attributes,
        List<DemoNameValue>? Specifications,
        List<DemoImage>? Images,
        List<DemoReview>? Reviews);
}
