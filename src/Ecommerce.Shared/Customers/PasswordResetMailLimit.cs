using Ecommerce.Shared.Common;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Customers;

/// <summary>
/// Caps the password-reset mails sent to one address (<c>RateLimiting:PasswordResetMailsPerAddress</c> per clock
/// hour), so that nobody can flood a mailbox through "Forgot password". Silent: the caller answers the same whether a
/// mail went out, was held back, or the address has no account.
/// </summary>
public sealed class PasswordResetMailLimit(RateCounters counters, IOptionsMonitor<RateLimitingOptions> options)
{
    public bool TryReserve(string emailAddress)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled) return true;
        var window = new RateWindow(settings.PasswordResetMailsPerAddress, TimeSpan.FromHours(1));
        return counters.TryTake(new RateBucket("reset-mail:" + emailAddress.Trim().ToUpperInvariant(), window)).Allowed;
    }
}
