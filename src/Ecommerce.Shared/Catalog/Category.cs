using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Catalog;

/// <summary>A node of the category tree. A product belongs to one category; listing a category includes its descendants.</summary>
public class Category : IHasTimestamps
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public Category? Parent { get; set; }
    public List<Category> Children { get; set; } = [];

    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Description { get; set; }
    public string? ImageUrl { get; set; }
    /// <summary>Position among its siblings (ascending).</summary>
    public int SortOrder { get; set; }

    /// <summary>
    /// The row version: every edit of the category's own fields adds one, and an edit made against an older version
    /// (an API client's If-Match) is refused. A concurrency token, like <see cref="Product.Version"/>.
    /// </summary>
    public long Version { get; set; }

    /// <summary>The page title and description search engines show, when they should differ from the name and description.</summary>
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
