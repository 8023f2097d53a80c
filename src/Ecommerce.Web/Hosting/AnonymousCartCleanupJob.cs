using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Instances;
using Microsoft.Extensions.Options;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// Runs <see cref="AnonymousCartCleanup"/> at start-up and then every <c>Cart:CleanupIntervalMinutes</c>, on one
/// instance at a time (<see cref="LeasedPeriodicJob"/>).
/// </summary>
public sealed class AnonymousCartCleanupJob(
    AnonymousCartCleanup cleanup, JobLeases leases, IOptions<CartOptions> options, TimeProvider clock, ILogger<AnonymousCartCleanupJob> logger)
    : LeasedPeriodicJob(leases, clock, logger)
{
    public const string Name = "anonymous-cart-cleanup";

    protected override string LeaseName => Name;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await cleanup.RemoveStaleCartsAsync(cancellationToken);
        logger.LogDebug("The anonymous-cart clean-up ran on this instance and removed {Count} carts", removed);
        if (removed > 0) logger.LogInformation("Removed {Count} anonymous carts untouched for {Days} days", removed, options.Value.AnonymousDays);
    }
}
