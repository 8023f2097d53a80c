using Ecommerce.Shared.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Customers;

/// <summary>How sign-ins, sessions and e-mail verification behave (configuration section "Auth").</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// How often a sign-in cookie (and an open interactive page) is checked against the account's security stamp:
    /// after a lock, a role change, a password change or a sign-out, the old session ends within this time.
    /// </summary>
    public int SessionRevalidationSeconds { get; set; } = 30;

    /// <summary>
    /// How long an instance may remember an account's state (security stamp, roles, lock) when checking API access
    /// tokens. A change made on this instance takes effect at once; one made on another instance within this time.
    /// </summary>
    public int AccessCheckSeconds { get; set; } = 10;

    /// <summary>Whether an account must have verified its e-mail address before it can place orders.</summary>
    public bool RequireVerifiedEmailToOrder { get; set; }

    /// <summary>Failed sign-ins from one client IP for one account (known or not) before that pair must wait.</summary>
    public int FailedSignInsPerAccountAndIp { get; set; } = 5;

    /// <summary>Failed sign-ins from one client IP, whatever the accounts, before that IP must wait.</summary>
    public int FailedSignInsPerIp { get; set; } = 30;

    /// <summary>The window over which failed sign-ins are counted, and how long a throttled client waits.</summary>
    public int FailedSignInWindowMinutes { get; set; } = 15;

    /// <summary>
    /// Failed sign-ins of one account, from anywhere, before the account itself is locked for
    /// <see cref="LockoutMinutes"/>: a ceiling against guessing spread over many addresses, far above what one
    /// client may try, so that a stranger cannot lock the owner out.
    /// </summary>
    public int LockoutThreshold { get; set; } = 50;

    public int LockoutMinutes { get; set; } = 15;

    public TimeSpan FailedSignInWindow => TimeSpan.FromMinutes(FailedSignInWindowMinutes);

    internal IEnumerable<string> Problems()
    {
        if (SessionRevalidationSeconds < 0) yield return "Auth:SessionRevalidationSeconds must be 0 or more.";
        if (AccessCheckSeconds < 0) yield return "Auth:AccessCheckSeconds must be 0 or more.";
        if (FailedSignInsPerAccountAndIp < 1) yield return "Auth:FailedSignInsPerAccountAndIp must be at least 1.";
        if (FailedSignInsPerIp < FailedSignInsPerAccountAndIp) yield return "Auth:FailedSignInsPerIp must be at least Auth:FailedSignInsPerAccountAndIp.";
        if (FailedSignInWindowMinutes < 1) yield return "Auth:FailedSignInWindowMinutes must be at least 1.";
        if (LockoutThreshold <= FailedSignInsPerAccountAndIp)
            yield return "Auth:LockoutThreshold must be above Auth:FailedSignInsPerAccountAndIp, or one client could lock the account.";
        if (LockoutMinutes < 1) yield return "Auth:LockoutMinutes must be at least 1.";
    }

    /// <summary>Binds the section and refuses to start with values that make no sense.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddStoreOptions<AuthOptions>(Section);
        services.AddSingleton<IValidateOptions<AuthOptions>, Validator>();
    }

    private sealed class Validator : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
