using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Instances;

/// <summary>
/// Leases that let several instances share background jobs so that each run happens once: an instance runs a job
/// only while it holds the job's lease. Taking one is a single conditional update (free, expired, or already ours),
/// so two instances asking at once cannot both get it.
/// </summary>
public sealed class JobLeases(IDbContextFactory<AppDbContext> dbFactory, InstanceIdentity instance, TimeProvider clock)
{
    /// <summary>Takes (or renews) the lease on <paramref name="job"/> for <paramref name="duration"/>; false when another instance holds it.</summary>
    public async Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.JobLeases
            .Where(l => l.Name == job && (l.Holder == instance.Name || l.Holder == null || l.LeasedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, instance.Name).SetProperty(l => l.LeasedUntil, until), cancellationToken);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == job, cancellationToken)) return false;
        try
        {
            db.JobLeases.Add(new JobLease { Name = job, Holder = instance.Name, LeasedUntil = until });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance created it at the same moment, and holds it
        }
    }

    /// <summary>Gives the lease back early (when this instance stops), so another can take the job at once.</summary>
    public async Task ReleaseAsync(string job, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.JobLeases.Where(l => l.Name == job && l.Holder == instance.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null), cancellationToken);
    }
}
