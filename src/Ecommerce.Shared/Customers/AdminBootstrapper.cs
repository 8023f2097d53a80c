using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Customers;

/// <summary>The back office (configuration section "Admin"): the bootstrap admin account, and what the back office shows.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";
    public const string DevelopmentEmail = "admin@example.com";

    [EmailAddress]
    public string? Email { get; set; }
    public string? Password { get; set; }

    /// <summary>Products with this many or fewer in stock are low: listed on the dashboard, the products grid's "Low" stock filter.</summary>
    [Range(0, 1_000_000)]
    public int LowStockThreshold { get; set; } = 5;
}

/// <summary>
/// Creates the roles and makes sure the configured admin account exists with the configured password.
/// Only in Development, and only when no admin is configured, it invents one and prints its password once.
/// Outside Development no account with a known password is ever created.
/// </summary>
public sealed class AdminBootstrapper(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> options,
    ILogger<AdminBootstrapper> logger)
{
    public async Task EnsureAsync(bool isDevelopment, TextWriter console)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
        }

        var email = options.Value.Email?.Trim();
        var password = options.Value.Password;

        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            if (!string.IsNullOrEmpty(email) || !string.IsNullOrEmpty(password))
                logger.LogWarning("Admin:Email and Admin:Password must both be set; the admin account was not changed.");
            if (isDevelopment && string.IsNullOrEmpty(email) && string.IsNullOrEmpty(password))
                await EnsureDevelopmentAdminAsync(console);
            else if (!isDevelopment)
                logger.LogInformation("No Admin:Email/Admin:Password configured; no admin account was created.");
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = "Store", LastName = "Admin" };
            Check(await users.CreateAsync(user, password), "create the admin account from Admin:Email/Admin:Password");
            logger.LogInformation("Admin account {Email} created.", email);
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password), "set the admin password from Admin:Password");
            logger.LogInformation("Admin account {Email}: password updated from configuration.", email);
        }

        if (await users.IsLockedOutAsync(user)) await users.SetLockoutEndDateAsync(user, null);
        if (!await users.IsInRoleAsync(user, Roles.Admin))
            Check(await users.AddToRoleAsync(user, Roles.Admin), "give the admin account the Admin role");
    }

    private async Task EnsureDevelopmentAdminAsync(TextWriter console)
    {
        var existing = await users.FindByEmailAsync(AdminOptions.DevelopmentEmail);
        if (existing is not null)
        {
            if (!await users.IsInRoleAsync(existing, Roles.Admin)) await users.AddToRoleAsync(existing, Roles.Admin);
            console.WriteLine($"Development admin: {AdminOptions.DevelopmentEmail} (its password was printed when it was created; " +
                              "set Admin__Email and Admin__Password to choose your own).");
            return;
        }

        var password = GeneratePassword();
        var user = new ApplicationUser
        {
            UserName = AdminOptions.DevelopmentEmail,
            Email = AdminOptions.DevelopmentEmail,
            EmailConfirmed = true,
            FirstName = "Development",
            LastName = "Admin",
        };
        Check(await users.CreateAsync(user, password), "create the development admin");
        Check(await users.AddToRoleAsync(user, Roles.Admin), "give the development admin the Admin role");

        console.WriteLine();
        console.WriteLine("  ┌──────────────────────────────────────────────────────────────────────┐");
        console.WriteLine("  │ Development admin account created (shown once):");
        console.WriteLine($"  │   Email:    {AdminOptions.DevelopmentEmail}");
        console.WriteLine($"  │   Password: {password}");
        console.WriteLine("  │ Set Admin__Email and Admin__Password to use an account of your own.");
        console.WriteLine("  └──────────────────────────────────────────────────────────────────────┘");
        console.WriteLine();
    }

    /// <summary>A random 20-character password that satisfies the password rules (upper, lower, digit, symbol).</summary>
    internal static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#$%&*?";
        const string all = upper + lower + digits + symbols;
        var chars = new char[20];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
