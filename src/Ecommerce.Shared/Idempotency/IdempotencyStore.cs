using System.ComponentModel.DataAnnotations;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Idempotency;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key and the response it produced are kept.</summary>
    [Range(1, 24 * 30)]
    public int Hours { get; set; } = 24;

    /// <summary>How long a repeated request waits for the first one with its key to finish before it answers 409.</summary>
    [Range(0, 120)]
    public int WaitSeconds { get; set; } = 10;

    /// <summary>
    /// A request still marked as running after this long is taken to have died with its instance (a crash between
    /// claiming the key and storing the response); the next request with the key runs it again.
    /// </summary>
    [Range(10, 3600)]
    public int AbandonAfterSeconds { get; set; } = 120;

    /// <summary>How often the expired keys are purged.</summary>
    [Range(1, 24 * 60)]
    public int PurgeIntervalMinutes { get; set; } = 60;
}

/// <summary>
/// One idempotency key as a caller used it: what the request was (a fingerprint of method, path and body) and, once
/// it finished, the response to replay. Keys are per caller: the same key from two accounts is two records.
/// </summary>
public class IdempotencyRecord
{
    public const int MaxKeyLength = 255;

    public long Id { get; set; }
    /// <summary>Whose key it is, e.g. "user:…".</summary>
    public required string Scope { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 (hex) of the request's method, path, query and body.</summary>
    public required string RequestHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>When the response was stored; null while the first request runs.</summary>
    public DateTime? CompletedAt { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
}

/// <summary>The response stored with a key, as it is replayed.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body);

/// <summary>What a request with an idempotency key should do.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim() { }

    /// <summary>First use of the key (or a retry after the first attempt failed): do the work, then complete or release.</summary>
    public sealed record Run(long RecordId) : IdempotencyClaim;
    /// <summary>The key's request already finished: answer with its response and do nothing else.</summary>
    public sealed record Replay(StoredResponse Response) : IdempotencyClaim;
    /// <summary>The key was used for a different request (another body, path or method).</summary>
    public sealed record Mismatch : IdempotencyClaim;
    /// <summary>The key's first request is still running and did not finish within the wait.</summary>
    public sealed record StillRunning : IdempotencyClaim;
}

/// <summary>
/// Keeps idempotency keys in the database, so that they survive a restart and hold across several instances: the
/// first request with a key inserts its record (a unique index on scope and key lets exactly one insert win, on
/// either database), runs, and stores its response; a repeat with the same fingerprint gets that response, waiting
/// for it while the first is still running; a repeat with another fingerprint is refused.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<AppDbContext> dbFactory, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<IdempotencyClaim> ClaimAsync(string scope, string key, string requestHash, CancellationToken cancellationToken = default)
    {
        var waitUntil = clock.GetUtcNow() + TimeSpan.FromSeconds(options.Value.WaitSeconds);
        while (true)
        {
            var existing = await FindAsync(scope, key, cancellationToken);
            if (existing is null)
            {
                if (await TryInsertAsync(scope, key, requestHash, cancellationToken) is { } id) return new IdempotencyClaim.Run(id);
                continue; // another request with the key inserted it at the same moment: look again
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (existing.ExpiresAt <= now)
            {
                await DeleteAsync(existing.Id, cancellationToken);
                continue;
            }
            if (existing.RequestHash != requestHash) return new IdempotencyClaim.Mismatch();
            if (existing.CompletedAt is not null)
                return new IdempotencyClaim.Replay(new StoredResponse(existing.StatusCode!.Value, existing.ContentType, existing.Location, existing.Body ?? []));

            if (existing.CreatedAt.AddSeconds(options.Value.AbandonAfterSeconds) <= now && await TryTakeOverAsync(existing, now, cancellationToken))
                return new IdempotencyClaim.Run(existing.Id);
            if (clock.GetUtcNow() >= waitUntil) return new IdempotencyClaim.StillRunning();
            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }

    /// <summary>Stores the response of a request that ran, for its replays.</summary>
    public async Task CompleteAsync(long recordId, StoredResponse response, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CompletedAt, now)
            .SetProperty(r => r.StatusCode, response.StatusCode)
            .SetProperty(r => r.ContentType, response.ContentType)
            .SetProperty(r => r.Location, response.Location)
            .SetProperty(r => r.Body, response.Body), cancellationToken);
    }

    /// <summary>Forgets a key whose request failed without an answer worth keeping (a 5xx or an exception), so that a retry runs it.</summary>
    public Task ReleaseAsync(long recordId, CancellationToken cancellationToken = default) => DeleteAsync(recordId, cancellationToken);

    /// <summary>Deletes the keys whose time is up; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
    }

    private async Task<long?> TryInsertAsync(string scope, string key, string requestHash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new IdempotencyRecord
        {
            Scope = scope, Key = key, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now.AddHours(options.Value.Hours),
        };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return record.Id;
        }
        catch (DbUpdateException)
        {
            // The unique index on (Scope, Key): another request claimed the key first. Anything else shows up on
            // the next look, which finds no record and tries again.
            return null;
        }
    }

    private async Task<bool> TryTakeOverAsync(IdempotencyRecord abandoned, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyRecords
            .Where(r => r.Id == abandoned.Id && r.CompletedAt == null && r.CreatedAt == abandoned.CreatedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, now), cancellationToken) == 1;
    }

    private async Task DeleteAsync(long recordId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync(cancellationToken);
    }
}
