using System.Globalization;
using Ecommerce.Shared.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ecommerce.Shared.Data.Seeding;

/// <summary>
/// Generates a large catalog of plausible products for benchmarks (<c>Seed:SyntheticProducts</c>). Generated
/// products have SKUs starting with <see cref="SkuPrefix"/>; running again only adds the missing ones. The
/// output is deterministic for a given count, so benchmark runs compare like with like.
/// </summary>
public sealed class SyntheticCatalogSeeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<SyntheticCatalogSeeder> logger)
{
    public const string SkuPrefix = "SYN-";
    private const int BatchSize = 2000;

    private static readonly string[] Adjectives =
        ["Classic", "Everyday", "Compact", "Premium", "Rugged", "Minimal", "Vintage", "Modern", "Coastal", "Alpine",
         "Urban", "Heritage", "Light", "Studio", "Field", "Harbor", "Summit", "Cedar", "Nordic", "Sunset"];
    private static readonly string[] Materials =
        ["Oak", "Steel", "Linen", "Cotton", "Ceramic", "Bamboo", "Leather", "Wool", "Glass", "Copper",
         "Canvas", "Walnut", "Aluminium", "Stoneware", "Merino", "Cork"];
    private static readonly string[] Nouns =
        ["Lamp", "Mug", "Backpack", "Speaker", "Notebook", "Tote", "Bottle", "Blanket", "Planter", "Clock",
         "Headphones", "Kettle", "Jacket", "Board Game", "Tray", "Candle", "Charger", "Scarf", "Pan", "Stool"];
    private static readonly string[] Colors = ["Black", "White", "Slate", "Sand", "Forest", "Navy", "Terracotta", "Sage", "Charcoal", "Ivory"];
    private static readonly string[] TagPool =
        ["gift", "bestseller", "eco", "handmade", "new", "limited", "travel", "home", "outdoor", "office", "kitchen", "kids", "sale", "classic"];

    public async Task EnsureAsync(int count, CancellationToken cancellationToken = default)
    {
        if (count <= 0) return;

        int existing;
        List<int> categoryIds;
        List<string> imageUrls;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            existing = await db.Products.CountAsync(p => p.Sku.StartsWith(SkuPrefix), cancellationToken);
            if (existing >= count) return;

            categoryIds = await db.Categories.Where(c => !db.Categories.Any(child => child.ParentId == c.Id))
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
            if (categoryIds.Count == 0)
            {
                var generated = new Category { Name = "Generated", Slug = "generated", Description = "Generated products for load tests." };
                db.Categories.Add(generated);
                await db.SaveChangesAsync(cancellationToken);
                categoryIds = [generated.Id];
            }
            imageUrls = await db.ProductImages.Where(i => i.IsPrimary).Select(i => i.Url).Distinct().OrderBy(u => u).ToListAsync(cancellationToken);
            if (imageUrls.Count == 0) imageUrls = ["/images/placeholder.svg"];
        }

        logger.LogInformation("Generating {Count} synthetic products ({Existing} already there)…", count - existing, existing);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var start = existing; start < count; start += BatchSize)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var end = Math.Min(count, start + BatchSize);
            for (var n = start; n < end; n++)
                db.Products.Add(Generate(n, categoryIds, imageUrls, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Synthetic catalog ready: {Count} generated products.", count);
    }

    private static Product Generate(int n, IReadOnlyList<int> categoryIds, IReadOnlyList<string> imageUrls, DateTime now)
    {
        // A cheap deterministic mix of n, so neighbouring products differ in every field.
        var h = (uint)(n * 2654435761u);
        string Pick(string[] pool, int shift) => pool[(int)((h >> shift) % (uint)pool.Length)];

        var number = (n + 1).ToString("D6", CultureInfo.InvariantCulture);
        var color = Pick(Colors, 3);
        var name = $"{Pick(Adjectives, 0)} {Pick(Materials, 5)} {Pick(Nouns, 10)} {color}";
        var priceCents = 199 + (long)(h % 60000);
        var stock = (int)((h >> 7) % 9 == 0 ? 0 : (h >> 9) % 250);
        var created = now.AddMinutes(-(n % 525600)).AddSeconds(-(n / 525600));
        var tags = new List<string> { Pick(TagPool, 2), Pick(TagPool, 13) }.Distinct().ToList();
        var reviewCount = (int)((h >> 11) % 40);

        return new Product
        {
            Name = name,
            Slug = $"{Common.Slug.From(name)}-{number}",
            Sku = SkuPrefix + number,
            Description = $"A {Pick(Adjectives, 0).ToLowerInvariant()} {Pick(Nouns, 10).ToLowerInvariant()} in {color.ToLowerInvariant()} {Pick(Materials, 5).ToLowerInvariant()}, made to last.",
            LongDescription = $"The {name} is part of our generated catalog used for load testing.\n\nIt behaves like every other product: it can be listed, searched, filtered and bought.",
            PriceCents = priceCents,
            CompareAtPriceCents = h % 3 == 0 ? priceCents + priceCents / 4 : null,
            Stock = stock,
            CategoryId = categoryIds[(int)(h % (uint)categoryIds.Count)],
            Tags = tags,
            Attributes = [new ProductAttribute { Name = "Color", Value = color }, new ProductAttribute { Name = "Material", Value = Pick(Materials, 5) }],
            Specifications = [new ProductSpecification { Name = "Model", Value = "SYN-" + number }, new ProductSpecification { Name = "Warranty", Value = "2 years" }],
            Images = [new ProductImage { Url = imageUrls[(int)((h >> 4) % (uint)imageUrls.Count)], AltText = name, IsPrimary = true }],
            Rating = reviewCount == 0 ? 0 : Math.Round(2.5 + (h >> 13) % 26 / 10.0, 1),
            ReviewCount = reviewCount,
            CreatedAt = created,
            UpdatedAt = created,
        };
    }
}
