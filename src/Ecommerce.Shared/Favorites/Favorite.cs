namespace Ecommerce.Shared.Favorites;

/// <summary>A product a customer marked with the heart. One row per customer and product.</summary>
public class Favorite
{
    public required string UserId { get; set; }
    public int ProductId { get; set; }
    public DateTime CreatedAt { get; set; }
}
