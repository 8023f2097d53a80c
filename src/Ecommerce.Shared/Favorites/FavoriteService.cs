using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Favorites;

/// <summary>A customer's favourite products (the heart on product cards and pages).</summary>
public sealed class FavoriteService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The customer's favourite active products, most recently added first.</summary>
    public async Task<Result<PagedResult<ProductSummary>>> ListAsync(string userId, int pageNumber = 1, int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        Paging.Validate(pageNumber, pageSize, errors);
        if (errors.Count > 0) return Result<PagedResult<ProductSummary>>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var favorites =
            from favorite in db.Favorites
            join product in db.Products on favorite.ProductId equals product.Id
            where favorite.UserId == userId && product.Status == ProductStatus.Active
            select favorite;
        var total = await favorites.CountAsync(cancellationToken);
        var skip = (long)(pageNumber - 1) * pageSize;
        if (skip >= total) return new PagedResult<ProductSummary>([], pageNumber, pageSize, total);

        var ids = await favorites.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.ProductId)
            .Skip((int)skip).Take(pageSize).Select(f => f.ProductId).ToListAsync(cancellationToken);
        var items = await ProductProjection.SummariesInOrderAsync(db.Products.AsNoTracking(), ids, cancellationToken);
        return new PagedResult<ProductSummary>(items, pageNumber, pageSize, total);
    }

    /// <summary>Which of these products are among the customer's favourites (for hearts on a listing).</summary>
    public async Task<IReadOnlySet<int>> FavoriteIdsAsync(string userId, IEnumerable<int> productIds, CancellationToken cancellationToken = default)
    {
        var ids = productIds.Distinct().ToList();
        if (ids.Count == 0) return new HashSet<int>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Favorites.Where(f => f.UserId == userId && ids.Contains(f.ProductId)).Select(f => f.ProductId).ToListAsync(cancellationToken);
        return found.ToHashSet();
    }

    /// <summary>Marks a product as a favourite. Adding it twice keeps one; the result says whether it was new.</summary>
    public async Task<Result<bool>> AddAsync(string userId, int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.Status == ProductStatus.Active, cancellationToken))
            return Error.NotFound($"Product with ID '{productId}' not found");
        if (await db.Favorites.AnyAsync(f => f.UserId == userId && f.ProductId == productId, cancellationToken)) return false;

        db.Favorites.Add(new Favorite { UserId = userId, ProductId = productId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Added by a parallel request a moment ago: still one favourite.
            return false;
        }
        return true;
    }

    public async Task<Result<bool>> RemoveAsync(string userId, int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removed = await db.Favorites.Where(f => f.UserId == userId && f.ProductId == productId).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? Error.NotFound($"Product '{productId}' is not among your favorites") : true;
    }

    /// <summary>Adds the product when it is not a favourite, removes it when it is; returns whether it is one now.</summary>
    public async Task<Result<bool>> ToggleAsync(string userId, int productId, CancellationToken cancellationToken = default)
    {
        var removed = await RemoveAsync(userId, productId, cancellationToken);
        if (removed.Succeeded) return false;
        var added = await AddAsync(userId, productId, cancellationToken);
        return added.Succeeded ? true : Result<bool>.Failure(added.Errors);
    }
}
