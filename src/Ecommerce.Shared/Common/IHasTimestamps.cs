namespace Ecommerce.Shared.Common;

/// <summary>An entity whose creation and last-change times (UTC) are stamped on save.</summary>
public interface IHasTimestamps
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
