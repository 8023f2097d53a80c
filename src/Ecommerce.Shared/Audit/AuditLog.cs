using System.Text.Json;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Audit;

/// <summary>Who is making a back-office change (an admin, from a page or the admin API).</summary>
public sealed record AdminActor(string UserId, string Email, string Channel = "back office");

/// <summary>One recorded change: who, when, what entity, what changed.</summary>
public class AuditEntry : IHasCorrelationId
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserEmail { get; set; }
    /// <summary>"back office" or "api".</summary>
    public required string Channel { get; set; }
    /// <summary>What was done, e.g. "product.updated", "order.status-changed".</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    /// <summary>A sentence a person reads, e.g. "Changed price of Driftwood Headphones from $129.00 to $119.00".</summary>
    public required string Summary { get; set; }
    /// <summary>JSON object: field → { from, to }, or details of a bulk action.</summary>
    public string? Changes { get; set; }
    /// <summary>The <c>X-Correlation-Id</c> of the request that made the change (null for back-office pages and jobs).</summary>
    public string? CorrelationId { get; set; }
}

public sealed record AuditView(long Id, DateTime At, string UserEmail, string Channel, string Action, string EntityType, string? EntityId, string Summary, string? Changes);

public sealed record AuditQuery
{
    public int PageNumber { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? User { get; init; }
    public string? Action { get; init; }
    public DateTime? From { get; init; }
    public DateTime? Until { get; init; }
}

/// <summary>A field's value before and after a change.</summary>
public sealed record FieldChange(object? From, object? To);

/// <summary>
/// The back office's audit trail. Admin services add an entry in the same unit of work as the change they record,
/// so a change and its record are saved together or not at all.
/// </summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an entry to <paramref name="db"/>; it is written by the caller's SaveChanges.</summary>
    public void Record(AppDbContext db, AdminActor actor, string action, string entityType, string? entityId, string summary, object? changes = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserEmail = actor.Email,
            Channel = actor.Channel,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary.Length > 1000 ? summary[..1000] : summary,
            Changes = changes is null ? null : JsonSerializer.Serialize(changes, Json),
        });

    /// <summary>Records an entry on its own (for changes made outside an EF unit of work, e.g. Identity's).</summary>
    public async Task RecordAsync(AdminActor actor, string action, string entityType, string? entityId, string summary, object? changes = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Record(db, actor, action, entityType, entityId, summary, changes);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Result<PagedResult<AuditView>>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var (pageNumber, pageSize) = (query.PageNumber, query.PageSize);
        if (Paging.Check(pageNumber, pageSize) is { Count: > 0 } invalid) return Result<PagedResult<AuditView>>.Failure(invalid);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(e => e.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId)) entries = entries.Where(e => e.EntityId == query.EntityId);
        if (!string.IsNullOrWhiteSpace(query.Action)) entries = entries.Where(e => e.Action == query.Action);
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.UserEmail.ToLower().Contains(user));
        }
        if (UtcTime.Normalize(query.From) is { } from) entries = entries.Where(e => e.At >= from);
        if (UtcTime.Normalize(query.Until) is { } until) entries = entries.Where(e => e.At < until);

        var total = await entries.CountAsync(cancellationToken);
        var skip = (long)(pageNumber - 1) * pageSize;
        var items = skip >= total ? [] : await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((int)skip).Take(pageSize)
            .Select(e => new AuditView(e.Id, e.At, e.UserEmail, e.Channel, e.Action, e.EntityType, e.EntityId, e.Summary, e.Changes))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditView>(items, pageNumber, pageSize, total);
    }

    /// <summary>The entity types present in the log, for the filter list.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    /// <summary>The fields whose values differ, as field → (from, to).</summary>
    public static Dictionary<string, FieldChange> Diff(IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after)
    {
        var changes = new Dictionary<string, FieldChange>();
        foreach (var (field, value) in after)
        {
            var old = before.GetValueOrDefault(field);
            if (!Equals(Normalize(old), Normalize(value))) changes[field] = new FieldChange(old, value);
        }
        return changes;
    }

    private static object? Normalize(object? value) => value switch
    {
        IEnumerable<string> list => string.Join("\u001f", list),
        _ => value,
    };
}
