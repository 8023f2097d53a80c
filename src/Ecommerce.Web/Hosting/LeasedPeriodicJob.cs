using Ecommerce.Shared.Instances;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// A background job that runs at start-up and then every <see cref="Interval"/>, on the app's clock — on one instance
/// at a time: each run first takes the job's lease (<see cref="JobLeases"/>), held past the next tick so that the
/// holder keeps it while it lives, and another instance takes over when the holder stops. A failed run is logged and
/// tried again at the next tick.
/// </summary>
public abstract class LeasedPeriodicJob(JobLeases leases, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The lease's name, one per job.</summary>
    protected abstract string LeaseName { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One run, on the instance that holds the lease.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                if (!await leases.TryAcquireAsync(LeaseName, interval * 2, stoppingToken)) continue;
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The background job {Job} failed; trying again at the next run", LeaseName);
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
            logger.LogDebug(exception, "Could not give back the lease of {Job}; it runs out by itself", LeaseName);
        }
    }
}
