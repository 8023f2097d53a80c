using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Coupons;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Cart;

/// <summary>Whose cart: a signed-in customer's (by user id) or an anonymous visitor's (by the id in their cart cookie).</summary>
public readonly record struct CartOwner(string? UserId, Guid? AnonymousId)
{
    public static CartOwner ForUser(string userId) => new(userId, null);
    public static CartOwner Anonymous(Guid id) => new(null, id);
    public bool IsKnown => UserId is not null || AnonymousId is not null;
}

/// <summary>A line of a cart: the product as it is now, and <see cref="ShownPrice"/>, the unit price the shopper was shown for it.</summary>
public sealed record CartLine(
    int Id, int ProductId, string ProductName, string ProductSlug, string? ProductImage, string Sku,
    Money Price, int Quantity, int Stock, DateTime AddedAt, Money ShownPrice)
{
    public Money Subtotal => Price * Quantity;
    /// <summary>The product no longer has as many in stock as this line asks for.</summary>
    public bool ExceedsStock => Quantity > Stock;
    /// <summary>The price is not the one the shopper was shown when adding the product (was <see cref="ShownPrice"/>, now <see cref="Price"/>).</summary>
    public bool PriceChanged => ShownPrice != Price;
}

/// <summary>The coupon on a cart: what it takes off now, or why it does not apply (then <see cref="Problem"/> says).</summary>
public sealed record CartCoupon(string Code, string? Description, CouponKind Kind, decimal Value, Money Discount, string? Problem)
{
    public bool IsApplied => Problem is null;
}

public sealed record CartView(string? UserId, IReadOnlyList<CartLine> Items, CartCoupon? Coupon, CartTotals Totals, DateTime? UpdatedAt)
{
    public int ItemCount => Items.Sum(i => i.Quantity);
    public static CartView Empty(string? userId = null) => new(userId, [], null, CartTotals.Zero, null);
}

