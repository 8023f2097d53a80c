using Ecommerce.Shared.Common;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Catalog;

/// <summary>
/// The one projection of products to <see cref="ProductSummary"/>, shared by every service that lists
/// products (catalog, favorites, …), so that cards look the same wherever they appear.
/// </summary>
internal static class ProductProjection
{
    public static IQueryable<SummaryRow> Summaries(IQueryable<Product> products) =>
        products.Select(p => new SummaryRow
        {
            Id = p.Id,
            Name = p.Name,
            Slug = p.Slug,
            Sku = p.Sku,
            Description = p.Description,
            PriceCents = p.PriceCents,
            CompareAtPriceCents = p.CompareAtPriceCents,
            CategoryId = p.CategoryId,
            CategoryName = p.Category != null ? p.Category.Name : null,
            CategorySlug = p.Category != null ? p.Category.Slug : null,
            Images = p.Images.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
                .Select(i => new ProductImageInfo(i.Url, i.AltText, i.IsPrimary)).ToList(),
            Stock = p.Stock,
            Rating = p.Rating,
            ReviewCount = p.ReviewCount,
            Tags = p.Tags,
            Attributes = p.Attributes,
            CreatedAt = p.CreatedAt,
            UpdatedAt = p.UpdatedAt,
        });

    internal sealed class SummaryRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string Slug { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Description { get; init; } = "";
        public long PriceCents { get; init; }
        public long? CompareAtPriceCents { get; init; }
        public int? CategoryId { get; init; }
        public string? CategoryName { get; init; }
        public string? CategorySlug { get; init; }
        public List<ProductImageInfo> Images { get; init; } = [];
        public int Stock { get; init; }
        public double Rating { get; init; }
        public int ReviewCount { get; init; }
        public List<string> Tags { get; init; } = [];
        public List<ProductAttribute> Attributes { get; init; } = [];
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public ProductSummary ToSummary() => new(
            Id, Name, Slug, Sku, Description,
            new Money(PriceCents),
            CompareAtPriceCents is { } c ? new Money(c) : null,
            CategoryId is { } id && CategoryName is not null && CategorySlug is not null ? new CategoryRef(id, CategoryName, CategorySlug) : null,
            Images,
            Stock,
            Math.Round(Rating, 1),
            ReviewCount,
            Tags,
            Attributes.Select(a => new NameValue(a.Name, a.Value)).ToList(),
            CreatedAt,
            UpdatedAt);
    }

    /// <summary>Summaries of the given products in the order of <paramref name="ids"/>; missing ids are skipped.</summary>
    public static async Task<List<ProductSummary>> SummariesInOrderAsync(IQueryable<Product> products, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var rows = await Summaries(products.Where(p => ids.Contains(p.Id))).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id].ToSummary()).ToList();
    }
}
