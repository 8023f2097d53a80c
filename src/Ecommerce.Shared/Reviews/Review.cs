using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Reviews;

/// <summary>A customer's rating (1–5) and words about a product they bought.</summary>
public class Review : IHasTimestamps
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    /// <summary>The author; null once the author's account has been deleted.</summary>
    public string? UserId { get; set; }
    /// <summary>The name shown with the review ("John D."), captured when it was written.</summary>
    public required string AuthorName { get; set; }
    /// <summary>The paid order of the product that entitles the author to review it.</summary>
    public int? OrderId { get; set; }

    public int Rating { get; set; }
    public string? Title { get; set; }
    public string? Comment { get; set; }
    /// <summary>Hidden by an admin: not shown and not counted in the product's rating.</summary>
    public bool IsHidden { get; set; }
    /// <summary>
    /// Hidden by the store itself, apart from any admin's choice: the order that entitled the author to review was
    /// cancelled or refunded and no other paid order of theirs contains the product. Null while the review qualifies.
    /// </summary>
    public SystemHideReason? SystemHidden { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Why the store hid a review by itself.</summary>
public enum SystemHideReason
{
    OrderCancelled = 1,
    OrderRefunded = 2,
}
