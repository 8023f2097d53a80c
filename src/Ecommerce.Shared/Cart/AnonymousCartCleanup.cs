using System.ComponentModel.DataAnnotations;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Cart;

/// <summary>The <c>Cart</c> section.</summary>
public sealed class CartOptions
{
    public const string Section = "Cart";

    /// <summary>Anonymous carts not changed for this many days are removed.</summary>
    [Range(1, 3650)]
    public int AnonymousDays { get; set; } = 30;

    /// <summary>How often the clean-up runs, in minutes (fractions allowed: 0.5 is every 30 seconds).</summary>
    [Range(0.01, 10080)]
    public double CleanupIntervalMinutes { get; set; } = 60;
}

/// <summary>
/// Removes anonymous visitors' carts (with their lines) that nobody has changed for <c>Cart:AnonymousDays</c>: their
/// cookie has expired by then, so no visitor can reach them again. Customers' carts are never removed.
/// </summary>
public sealed class AnonymousCartCleanup(IDbContextFactory<AppDbContext> dbFactory, IOptions<CartOptions> options, TimeProvider clock)
{
    /// <summary>Deletes the stale anonymous carts; returns how many were removed.</summary>
    public async Task<int> RemoveStaleCartsAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.AnonymousDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The lines go with their cart (ON DELETE CASCADE).
        return await db.Carts.Where(c => c.UserId == null && c.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
