using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Reviews;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>Puts categories and products into a test database with only the fields a test cares about.</summary>
public static class CatalogBuilder
{
    public static async Task<Category> AddCategoryAsync(this AppDbContext db, string name, Category? parent = null, int sortOrder = 0,
        string? description = null)
    {
        var category = new Category
        {
            Name = name,
            Slug = Slug.From(name),
            ParentId = parent?.Id,
            SortOrder = sortOrder,
            Description = description,
            ImageUrl = $"/images/categories/{Slug.From(name)}.svg",
        };
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
        bool featured = false,
        string? longDescription = null,
        IEnumerable<(string Name, string Value)>? attributes = null,
        IEnumerable<(string Name, string Value)>? specifications = null)
    {
        var product = new Product
        {
            Name = name,
            Slug = Slug.From(name),
            Sku = sku ?? "SKU-" + Slug.From(name).ToUpperInvariant(),
            Description = description,
            LongDescription = longDescription,
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
            Attributes = (attributes ?? []).Select(a => new ProductAttribute { Name = a.Name, Value = a.Value }).ToList(),
            Specifications = (specifications ?? []).Select(s => new ProductSpecification { Name = s.Name, Value = s.Value }).ToList(),
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    public static async Task<Review> AddReviewAsync(this AppDbContext db, Product product, string author, int rating, DateTime createdAt,
        string? title = null, string? comment = null, bool hidden = false)
    {
        var review = new Review
        {
            ProductId = product.Id,
            AuthorName = author,
            Rating = rating,
            Title = title,
            Comment = comment,
            IsHidden = hidden,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review;
    }
}
