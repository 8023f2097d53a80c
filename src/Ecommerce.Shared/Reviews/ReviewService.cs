using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Orders;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Reviews;

public sealed record ReviewInput(int? Rating, string? Title, string? Comment, int? OrderId = null);

public sealed record ReviewView(int Id, int ProductId, string? UserId, string UserName, int Rating, string? Title, string? Comment, DateTime CreatedAt);

/// <summary>Whether a customer may review a product, and why not.</summary>
public enum ReviewEligibility { Eligible, NotBought, AlreadyReviewed }

/// <summary>
/// Reviews by customers who bought the product (a non-cancelled order containing it), one per customer and
/// product. The product's average rating and review count follow every change.
/// </summary>
public sealed class ReviewService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxTitleLength = 200;
    public const int MaxCommentLength = 4000;

    public async Task<ReviewEligibility> EligibilityAsync(string userId, int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Reviews.AnyAsync(r => r.ProductId == productId && r.UserId == userId, cancellationToken)) return ReviewEligibility.AlreadyReviewed;
        return await BoughtAsync(db, userId, productId, null, cancellationToken) ? ReviewEligibility.Eligible : ReviewEligibility.NotBought;
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

        if (!await BoughtAsync(db, userId, productId, input.OrderId, cancellationToken))
        {
            return new Error(ErrorCodes.Forbidden, input.OrderId is null
                ? "Only customers who bought this product can review it."
                : "That order is not yours or does not contain this product.");
        }
        if (await db.Reviews.AnyAsync(r => r.ProductId == productId && r.UserId == userId, cancellationToken))
            return Error.AlreadyExists("productId", "You have already reviewed this product.");

        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var review = new Review
        {
            ProductId = productId,
            UserId = userId,
            OrderId = input.OrderId,
            AuthorName = AuthorName(user.FirstName, user.LastName),
            Rating = input.Rating!.Value,
            Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim(),
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
        };
        db.Reviews.Add(review);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Error.AlreadyExists("productId", "You have already reviewed this product.");
        }
        await RecomputeRatingAsync(db, productId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReviewView(review.Id, productId, userId, review.AuthorName, review.Rating, review.Title, review.Comment, review.CreatedAt);
    }

    /// <summary>Sets the product's rating and review count from its visible reviews.</summary>
    public static async Task RecomputeRatingAsync(AppDbContext db, int productId, CancellationToken cancellationToken)
    {
        var visible = db.Reviews.Where(r => r.ProductId == productId && !r.IsHidden);
        var count = await visible.CountAsync(cancellationToken);
        var average = count == 0 ? 0 : await visible.AverageAsync(r => (double)r.Rating, cancellationToken);
        await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Rating, average)
            .SetProperty(p => p.ReviewCount, count), cancellationToken);
    }

    /// <summary>"John D.": first name and the initial of the last name.</summary>
    public static string AuthorName(string? firstName, string? lastName)
    {
        var first = string.IsNullOrWhiteSpace(firstName) ? "Customer" : firstName.Trim();
        return string.IsNullOrWhiteSpace(lastName) ? first : $"{first} {char.ToUpperInvariant(lastName.Trim()[0])}.";
    }

    private static Task<bool> BoughtAsync(AppDbContext db, string userId, int productId, int? orderId, CancellationToken cancellationToken) =>
        db.Orders.AnyAsync(o => o.UserId == userId
                                && o.Status != OrderStatus.Cancelled
                                && (orderId == null || o.Id == orderId)
                                && o.Lines.Any(l => l.ProductId == productId), cancellationToken);
}
