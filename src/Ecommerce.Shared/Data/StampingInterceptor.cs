using Ecommerce.Shared.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ecommerce.Shared.Data;

/// <summary>
/// Stamps what every save should carry without each service remembering it: <see cref="IHasTimestamps"/> entities get
/// the current UTC time from the injected clock, and new <see cref="IHasCorrelationId"/> entities (status history,
/// audit entries) the correlation id of the request that made them (<see cref="RequestCorrelation"/>).
/// </summary>
public sealed class StampingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var correlationId = RequestCorrelation.Current;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;

            if (entry.Entity is IHasTimestamps stamped)
            {
                if (entry.State == EntityState.Added)
                {
                    // Seeding may set historical times; keep them.
                    if (stamped.CreatedAt == default) stamped.CreatedAt = now;
                    if (stamped.UpdatedAt == default) stamped.UpdatedAt = stamped.CreatedAt;
                }
                else
                {
                    stamped.UpdatedAt = now;
                }
            }

            if (entry.State == EntityState.Added && entry.Entity is IHasCorrelationId correlated && correlated.CorrelationId is null)
                correlated.CorrelationId = correlationId;
        }
    }
}
