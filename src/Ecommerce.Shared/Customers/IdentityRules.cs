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
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        options.SignIn.RequireConfirmedAccount = false;
    }
}
