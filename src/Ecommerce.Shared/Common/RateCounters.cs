namespace Ecommerce.Shared.Common;

/// <summary>At most <see cref="Limit"/> uses per <see cref="Length"/>, counted in windows aligned to the clock (whole hours, whole minutes…).</summary>
public readonly record struct RateWindow(int Limit, TimeSpan Length);

/// <summary>One counter to take from: a key (what is counted, e.g. "api:ip:203.0.113.9") and its window.</summary>
public readonly record struct RateBucket(string Key, RateWindow Window);

/// <summary>
/// The outcome of taking one use: whether it was allowed, and the first bucket's limit, what is left of it and when
/// its window ends; when refused, how long until every full bucket has room again.
/// </summary>
public readonly record struct RateDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset Reset, TimeSpan RetryAfter)
{
    /// <summary><see cref="RetryAfter"/> in whole seconds, at least 1.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// Fixed-window counters for rate limits, in memory and per instance, on the injected clock. Several buckets are
/// taken together (an hourly quota and a burst window, or a client address and an account): a use counts in all of
/// them or in none. A counter is forgotten only once its window is over, so an idle client keeps its count.
/// </summary>
public sealed class RateCounters(TimeProvider clock)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Key, long WindowTicks), Counter> _counters = [];
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    private sealed class Counter
    {
        public long WindowStart;
        public int Count;
    }

    /// <summary>How many counters are held (for tests and diagnostics).</summary>
    public int Count
    {
        get { lock (_gate) return _counters.Count; }
    }

    /// <summary>Takes one use from every bucket, or from none when any of them is full.</summary>
    public RateDecision TryTake(params IReadOnlyList<RateBucket> buckets)
    {
        if (buckets.Count == 0) throw new ArgumentException("At least one bucket is needed.", nameof(buckets));
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Sweep(now);
            var counters = new Counter[buckets.Count];
            var retryAfter = TimeSpan.Zero;
            for (var i = 0; i < buckets.Count; i++)
            {
                var (key, window) = buckets[i];
                var start = WindowStart(now, window.Length);
                if (!_counters.TryGetValue((key, window.Length.Ticks), out var counter))
                    _counters[(key, window.Length.Ticks)] = counter = new Counter { WindowStart = start };
                if (counter.WindowStart != start) { counter.WindowStart = start; counter.Count = 0; }
                counters[i] = counter;
                if (counter.Count >= window.Limit)
                {
                    var wait = new DateTimeOffset(start + window.Length.Ticks, TimeSpan.Zero) - now;
                    if (wait > retryAfter) retryAfter = wait;
                }
            }

            var allowed = retryAfter == TimeSpan.Zero;
            if (allowed)
                foreach (var counter in counters) counter.Count++;
            var first = buckets[0].Window;
            return new RateDecision(allowed, first.Limit, Math.Max(0, first.Limit - counters[0].Count),
                new DateTimeOffset(counters[0].WindowStart + first.Length.Ticks, TimeSpan.Zero), retryAfter);
        }
    }

    /// <summary>Windows start at whole multiples of their length since the Unix epoch: an hour window at every full hour.</summary>
    private static long WindowStart(DateTimeOffset now, TimeSpan length)
    {
        var sinceEpoch = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.UtcTicks + sinceEpoch - sinceEpoch % length.Ticks;
    }

    /// <summary>Drops counters whose window is over (they would count from zero anyway), at most once a minute.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep) return;
        _nextSweep = now + SweepEvery;
        List<(string, long)>? expired = null;
        foreach (var (key, counter) in _counters)
            if (counter.WindowStart + key.WindowTicks <= now.UtcTicks) (expired ??= []).Add(key);
        if (expired is null) return;
        foreach (var key in expired) _counters.Remove(key);
    }
}
