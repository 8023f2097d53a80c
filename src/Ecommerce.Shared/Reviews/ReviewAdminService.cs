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
    public async Task<PagedResult<AdminReviewRow>> ListAsync(int pageNumber = 1, int pageSize = 25, bool? hidden = null, string? search = null, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        pageNumber = Math.Max(1, pageNumber);
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
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null) return NotFound(id);
        if (review.IsHidden == hidden) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        review.IsHidden = hidden;
        audit.Record(db, actor, hidden ? "review.hidden" : "review.shown", "Review", Id(id),
            $"{(hidden ? "Hid" : "Showed")} the review \"{review.Title ?? "(no title)"}\" by {review.AuthorName}");
        await db.SaveChangesAsync(cancellationToken);
        await ReviewService.RecomputeRatingAsync(db, review.ProductId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await catalogChanged.ProductsChangedAsync([review.ProductId], listingsChanged: true, cancellationToken);
        return true;
    }

    public async Task<Result<bool>> DeleteAsync(AdminActor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null) return NotFound(id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Reviews.Remove(review);
        audit.Record(db, actor, "review.deleted", "Review", Id(id),
            $"Deleted the review \"{review.Title ?? "(no title)"}\" by {review.AuthorName}", new { review.ProductId, review.Rating, review.Comment });
        await db.SaveChangesAsync(cancellationToken);
        await ReviewService.RecomputeRatingAsync(db, review.ProductId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await catalogChanged.ProductsChangedAsync([review.ProductId], listingsChanged: true, cancellationToken);
        return true;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
    private static Error NotFound(int id) => Error.NotFound($"Review with ID '{id}' not found");
}
