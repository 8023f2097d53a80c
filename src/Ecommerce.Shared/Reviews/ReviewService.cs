using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Orders;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Reviews;

public sealed record ReviewInput(int? Rating, string? Title, string? Comment, int? OrderId = null);

public sealed record ReviewView(int Id, int ProductId, string? UserId, string UserName, int Rating, string? Title, string? Comment, DateTime CreatedAt);

/// <summary>Whether a customer may review a product, and why not.</summary>
public enum ReviewEligibility { Eligible, NotBought, NotPaid, AlreadyReviewed }

/// <summary>
/// Reviews by real buyers: a review needs a paid order of the product (paid, processing, shipped or delivered) and
/// records which order qualified it; one review per customer and product. When that order is cancelled or fully
/// refunded the review moves to another paid order of the same customer with the product, or else the store hides it
/// (<see cref="Review.SystemHidden"/>) until such an order is paid. The product's rating and review count count the
/// visible reviews only and follow every change.
/// </summary>
public sealed class ReviewService(IDbContextFactory<AppDbContext> dbFactory, ICatalogChangeNotifier catalogChanged)
{
    public const int MaxTitleLength = 200;
    public const int MaxCommentLength = 4000;

    /// <summary>The order statuses that make a buyer: the order was paid and is neither cancelled nor refunded.</summary>
    public static readonly IReadOnlyList<OrderStatus> QualifyingStatuses = [OrderStatus.Paid, OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered];

    /// <summary>Reviews shown in the store and counted in the rating: hidden neither by an admin nor by the store.</summary>
    public static readonly Expression<Func<Review, bool>> IsVisible = r => !r.IsHidden && r.SystemHidden == null;