/// <summary>
/// Carts for signed-in customers and anonymous visitors: lines limited to the stock on hand, a coupon, and
/// totals (subtotal, discount, tax, shipping, total) computed the same way the order will be.
/// </summary>
public sealed class CartService(IDbContextFactory<AppDbContext> dbFactory, IOptions<StoreSettings> store, TimeProvider clock)
{
    /// <summary>How many items (sum of quantities) the owner's cart holds; 0 when there is no cart.</summary>
    public async Task<int> CountItemsAsync(CartOwner owner, CancellationToken cancellationToken = default)
    {
        if (!owner.IsKnown) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from cart in OwnedBy(db, owner)
                from item in cart.Items
                join product in db.Products on item.ProductId equals product.Id
                where product.Status == ProductStatus.Active
                select (int?)item.Quantity)
            .SumAsync(cancellationToken) ?? 0;
    }

    public async Task<CartView> GetAsync(CartOwner owner, CancellationToken cancellationToken = default)
    {
        if (!owner.IsKnown) return CartView.Empty();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cart = await OwnedBy(db, owner).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return cart is null ? CartView.Empty(owner.UserId) : await BuildViewAsync(db, cart, owner.UserId, cancellationToken);
    }

    /// <summary>Adds a product; the same product again adds to its line. The line may not exceed the stock.</summary>
    public async Task<Result<CartLine>> AddItemAsync(CartOwner owner, int productId, int quantity, CancellationToken cancellationToken = default)
    {
        if (!owner.IsKnown) throw new ArgumentException("A cart needs an owner.", nameof(owner));
        if (quantity < 1) return QuantityTooLow();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InTransactionAsync<CartLine>(async ct =>
        {
            // Read-modify-write of the cart under its owner's lock, so parallel adds all count (and a new customer's
            // first two adds do not both create a cart, or two lines for one product).
            await LockAsync(db, owner, ct);
            var product = await ActiveProduct(db, productId, ct);
            if (product is null) return ProductNotFound(productId);

            var cart = await OwnedBy(db, owner).Include(c => c.Items).FirstOrDefaultAsync(ct);
            if (cart is null)
            {
                cart = new ShoppingCart { UserId = owner.UserId, AnonymousId = owner.UserId is null ? owner.AnonymousId : null };
                db.Carts.Add(cart);
            }

            var item = cart.Items.FirstOrDefault(i => i.ProductId == productId);
            var requested = (long)(item?.Quantity ?? 0) + quantity; // long: a huge quantity must not wrap around
            if (requested > CartLimits.MaxLineQuantity && requested <= product.Stock) return CartLimits.LineQuantityTooHigh();
            if (requested > product.Stock) return InsufficientStock(product.Stock, (int)Math.Min(requested, int.MaxValue));
            if (await SubtotalWithAsync(db, cart.Id, productId, product.PriceCents * requested, ct) is null)
                return CartLimits.SubtotalTooHigh();

            if (item is null)
            {
                item = new CartItem { ProductId = productId, Quantity = quantity, AddedAt = clock.GetUtcNow().UtcDateTime };
                cart.Items.Add(item);
            }
            else
            {
                item.Quantity = (int)requested;
            }
            item.ShownPriceCents = product.PriceCents; // the price on the page the shopper added it from
            cart.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return ToLine(item, product);
        }, cancellationToken);
    }

    /// <summary>Sets a line's quantity (1 to the stock on hand).</summary>
    public async Task<Result<CartLine>> UpdateItemAsync(CartOwner owner, int itemId, int quantity, CancellationToken cancellationToken = default)
    {
        if (quantity < 1) return QuantityTooLow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InTransactionAsync<CartLine>(async ct =>
        {
            // Under the owner's lock, so that the cart's subtotal limit also holds against a parallel add.
            await LockAsync(db, owner, ct);
            var item = await ItemOf(db, owner, itemId).FirstOrDefaultAsync(ct);
            if (item is null) return CartItemNotFound(itemId);
            var product = await ActiveProduct(db, item.ProductId, ct);
            if (product is null) return ProductNotFound(item.ProductId);
            if (quantity > CartLimits.MaxLineQuantity && quantity <= product.Stock) return CartLimits.LineQuantityTooHigh();
            if (quantity > product.Stock) return InsufficientStock(product.Stock, quantity);
            if (await SubtotalWithAsync(db, item.CartId, item.ProductId, product.PriceCents * (long)quantity, ct) is null)
                return CartLimits.SubtotalTooHigh();

            item.Quantity = quantity;
            await TouchAsync(db, item.CartId, ct);
            await db.SaveChangesAsync(ct);
            return ToLine(item, product);
        }, cancellationToken);
    }

    public async Task<Result> RemoveItemAsync(CartOwner owner, int itemId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await ItemOf(db, owner, itemId).FirstOrDefaultAsync(cancellationToken);
        if (item is null) return CartItemNotFound(itemId);
        db.CartItems.Remove(item);
        await TouchAsync(db, item.CartId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Empties the cart and drops its coupon.</summary>
    public async Task ClearAsync(CartOwner owner, CancellationToken cancellationToken = default)
    {
        if (!owner.IsKnown) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cart = await OwnedBy(db, owner).FirstOrDefaultAsync(cancellationToken);
        if (cart is null) return;
        await db.CartItems.Where(i => i.CartId == cart.Id).ExecuteDeleteAsync(cancellationToken);
        cart.CouponCode = null;
        cart.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Puts a coupon on the cart after checking it applies now; the cart's totals then include it.</summary>
    public async Task<Result<CartView>> ApplyCouponAsync(CartOwner owner, string? code, CancellationToken cancellationToken = default)
    {
        var normalized = CouponRules.Normalize(code);
        if (normalized.Length == 0) return new Error(ErrorCodes.RequiredField, "Enter a coupon code.", CouponRules.Field);
        if (!owner.IsKnown) throw new ArgumentException("A cart needs an owner.", nameof(owner));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cart = await OwnedBy(db, owner).FirstOrDefaultAsync(cancellationToken);
        if (cart is null || !await db.CartItems.AnyAsync(i => i.CartId == cart.Id, cancellationToken))
            return Error.Validation(CouponRules.Field, "Add something to your cart before applying a coupon.");

        var view = await BuildViewAsync(db, cart, owner.UserId, cancellationToken, couponOverride: normalized);
        if (view.Coupon is { Problem: { } problem }) return Error.Validation(CouponRules.Field, problem);

        cart.CouponCode = normalized;
        cart.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return view with { UpdatedAt = cart.UpdatedAt };
    }

    public async Task<CartView> RemoveCouponAsync(CartOwner owner, CancellationToken cancellationToken = default)
    {
        if (!owner.IsKnown) return CartView.Empty();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cart = await OwnedBy(db, owner).FirstOrDefaultAsync(cancellationToken);
        if (cart is null) return CartView.Empty(owner.UserId);
        cart.CouponCode = null;
        cart.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return await BuildViewAsync(db, cart, owner.UserId, cancellationToken);
    }

    /// <summary>
    /// Moves an anonymous visitor's cart into their account's cart when they sign in or sign up: quantities add
    /// up (never beyond stock), and the visitor's coupon carries over when the account cart has none.
    /// </summary>
    public async Task MergeAsync(Guid anonymousId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.InTransactionAsync(async ct =>
        {
            // Both carts' locks, the visitor's first (as every merge takes them), so no add to either slips between.
            await LockAsync(db, CartOwner.Anonymous(anonymousId), ct);
            await LockAsync(db, CartOwner.ForUser(userId), ct);
            var anonymous = await db.Carts.Include(c => c.Items).FirstOrDefaultAsync(c => c.AnonymousId == anonymousId, ct);
            if (anonymous is null) return;

            var account = await db.Carts.Include(c => c.Items).FirstOrDefaultAsync(c => c.UserId == userId, ct);
            if (account is null)
            {
                // Simply hand the anonymous cart to the account.
                anonymous.AnonymousId = null;
                anonymous.UserId = userId;
                anonymous.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
                return;
            }

            var productIds = anonymous.Items.Select(i => i.ProductId).ToList();
            var stock = await db.Products.Where(p => productIds.Contains(p.Id) && p.Status == ProductStatus.Active)
                .ToDictionaryAsync(p => p.Id, p => p.Stock, ct);
            foreach (var item in anonymous.Items)
            {
                if (!stock.TryGetValue(item.ProductId, out var available) || available <= 0) continue;
                var existing = account.Items.FirstOrDefault(i => i.ProductId == item.ProductId);
                var cap = Math.Min(available, CartLimits.MaxLineQuantity);
                if (existing is null)
                {
                    account.Items.Add(new CartItem
                    {
                        ProductId = item.ProductId, Quantity = Math.Min(item.Quantity, cap), AddedAt = item.AddedAt, ShownPriceCents = item.ShownPriceCents,
                    });
                }
                else
                {
                    existing.Quantity = Math.Min(existing.Quantity + item.Quantity, Math.Max(cap, existing.Quantity));
                    if (item.AddedAt > existing.AddedAt) existing.ShownPriceCents = item.ShownPriceCents; // the price seen last
                }
            }
            account.CouponCode ??= anonymous.CouponCode;
            account.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            db.Carts.Remove(anonymous);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    internal async Task<CartView> BuildViewAsync(AppDbContext db, ShoppingCart cart, string? userId, CancellationToken cancellationToken, string? couponOverride = null)
    {
        var rows = await (
                from item in db.CartItems.AsNoTracking()
                join product in db.Products on item.ProductId equals product.Id
                where item.CartId == cart.Id && product.Status == ProductStatus.Active
                orderby item.AddedAt, item.Id
                select new
                {
                    item.Id, item.ProductId, product.Name, product.Slug,
                    Image = product.Images.OrderByDescending(i => i.IsPrimary).ThenBy(i => i.SortOrder).Select(i => i.Url).FirstOrDefault(),
                    product.Sku, product.PriceCents, item.Quantity, product.Stock, item.AddedAt, item.ShownPriceCents,
                })
            .ToListAsync(cancellationToken);
        var lines = rows.Select(l => new CartLine(l.Id, l.ProductId, l.Name, l.Slug, l.Image, l.Sku, new Money(l.PriceCents), l.Quantity, l.Stock,
            l.AddedAt, new Money(l.ShownPriceCents))).ToList();
        var subtotal = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Subtotal);

        CartCoupon? applied = null;
        var code = couponOverride ?? cart.CouponCode;
        if (!string.IsNullOrEmpty(code))
        {
            var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
            var uses = coupon is null || userId is null ? 0
                : await db.CouponRedemptions.CountAsync(r => r.CouponId == coupon.Id && r.UserId == userId, cancellationToken);
            var problem = CouponRules.Check(coupon, code, subtotal, clock.GetUtcNow().UtcDateTime, uses, store.Value);
            applied = coupon is null
                ? new CartCoupon(code, null, CouponKind.Percentage, 0, Money.Zero, problem!.Message)
                : new CartCoupon(coupon.Code, coupon.Description, coupon.Kind,
                    coupon.Kind == CouponKind.Percentage ? coupon.PercentOff : new Money(coupon.AmountOffCents).ToDecimal(),
                    problem is null ? CouponRules.DiscountFor(coupon, subtotal) : Money.Zero,
                    problem?.Message);
        }

        var totals = CartPricing.Compute(subtotal, applied?.Discount ?? Money.Zero, store.Value);
        return new CartView(cart.UserId ?? userId, lines, applied, totals, cart.UpdatedAt == default ? null : cart.UpdatedAt);
    }

    /// <summary>
    /// Takes the lock of the owner's cart — whether or not the cart exists yet — until the transaction ends. Everything
    /// that reads a cart's lines to change them (adds, quantity changes, merges, placing an order) takes it first.
    /// </summary>
    internal static Task LockAsync(AppDbContext db, CartOwner owner, CancellationToken cancellationToken) =>
        db.Locks.LockNameAsync(db, owner.UserId is { } userId ? "cart:user:" + userId : "cart:anonymous:" + owner.AnonymousId, cancellationToken);

    internal static IQueryable<ShoppingCart> OwnedBy(AppDbContext db, CartOwner owner) =>
        owner.UserId is { } userId
            ? db.Carts.Where(c => c.UserId == userId)
            : db.Carts.Where(c => c.AnonymousId == owner.AnonymousId && c.AnonymousId != null);

    private static IQueryable<CartItem> ItemOf(AppDbContext db, CartOwner owner, int itemId) =>
        from cart in OwnedBy(db, owner)
        from item in cart.Items
        where item.Id == itemId
        select item;

    /// <summary>
    /// The cart's subtotal in cents with one product's line set to <paramref name="lineCents"/>, or null when that
    /// would pass <see cref="CartLimits.MaxSubtotal"/>.
    /// </summary>
    private static async Task<long?> SubtotalWithAsync(AppDbContext db, int cartId, int productId, long lineCents, CancellationToken cancellationToken)
    {
        var others = await (
                from line in db.CartItems
                join product in db.Products on line.ProductId equals product.Id
                where line.CartId == cartId && line.ProductId != productId && product.Status == ProductStatus.Active
                select new { product.PriceCents, line.Quantity })
            .ToListAsync(cancellationToken);
        var total = lineCents + others.Sum(o => o.PriceCents * (long)o.Quantity);
        return total > CartLimits.MaxSubtotalMoney.Cents ? null : total;
    }

    private static Task<Product?> ActiveProduct(AppDbContext db, int productId, CancellationToken cancellationToken) =>
        db.Products.Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == productId && p.Status == ProductStatus.Active, cancellationToken);

    private async Task TouchAsync(AppDbContext db, int cartId, CancellationToken cancellationToken)
    {
        var cart = await db.Carts.FirstAsync(c => c.Id == cartId, cancellationToken);
        cart.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private static CartLine ToLine(CartItem item, Product product) => new(
        item.Id, product.Id, product.Name, product.Slug,
        product.Images.OrderByDescending(i => i.IsPrimary).ThenBy(i => i.SortOrder).Select(i => i.Url).FirstOrDefault(),
        product.Sku, product.Price, item.Quantity, product.Stock, item.AddedAt, new Money(item.ShownPriceCents));

    private static Error QuantityTooLow() => Error.Validation("quantity", "Quantity must be at least 1.");

    private static Error ProductNotFound(int productId) => Error.NotFound($"Product with ID '{productId}' not found");

    private static Error CartItemNotFound(int itemId) => Error.NotFound($"Cart item with ID '{itemId}' not found");

    internal static Error InsufficientStock(int available, int requested) =>
        new(ErrorCodes.InsufficientStock,
            available == 0 ? "This product is out of stock." : $"Only {available} items available, requested {requested}",
            "quantity")
        {
            Details = new Dictionary<string, object> { ["availableStock"] = available, ["requestedQuantity"] = requested },
        };
}
