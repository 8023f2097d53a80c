using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Cart;

/// <summary>Whose cart: a signed-in customer's (by user id) or an anonymous visitor's (by the id in their cart cookie).</summary>
public readonly record struct CartOwner(string? UserId, Guid? AnonymousId)
{
    public static CartOwner ForUser(string userId) => new(userId, null);
    public static CartOwner Anonymous(Guid id) => new(null, id);
    public bool IsKnown => UserId is not null || AnonymousId is not null;
}

public sealed record CartLine(int Id, int ProductId, string ProductName, string ProductSlug, string? ProductImage, string Sku,
    Money Price, int Quantity, int Stock, DateTime AddedAt)
{
    public Money Subtotal => Price * Quantity;
}

public sealed record CartView(IReadOnlyList<CartLine> Items, string? CouponCode, DateTime? UpdatedAt)
{
    public int ItemCount => Items.Sum(i => i.Quantity);
    public Money Subtotal => Items.Aggregate(Money.Zero, (sum, i) => sum + i.Subtotal);
    public static readonly CartView Empty = new([], null, null);
}

/// <summary>Reads carts. (Adding, changing and checking out arrive with the shopper's journey.)</summary>
public sealed class CartService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>How many items (sum of quantities) the owner's cart holds; 0 when there is no cart.</summary>
    public async Task<int> CountItemsAsync(CartOwner owner, CancellationToken cancellationToken = default)
    {
        if (!owner.IsKnown) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await OwnedBy(db, owner)
            .SelectMany(c => c.Items)
            .SumAsync(i => (int?)i.Quantity, cancellationToken) ?? 0;
    }

    public async Task<CartView> GetAsync(CartOwner owner, CancellationToken cancellationToken = default)
    {
        if (!owner.IsKnown) return CartView.Empty;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cart = await OwnedBy(db, owner).AsNoTracking()
            .Select(c => new { c.Id, c.CouponCode, c.UpdatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (cart is null) return CartView.Empty;

        var lines = await (
                from item in db.CartItems.AsNoTracking()
                join product in db.Products on item.ProductId equals product.Id
                where item.CartId == cart.Id && product.Status == ProductStatus.Active
                orderby item.AddedAt, item.Id
                select new
                {
                    item.Id,
                    item.ProductId,
                    product.Name,
                    product.Slug,
                    Image = product.Images.OrderByDescending(i => i.IsPrimary).ThenBy(i => i.SortOrder).Select(i => i.Url).FirstOrDefault(),
                    product.Sku,
                    product.PriceCents,
                    item.Quantity,
                    product.Stock,
                    item.AddedAt,
                })
            .ToListAsync(cancellationToken);

        return new CartView(
            lines.Select(l => new CartLine(l.Id, l.ProductId, l.Name, l.Slug, l.Image, l.Sku, new Money(l.PriceCents), l.Quantity, l.Stock, l.AddedAt)).ToList(),
            cart.CouponCode,
            cart.UpdatedAt);
    }

    private static IQueryable<ShoppingCart> OwnedBy(AppDbContext db, CartOwner owner) =>
        owner.UserId is { } userId
            ? db.Carts.Where(c => c.UserId == userId)
            : db.Carts.Where(c => c.AnonymousId == owner.AnonymousId);
}
