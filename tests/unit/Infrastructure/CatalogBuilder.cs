using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>Puts categories and products into a test database with only the fields a test cares about.</summary>
public static class CatalogBuilder
{
    public static async Task<Category> AddCategoryAsync(this AppDbContext db, string name, Category? parent = null, int sortOrder = 0)
    {
        var category = new Category { Name = name, Slug = Slug.From(name), ParentId = parent?.Id, SortOrder = sortOrder };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category;
    }

    public static async Task<Product> AddProductAsync(
        this AppDbContext db,
        string name,
        decimal price,
        Category? category = null,
        int stock = 10,
        string? sku = null,
        string description = "",
        IEnumerable<string>? tags = null,
        decimal? compareAt = null,
        double rating = 0,
        int reviewCount = 0,
        DateTime? createdAt = null,
        ProductStatus status = ProductStatus.Active,
        bool featured = false)
    {
        var product = new Product
        {
            Name = name,
            Slug = Slug.From(name),
            Sku = sku ?? "SKU-" + Slug.From(name).ToUpperInvariant(),
            Description = description,
            PriceCents = Money.FromDecimal(price).Cents,
            CompareAtPriceCents = compareAt is { } c ? Money.FromDecimal(c).Cents : null,
            Stock = stock,
            CategoryId = category?.Id,
            Tags = tags?.ToList() ?? [],
            Rating = rating,
            ReviewCount = reviewCount,
            Status = status,
            IsFeatured = featured,
            CreatedAt = createdAt ?? default,
            Images = [new ProductImage { Url = $"/images/products/{Slug.From(name)}.svg", AltText = name, IsPrimary = true }],
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }
}
