using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Cart;

/// <summary>
/// A shopping cart. A signed-in customer's cart has <see cref="UserId"/>; an anonymous visitor's cart is found
/// by the random <see cref="AnonymousId"/> kept in a cookie, and is merged into the account cart at sign-in.
/// </summary>
public class ShoppingCart : IHasTimestamps
{
    public int Id { get; set; }
    public string? UserId { get; set; }
    public Guid? AnonymousId { get; set; }
    public string? CouponCode { get; set; }
    public List<CartItem> Items { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public class CartItem
{
    public int Id { get; set; }
    public int CartId { get; set; }
    public int ProductId { get; set; }
    public int Quantity { get; set; }
    /// <summary>The unit price the shopper was shown when they last added the product (or acknowledged a change at checkout).</summary>
    public long ShownPriceCents { get; set; }
    public DateTime AddedAt { get; set; }
}
