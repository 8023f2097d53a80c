using Ecommerce.Shared.Cart;
using Microsoft.Extensions.Options;

namespace Ecommerce.Web.Hosting;

/// <summary>Runs <see cref="AnonymousCartCleanup"/> at start-up and then every <c>Cart:CleanupIntervalMinutes</c>, on the app's clock.</summary>
public sealed class AnonymousCartCleanupJob(
    AnonymousCartCleanup cleanup, IOptions<CartOptions> options, TimeProvider clock, ILogger<AnonymousCartCleanupJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes), clock);
        do
        {
            try
            {
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
}
