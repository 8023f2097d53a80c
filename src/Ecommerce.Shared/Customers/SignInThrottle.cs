using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Customers;

/// <summary>
/// Counts failed sign-ins by client IP and by (client IP, account), so that one client guessing passwords is made
/// to wait long before the account-wide lockout is reached: a stranger cannot lock the owner out, and the owner
/// signing in from elsewhere is not affected. An account is named by the normalised e-mail typed, whether or not an
/// account has it, so the answers tell nothing about which addresses have accounts. Counters live in this
/// instance's memory (bounded) for <see cref="AuthOptions.FailedSignInWindowMinutes"/>.
/// </summary>
public sealed class SignInThrottle(IOptions<AuthOptions> options, TimeProvider clock) : IDisposable
{
    private const int MaxEntries = 200_000;
    private readonly MemoryCache _counters = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>When the client must still wait before trying this account (or any account), or null when it may try.</summary>
    public TimeSpan? RetryAfter(string clientIp, string account)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var wait = Wait(IpKey(clientIp), settings.FailedSignInsPerIp, now);
        var pairWait = Wait(PairKey(clientIp, account), settings.FailedSignInsPerAccountAndIp, now);
        return wait is null ? pairWait : pairWait is null ? wait : Max(wait.Value, pairWait.Value);
    }

    /// <summary>Counts a failed sign-in of the client for the account.</summary>
    public void RecordFailure(string clientIp, string account)
    {
        var now = clock.GetUtcNow();
        Count(IpKey(clientIp), now);
        Count(PairKey(clientIp, account), now);
    }

    /// <summary>A correct password from the client clears its count for that account (not its count as an IP).</summary>
    public void RecordSuccess(string clientIp, string account) => _counters.Remove(PairKey(clientIp, account));

    /// <summary>
    /// For an address without an account: counts the failure as Identity counts those of a real account, and says
    /// whether the address now shows as locked, so that the lockout message comes for unknown addresses too.
    /// </summary>
    public bool CountUnknownAccountFailure(string account)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var counter = Counter(UnknownKey(account), now, TimeSpan.FromDays(1));
        lock (counter)
        {
            if (counter.LockedUntil > now) return true;
            if (++counter.Failures < settings.LockoutThreshold) return false;
            counter.Failures = 0;
            counter.LockedUntil = now + TimeSpan.FromMinutes(settings.LockoutMinutes);
            return true;
        }
    }

    /// <summary>Whether an address without an account shows as locked (see <see cref="CountUnknownAccountFailure"/>).</summary>
    public bool IsUnknownAccountLocked(string account) =>
        _counters.TryGetValue(UnknownKey(account), out FailureCounter? counter) && counter!.LockedUntil > clock.GetUtcNow();

    /// <summary>A password hash made once with the store's hasher, checked against for unknown addresses so they cost the same.</summary>
    public string DummyHash(Func<string> create) => _dummyHash ??= create();

    private string? _dummyHash;

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_counters.TryGetValue(key, out FailureCounter? counter)) return null;
        lock (counter!)
            return counter.Failures >= limit && counter.WindowEnds > now ? counter.WindowEnds - now : null;
    }

    private void Count(string key, DateTimeOffset now)
    {
        var counter = Counter(key, now, options.Value.FailedSignInWindow);
        lock (counter)
        {
            if (counter.WindowEnds <= now)
            {
                counter.Failures = 0;
                counter.WindowEnds = now + options.Value.FailedSignInWindow;
            }
            counter.Failures++;
        }
    }

    private FailureCounter Counter(string key, DateTimeOffset now, TimeSpan window) =>
        _counters.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = window + TimeSpan.FromMinutes(1);
            return new FailureCounter { WindowEnds = now + window };
        })!;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    private static string IpKey(string ip) => "ip|" + ip;
    private static string PairKey(string ip, string account) => "pair|" + ip + "|" + account;
    private static string UnknownKey(string account) => "unknown|" + account;

    public void Dispose() => _counters.Dispose();

    private sealed class FailureCounter
    {
        public int Failures;
        public DateTimeOffset WindowEnds;
        public DateTimeOffset LockedUntil;
    }
}
