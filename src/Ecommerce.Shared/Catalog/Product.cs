using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Catalog;

public enum ProductStatus
{
    /// <summary>Listed in the storefront and the API.</summary>
    Active = 0,
    /// <summary>Hidden from listings and search; kept because orders refer to it.</summary>
    Archived = 1,
}

/// <summary>Something the store sells. Prices are in minor units of the store currency.</summary>
public class Product : IHasTimestamps
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public required string Sku { get; set; }
    /// <summary>A sentence or two for cards and listings.</summary>
    public string Description { get; set; } = "";
    /// <summary>The full description on the product page (plain text, paragraphs separated by blank lines).</summary>
    public string? LongDescription { get; set; }

    public long PriceCents { get; set; }
    /// <summary>The "was" price shown struck through; only meaningful when above the price.</summary>
    public long? CompareAtPriceCents { get; set; }
    public int Stock { get; set; }

    public int? CategoryId { get; set; }
    public Category? Category { get; set; }

    public ProductStatus Status { get; set; } = ProductStatus.Active;
    /// <summary>Shown on the home page.</summary>
    public bool IsFeatured { get; set; }
    /// <summary>The user (seller or admin) who created the product, when known.</summary>
    public string? OwnerId { get; set; }

    public List<string> Tags { get; set; } = [];
    public List<ProductImage> Images { get; set; } = [];
    public List<ProductAttribute> Attributes { get; set; } = [];
    public List<ProductSpecification> Specifications { get; set; } = [];

    /// <summary>Average of the visible reviews' ratings (0 when there are none); kept in step by the review service.</summary>
    public double Rating { get; set; }
    public int ReviewCount { get; set; }

    /// <summary>
    /// The row version of the product's own fields: every back-office or API edit of them (editor, admin API, bulk
    /// edits, CSV import, archive/restore) adds one, and an edit made against an older version is refused. Orders,
    /// restocks, rating updates and picture changes leave it alone, so that a busy shop does not turn every editor
    /// save into a conflict. A concurrency token: an update writes <c>WHERE "Version" = @read</c>.
    /// </summary>
    public long Version { get; set; }

    /// <summary>The page title and description search engines show, when they should differ from the name and short description.</summary>
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Money Price => new(PriceCents);
    public Money? CompareAtPrice => CompareAtPriceCents is { } c ? new Money(c) : null;
}

/// <summary>A picture of a product. Exactly one image of a product with images is primary.</summary>
public class ProductImage
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public required string Url { get; set; }
    public string AltText { get; set; } = "";
    public bool IsPrimary { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A selectable or descriptive name/value pair shown with the product, e.g. Color = Black.</summary>
public class ProductAttribute
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}

/// <summary>A line of the product's technical specification, e.g. Weight = 250 g.</summary>
public class ProductSpecification
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}