    public async Task<ReviewEligibility> EligibilityAsync(string userId, int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Reviews.AnyAsync(r => r.ProductId == productId && r.UserId == userId, cancellationToken)) return ReviewEligibility.AlreadyReviewed;
        if (await QualifyingOrderAsync(db, userId, productId, null, cancellationToken) is not null) return ReviewEligibility.Eligible;
        return await UnpaidOrderExistsAsync(db, userId, productId, null, cancellationToken) ? ReviewEligibility.NotPaid : ReviewEligibility.NotBought;
    }

    public async Task<Result<ReviewView>> AddAsync(string userId, int productId, ReviewInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        if (input.Rating is null) errors.Add(new Error(ErrorCodes.RequiredField, "Rating is required.", "rating"));
        else if (input.Rating is < 1 or > 5) errors.Add(Error.Validation("rating", "Rating must be a whole number from 1 to 5."));
        if (input.Title is { Length: > MaxTitleLength }) errors.Add(Error.Validation("title", $"The title can be at most {MaxTitleLength} characters."));
        if (input.Comment is { Length: > MaxCommentLength }) errors.Add(Error.Validation("comment", $"The comment can be at most {MaxCommentLength} characters."));
        if (string.IsNullOrWhiteSpace(input.Title) && string.IsNullOrWhiteSpace(input.Comment))
            errors.Add(new Error(ErrorCodes.RequiredField, "Write a title or a comment.", "comment"));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.Status == ProductStatus.Active, cancellationToken))
            return Error.NotFound($"Product with ID '{productId}' not found");
        if (errors.Count > 0) return Result<ReviewView>.Failure(errors);

        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, cancellationToken);
        var added = await db.InTransactionAsync<Review>(async ct =>
        {
            // The product's lock first, then the order is checked: a cancellation or refund of that order (which
            // restocks or re-rates the product under the same lock) either comes before and is seen, or comes after
            // and withdraws this review with the others.
            await db.Locks.LockRowAsync<Product>(db, productId, ct);
            if (await QualifyingOrderAsync(db, userId, productId, input.OrderId, ct) is not { } orderId)
                return await NotABuyerAsync(db, userId, productId, input.OrderId, ct);
            if (await db.Reviews.AnyAsync(r => r.ProductId == productId && r.UserId == userId, ct))
                return Error.AlreadyExists("productId", "You have already reviewed this product.");

            var review = new Review
            {
                ProductId = productId,
                UserId = userId,
                OrderId = orderId,
                AuthorName = AuthorName(user.FirstName, user.LastName),
                Rating = input.Rating!.Value,
                Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim(),
                Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            };
            db.Reviews.Add(review);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return Error.AlreadyExists("productId", "You have already reviewed this product.");
            }
            await RecomputeRatingAsync(db, productId, ct);
            return review;
        }, cancellationToken);
        if (!added.Succeeded) return Result<ReviewView>.Failure(added.Errors);
        await catalogChanged.ProductsChangedAsync([productId], listingsChanged: true, cancellationToken);
        var saved = added.Value;
        return new ReviewView(saved.Id, productId, userId, saved.AuthorName, saved.Rating, saved.Title, saved.Comment, saved.CreatedAt);
    }

    /// <summary>
    /// Sets the product's rating and review count from its visible reviews. Call inside a transaction: it takes the
    /// product's lock before counting, so that two reviews changing at once cannot each count without the other.
    /// </summary>
    public static async Task RecomputeRatingAsync(AppDbContext db, int productId, CancellationToken cancellationToken)
    {
        await db.Locks.LockRowAsync<Product>(db, productId, cancellationToken);
        var visible = db.Reviews.Where(r => r.ProductId == productId).Where(IsVisible);
        var count = await visible.CountAsync(cancellationToken);
        var average = count == 0 ? 0 : await visible.AverageAsync(r => (double)r.Rating, cancellationToken);
        await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Rating, average)
            .SetProperty(p => p.ReviewCount, count), cancellationToken);
    }

    /// <summary>
    /// The order <paramref name="orderId"/> was cancelled or fully refunded (inside that transaction): each review it
    /// qualified — and each of its customer's reviews of its products that names no order — moves to another paid
    /// order of the customer with the product, or is hidden by the store. Returns the products whose rating changed.
    /// </summary>
    public static async Task<IReadOnlyList<int>> WithdrawAsync(AppDbContext db, int orderId, SystemHideReason reason, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new { o.UserId, Products = o.Lines.Select(l => l.ProductId).ToList() }).FirstAsync(cancellationToken);
        await LockProductsAsync(db, order.Products, cancellationToken);
        var reviews = await db.Reviews
            .Where(r => r.OrderId == orderId || (r.OrderId == null && r.UserId != null && r.UserId == order.UserId && order.Products.Contains(r.ProductId)))
            .ToListAsync(cancellationToken);
        var hidden = new List<int>();
        foreach (var review in reviews)
        {
            var other = review.UserId is null ? null : await QualifyingOrderAsync(db, review.UserId, review.ProductId, null, cancellationToken, exceptOrderId: orderId);
            if (other is not null)
            {
                review.OrderId = other; // still a buyer through another paid order: the review stays
                continue;
            }
            review.OrderId = orderId;
            if (review.SystemHidden is not null) continue;
            review.SystemHidden = reason;
            hidden.Add(review.ProductId);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var productId in hidden.Distinct()) await RecomputeRatingAsync(db, productId, cancellationToken);
        return hidden.Distinct().ToList();
    }

    /// <summary>
    /// The order <paramref name="orderId"/> was paid (inside that transaction): its customer's reviews of its products
    /// that the store had hidden count again, now qualified by this order. Returns the products whose rating changed.
    /// </summary>
    public static async Task<IReadOnlyList<int>> RequalifyAsync(AppDbContext db, int orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new { o.UserId, Products = o.Lines.Select(l => l.ProductId).ToList() }).FirstAsync(cancellationToken);
        if (order.UserId is null) return [];
        await LockProductsAsync(db, order.Products, cancellationToken);
        var reviews = await db.Reviews
            .Where(r => r.UserId == order.UserId && r.SystemHidden != null && order.Products.Contains(r.ProductId))
            .ToListAsync(cancellationToken);
        foreach (var review in reviews)
        {
            review.OrderId = orderId;
            review.SystemHidden = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        var products = reviews.Select(r => r.ProductId).Distinct().ToList();
        foreach (var productId in products) await RecomputeRatingAsync(db, productId, cancellationToken);
        return products;
    }

    /// <summary>
    /// Takes the products' locks (in id order) before an order's reviews are read: a review being written takes its
    /// product's lock first, so it is either committed and read here, or written after this change and sees it.
    /// </summary>
    private static async Task LockProductsAsync(AppDbContext db, IEnumerable<int> productIds, CancellationToken cancellationToken)
    {
        foreach (var productId in productIds.Distinct().Order()) await db.Locks.LockRowAsync<Product>(db, productId, cancellationToken);
    }

    /// <summary>"John D.": first name and the initial of the last name.</summary>
    public static string AuthorName(string? firstName, string? lastName)
    {
        var first = string.IsNullOrWhiteSpace(firstName) ? "Customer" : firstName.Trim();
        return string.IsNullOrWhiteSpace(lastName) ? first : $"{first} {char.ToUpperInvariant(lastName.Trim()[0])}.";
    }

    /// <summary>The customer's most recent paid order containing the product (the given one, when named), or null.</summary>
    private static Task<int?> QualifyingOrderAsync(AppDbContext db, string userId, int productId, int? orderId, CancellationToken cancellationToken,
        int? exceptOrderId = null) =>
        db.Orders.Where(o => o.UserId == userId
                             && QualifyingStatuses.Contains(o.Status)
                             && (orderId == null || o.Id == orderId)
                             && o.Id != exceptOrderId
                             && o.Lines.Any(l => l.ProductId == productId))
            .OrderByDescending(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);

    private static Task<bool> UnpaidOrderExistsAsync(AppDbContext db, string userId, int productId, int? orderId, CancellationToken cancellationToken) =>
        db.Orders.AnyAsync(o => o.UserId == userId
                                && o.Status == OrderStatus.Pending
                                && (orderId == null || o.Id == orderId)
                                && o.Lines.Any(l => l.ProductId == productId), cancellationToken);

    /// <summary>Why the customer may not review the product: no order of it at all, or none paid yet.</summary>
    private static async Task<Error> NotABuyerAsync(AppDbContext db, string userId, int productId, int? orderId, CancellationToken cancellationToken)
    {
        if (await UnpaidOrderExistsAsync(db, userId, productId, orderId, cancellationToken))
            return new Error(ErrorCodes.Forbidden, orderId is null
                ? "You can review this product once your order of it is paid."
                : "That order is not paid yet: you can review the product once it is.");
        return new Error(ErrorCodes.Forbidden, orderId is null
            ? "Only customers who bought this product can review it: a paid order of it is needed."
            : "That order is not yours, does not contain this product, or was cancelled or refunded.");
    }
}
