using System.Security.Cryptography;
using System.Text;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Ecommerce.Shared.Instances;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Customers;

/// <summary>What an access token is checked against: the account as it is now.</summary>
public sealed record AccountAccess(string UserId, string StampHash, IReadOnlyList<string> Roles, bool LockedByAdmin)
{
    /// <summary>Whether a token carrying <paramref name="stampHash"/> still speaks for this account.</summary>
    public bool Admits(string? stampHash) => !LockedByAdmin && stampHash is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stampHash), Encoding.ASCII.GetBytes(StampHash));
}

/// <summary>
/// The state of accounts as API requests need it (security stamp, roles, whether an admin locked it), read from the
/// database and kept by this instance for at most <see cref="AuthOptions.AccessCheckSeconds"/>. Every change to an
/// account made through <see cref="StoreUserManager"/> evicts its entry, so on this instance a lock, a role change,
/// a password change, a sign-out everywhere or a deletion applies to the very next request.
/// </summary>
public sealed class AccountAccessCache(
    IDbContextFactory<AppDbContext> dbFactory, IOptions<AuthOptions> options, IInstanceBroadcast broadcast, ILogger<AccountAccessCache> logger)
    : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    /// <summary>The account, or null when it no longer exists.</summary>
    public async ValueTask<AccountAccess?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var key = Key(userId);
        if (cache.TryGetValue(key, out Entry? cached) && cached is not null) return cached.Access;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(cancellationToken);
        AccountAccess? access = null;
        if (user is not null)
        {
            var roles = await (from link in db.UserRoles
                               join role in db.Roles on link.RoleId equals role.Id
                               where link.UserId == userId
                               orderby role.Name
                               select role.Name!).ToListAsync(cancellationToken);
            access = new AccountAccess(userId, HashStamp(user.SecurityStamp), roles, IdentityRules.IsLockedByAdmin(user.LockoutEnd));
        }

        var seconds = options.Value.AccessCheckSeconds;
        if (seconds > 0) cache.Set(key, new Entry(access), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds) });
        return access;
    }

    /// <summary>
    /// Forgets what this instance knows of the account, so that the next request reads it again, and tells the other
    /// instances to do the same (without waiting: they forget it at the latest after <see cref="AuthOptions.AccessCheckSeconds"/>).
    /// </summary>
    public void Evict(string userId)
    {
        EvictHere(userId);
        _ = AnnounceAsync(userId);
    }

    /// <summary>Forgets the account on this instance only (another instance announced the change).</summary>
    public void EvictHere(string userId) => cache.Remove(Key(userId));

    /// <summary>Forgets every account on this instance (after missing other instances' announcements).</summary>
    public void Clear() => cache.Clear();

    private async Task AnnounceAsync(string userId)
    {
        try
        {
            await broadcast.PublishAsync(AccountAccessMessageHandler.TopicName, userId);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not tell the other instances that an account changed");
        }
    }

    public void Dispose() => cache.Dispose();

    /// <summary>
    /// What access tokens carry instead of the security stamp itself: Identity derives one-time codes from the stamp,
    /// so the stamp must not be readable from a token.
    /// </summary>
    public static string HashStamp(string? securityStamp) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("access-token-stamp:" + securityStamp)))[..32];

    private static string Key(string userId) => "account-access:" + userId;

    private sealed record Entry(AccountAccess? Access);
}

/// <summary>Another instance changed an account: forget it here too.</summary>
public sealed class AccountAccessMessageHandler(AccountAccessCache cache) : IInstanceMessageHandler
{
    public const string TopicName = "account";

    public string Topic => TopicName;

    public Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        cache.EvictHere(payload);
        return Task.CompletedTask;
    }

    public Task ResyncAsync(CancellationToken cancellationToken)
    {
        cache.Clear();
        return Task.CompletedTask;
    }
}
