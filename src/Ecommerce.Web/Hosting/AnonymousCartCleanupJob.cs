using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Instances;
using Microsoft.Extensions.Options;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// Runs <see cref="AnonymousCartCleanup"/> at start-up and then every <c>Cart:CleanupIntervalMinutes</c>, on the app's
/// clock — on one instance at a time: each run first takes the job's lease (<see cref="JobLeases"/>), so that with
/// several instances the clean-up runs once, and another instance takes over when the holder stops.
/// </summary>
public sealed class AnonymousCartCleanupJob(
    AnonymousCartCleanup cleanup, JobLeases leases, IOptions<CartOptions> options, TimeProvider clock, ILogger<AnonymousCartCleanupJob> logger)
    : BackgroundService
{
    public const string LeaseName = "anonymous-cart-cleanup";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                // Held past the next tick, so the holder keeps it while it lives; another instance gets it once it is gone.
                if (!await leases.TryAcquireAsync(LeaseName, interval * 2, stoppingToken)) continue;
                var removed = await cleanup.RemoveStaleCartsAsync(stoppingToken);
                if (removed > 0) logger.LogInformation("Removed {Count} anonymous carts untouched for {Days} days", removed, options.Value.AnonymousDays);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Removing stale anonymous carts failed; trying again at the next run");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await leases.ReleaseAsync(LeaseName, cancellationToken); }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogDebug(exception, "Could not give back the clean-up lease; it runs out by itself");
        }
    }
}
