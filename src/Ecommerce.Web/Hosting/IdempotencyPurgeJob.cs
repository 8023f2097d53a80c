using Ecommerce.Shared.Idempotency;
using Ecommerce.Shared.Instances;
using Microsoft.Extensions.Options;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// Deletes idempotency keys older than <c>Idempotency:Hours</c> every <c>Idempotency:PurgeIntervalMinutes</c>, on one
/// instance at a time (<see cref="LeasedPeriodicJob"/>).
/// </summary>
public sealed class IdempotencyPurgeJob(
    IdempotencyStore store, JobLeases leases, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyPurgeJob> logger)
    : LeasedPeriodicJob(leases, clock, logger)
{
    public const string Name = "idempotency-purge";

    protected override string LeaseName => Name;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await store.PurgeExpiredAsync(cancellationToken);
        logger.LogDebug("The idempotency-key purge ran on this instance and removed {Count} keys", removed);
    }
}
