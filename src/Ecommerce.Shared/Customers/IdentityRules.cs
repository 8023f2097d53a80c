using Microsoft.AspNetCore.Identity;

namespace Ecommerce.Shared.Customers;

/// <summary>The account rules every sign-in path shares (pages and API).</summary>
public static class IdentityRules
{
    public const int MinimumPasswordLength = 8;

    public static void Apply(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = true;
        // The account-wide lockout is a high ceiling (Auth:LockoutThreshold, applied by ConfigureLockout); single
        // clients are throttled long before it by SignInService.
        options.Lockout.AllowedForNewUsers = true;
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>Identity's lockout from the Auth settings.</summary>
    public static void ConfigureLockout(IdentityOptions options, AuthOptions auth)
    {
        options.Lockout.MaxFailedAccessAttempts = auth.LockoutThreshold;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.LockoutMinutes);
    }

    /// <summary>
    /// An admin's lock (<see cref="CustomerAdminService.SetLockedAsync"/>) has no end; a lockout after failed sign-ins
    /// ends after <see cref="AuthOptions.LockoutMinutes"/>. Only an admin's lock ends sessions and refreshes.
    /// </summary>
    public static readonly DateTimeOffset AdminLockEnd = DateTimeOffset.MaxValue;

    public static bool IsLockedByAdmin(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end >= AdminLockEnd.AddYears(-1);
}
