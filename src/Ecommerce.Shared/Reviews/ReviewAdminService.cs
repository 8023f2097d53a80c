using System.Globalization;
using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Reviews;

/// <summary>A review in the back office: <see cref="IsHidden"/> is an admin's choice, <see cref="SystemHidden"/> the store's (its order was cancelled or refunded).</summary>
public sealed record AdminReviewRow(int Id, int ProductId, string ProductName, string ProductSlug, string AuthorName, int Rating,
    string? Title, string? Comment, bool IsHidden, DateTime CreatedAt, SystemHideReason? SystemHidden = null, string? OrderNumber = null)
{
    public bool IsVisible => !IsHidden && SystemHidden is null;
}

/// <summary>
/// Reviews for admins: newest first, hide or show, delete. Hidden reviews — by an admin, or by the store because
/// their order was cancelled or refunded — do not count in the product's rating.
/// </summary>
public sealed class ReviewAdminService(IDbContextFactory<AppDbContext> dbFactory, AuditLog audit, ICatalogChangeNotifier catalogChanged)
{
    public async Task<Result<PagedResult<AdminReviewRow>>> ListAsync(int pageNumber = 1, int pageSize = Paging.DefaultPageSize, bool? hidden = null, string? search = null, CancellationToken cancellationToken = default)
    {
        if (Paging.Check(pageNumber, pageSize) is { Count: > 0 } invalid) return Result<PagedResult<AdminReviewRow>>.Failure(invalid);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reviews =
            from review in db.Reviews.AsNoTracking()
            join product in db.Products on review.ProductId equals product.Id
            join order in db.Orders on review.OrderId equals order.Id into orders
            from order in orders.DefaultIfEmpty()
            select new { review, product.Name, product.Slug, OrderNumber = order == null ? null : order.OrderNumber };
        if (hidden is true) reviews = reviews.Where(r => r.review.IsHidden || r.review.SystemHidden != null);
        if (hidden is false) reviews = reviews.Where(r => !r.review.IsHidden && r.review.SystemHidden == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            reviews = reviews.Where(r => r.Name.ToLower().Contains(term) || r.review.AuthorName.ToLower().Contains(term)
                                         || (r.review.Title != null && r.review.Title.ToLower().Contains(term)));
        }
        var total = await reviews.CountAsync(cancellationToken);
        var skip = (long)(pageNumber - 1) * pageSize;
        var rows = skip >= total ? [] : await reviews.OrderByDescending(r => r.review.CreatedAt).ThenByDescending(r => r.review.Id)
            .Skip((int)skip).Take(pageSize)
            .Select(r => new AdminReviewRow(r.review.Id, r.review.ProductId, r.Name, r.Slug, r.review.AuthorName, r.review.Rating,
                r.review.Title, r.review.Comment, r.review.IsHidden, r.review.CreatedAt, r.review.SystemHidden, r.OrderNumber))
            .ToListAsync(cancellationToken);
        return new PagedResult<AdminReviewRow>(rows, pageNumber, pageSize, total);
    }

    public async Task<Result<bool>> SetHiddenAsync(AdminActor actor, int id, bool hidden, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.InTransactionAsync<int?>(async ct =>
        {
            var review = await LockedReviewAsync(db, id, ct);
            if (review is null) return NotFound(id);
            if (review.IsHidden == hidden) return (int?)null;
            review.IsHidden = hidden;
            audit.Record(db, actor, hidden ? "review.hidden" : "review.shown", "Review", Id(id),
                $"{(hidden ? "Hid" : "Showed")} the review \"{review.Title ?? "(no title)"}\" by {review.AuthorName}");
            await db.SaveChangesAsync(ct);
            await ReviewService.RecomputeRatingAsync(db, review.ProductId, ct);
            return review.ProductId;
        }, cancellationToken);
        return await RatedAsync(changed, cancellationToken);
    }

    public async Task<Result<bool>> DeleteAsync(AdminActor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.InTransactionAsync<int?>(async ct =>
        {
            var review = await LockedReviewAsync(db, id, ct);
            if (review is null) return NotFound(id);
            db.Reviews.Remove(review);
            audit.Record(db, actor, "review.deleted", "Review", Id(id),
                $"Deleted the review \"{review.Title ?? "(no title)"}\" by {review.AuthorName}", new { review.ProductId, review.Rating, review.Comment });
            await db.SaveChangesAsync(ct);
            await ReviewService.RecomputeRatingAsync(db, review.ProductId, ct);
            return review.ProductId;
        }, cancellationToken);
        return await RatedAsync(deleted, cancellationToken);
    }

    /// <summary>The review, read after its product's lock is taken (as every change of a product's reviews takes it first).</summary>
    private static async Task<Review?> LockedReviewAsync(AppDbContext db, int id, CancellationToken cancellationToken)
    {
        var productId = await db.Reviews.Where(r => r.Id == id).Select(r => (int?)r.ProductId).FirstOrDefaultAsync(cancellationToken);
        if (productId is null) return null;
        await db.Locks.LockRowAsync<Product>(db, productId.Value, cancellationToken);
        return await db.Reviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>The answer to a change of a review: whether it changed the product's rating (then its pages are refreshed).</summary>
    private async Task<Result<bool>> RatedAsync(Result<int?> changed, CancellationToken cancellationToken)
    {
        if (!changed.Succeeded) return Result<bool>.Failure(changed.Errors);
        if (changed.Value is not { } productId) return false;
        await catalogChanged.ProductsChangedAsync([productId], listingsChanged: true, cancellationToken);
        return true;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
    private static Error NotFound(int id) => Error.NotFound($"Review with ID '{id}' not found");
}
