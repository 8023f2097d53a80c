using Ecommerce.Shared.Common;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Customers;

/// <summary>
/// Caps the account e-mails that anyone can ask for on behalf of an address — password-reset links
/// (<c>RateLimiting:PasswordResetMailsPerAddress</c> per clock hour) and new verification links
/// (<c>RateLimiting:VerificationMailsPerAddress</c>) — so that nobody can flood a mailbox through these forms. Silent:
/// the caller answers the same whether a mail went out, was held back, or the address has no account.
/// </summary>
public sealed class AccountMailLimit(RateCounters counters, IOptionsMonitor<RateLimitingOptions> options)
{
    public bool TryReservePasswordReset(string emailAddress) =>
        TryReserve("reset-mail:", emailAddress, options.CurrentValue.PasswordResetMailsPerAddress);

    public bool TryReserveVerification(string emailAddress) =>
        TryReserve("verification-mail:", emailAddress, options.CurrentValue.VerificationMailsPerAddress);

    private bool TryReserve(string kind, string emailAddress, int perHour)
    {
        if (!options.CurrentValue.Enabled) return true;
        var window = new RateWindow(perHour, TimeSpan.FromHours(1));
        return counters.TryTake(new RateBucket(kind + emailAddress.Trim().ToUpperInvariant(), window)).Allowed;
    }
}
