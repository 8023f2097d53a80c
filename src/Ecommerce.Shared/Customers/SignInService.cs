using Microsoft.AspNetCore.Identity;

namespace Ecommerce.Shared.Customers;

public enum SignInStatus
{
    Succeeded,
    /// <summary>Wrong password or no such account: the same answer for both.</summary>
    Failed,
    /// <summary>The account is locked (too many failures from anywhere, or by an admin) — or looks so, for an unknown address.</summary>
    LockedOut,
    /// <summary>This client has failed too often (for this account or at all) and must wait <see cref="SignInOutcome.RetryAfter"/>.</summary>
    Throttled,
}

public sealed record SignInOutcome(SignInStatus Status, ApplicationUser? User = null, TimeSpan? RetryAfter = null)
{
    public const string FailedMessage = "Invalid email or password";
    public const string LockedOutMessage = "Too many failed sign-ins: the account is locked for a few minutes. Try again later.";

    public bool Succeeded => Status == SignInStatus.Succeeded;

    /// <summary>What to tell the person signing in; the same whether or not the address has an account.</summary>
    public string Message => Status switch
    {
        SignInStatus.Succeeded => "Signed in.",
        SignInStatus.LockedOut => LockedOutMessage,
        SignInStatus.Throttled =>
            $"Too many failed sign-ins from your network. Wait {Minutes(RetryAfter ?? TimeSpan.FromMinutes(1))} and try again, or reset your password.",
        _ => FailedMessage,
    };

    private static string Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)) is var m && m == 1 ? "a minute" : $"{m} minutes";
}

/// <summary>
/// Checks an e-mail and password for the sign-in page and the API alike. It does the same work — one password hash —
/// and gives the same answers whether or not the address has an account; it makes one client that keeps failing wait
/// (<see cref="SignInThrottle"/>) long before Identity's account-wide lockout, which stays only as a high ceiling.
/// </summary>
public sealed class SignInService(
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    SignInThrottle throttle)
{
    private static readonly ApplicationUser Nobody = new() { UserName = "nobody@invalid", Email = "nobody@invalid" };

    public async Task<SignInOutcome> CheckPasswordAsync(string email, string password, string? clientIp)
    {
        var ip = string.IsNullOrEmpty(clientIp) ? "unknown" : clientIp;
        var account = users.NormalizeEmail(email.Trim()) ?? "";

        if (throttle.RetryAfter(ip, account) is { } wait) return new SignInOutcome(SignInStatus.Throttled, RetryAfter: wait);

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            if (throttle.IsUnknownAccountLocked(account)) return new SignInOutcome(SignInStatus.LockedOut);
            // The same hashing a real account's check costs, so that timing tells nothing either.
            var dummy = throttle.DummyHash(() => hasher.HashPassword(Nobody, Convert.ToBase64String(Guid.NewGuid().ToByteArray())));
            hasher.VerifyHashedPassword(Nobody, dummy, password);
            throttle.RecordFailure(ip, account);
            return new SignInOutcome(throttle.CountUnknownAccountFailure(account) ? SignInStatus.LockedOut : SignInStatus.Failed);
        }

        // As Identity's SignInManager.CheckPasswordSignInAsync does it: a locked account is refused before its
        // password is looked at; a wrong password counts towards the account-wide lockout.
        if (await users.IsLockedOutAsync(user)) return new SignInOutcome(SignInStatus.LockedOut);
        if (await users.CheckPasswordAsync(user, password))
        {
            if (await users.GetAccessFailedCountAsync(user) > 0) await users.ResetAccessFailedCountAsync(user);
            throttle.RecordSuccess(ip, account);
            return new SignInOutcome(SignInStatus.Succeeded, user);
        }
        throttle.RecordFailure(ip, account);
        await users.AccessFailedAsync(user);
        return new SignInOutcome(await users.IsLockedOutAsync(user) ? SignInStatus.LockedOut : SignInStatus.Failed);
    }
}
