using System.Text.RegularExpressions;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Data;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Customers;

/// <summary>
/// The bootstrap admin, on a real database with the store's services and Identity as the web host registers them.
/// Each run uses a fresh service provider over the same database, as a restart of the app would.
/// </summary>
public partial class AdminBootstrapperTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose()
    {
        _database.Dispose();
        GC.SuppressFinalize(this);
    }

    private ServiceProvider Services(string? email, string? password, TestDatabase? database = null)
    {
        var settings = (database ?? _database).Settings;
        settings["Admin:Email"] = email;
        settings["Admin:Password"] = password;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddStore(configuration, Path.GetTempPath());
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddHttpContextAccessor();
        services.AddAuthentication();
        services.AddIdentityCore<ApplicationUser>(IdentityRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        return services.BuildServiceProvider();
    }

    private async Task<string> RunAsync(bool isDevelopment, string? email = null, string? password = null, TestDatabase? database = null)
    {
        await using var provider = Services(email, password, database);
        await using var scope = provider.CreateAsyncScope();
        var output = new StringWriter();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAsync(isDevelopment, output);
        return output.ToString();
    }

    private async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, SignInManager<ApplicationUser>, Task<T>> action)
    {
        await using var provider = Services(null, null);
        await using var scope = provider.CreateAsyncScope();
        return await action(
            scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(),
            scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>());
    }

    private Task<int> UserCountAsync() => WithUsersAsync((users, _) => Task.FromResult(users.Users.Count()));

    [GeneratedRegex(@"Password:\s*(?<password>\S+)")]
    private static partial Regex PrintedPassword();

    [Fact]
    public async Task Creates_the_configured_admin_in_the_admin_role()
    {
        var output = await RunAsync(isDevelopment: false, "owner@shop.example", "Str0ng-Passw0rd!");

        Assert.DoesNotContain("Str0ng-Passw0rd!", output);
        await WithUsersAsync<bool>(async (users, signIn) =>
        {
            var admin = await users.FindByEmailAsync("owner@shop.example");
            Assert.NotNull(admin);
            Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
            Assert.True(admin.EmailConfirmed);
            Assert.True(await users.CheckPasswordAsync(admin, "Str0ng-Passw0rd!"));
            Assert.True((await signIn.CheckPasswordSignInAsync(admin, "Str0ng-Passw0rd!", lockoutOnFailure: false)).Succeeded);
            Assert.Equal(1, users.Users.Count());
            return true;
        });
    }

    [Fact]
    public async Task Creates_both_roles()
    {
        await RunAsync(isDevelopment: false);
        await using var provider = Services(null, null);
        await using var scope = provider.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        Assert.True(await roles.RoleExistsAsync(Roles.Admin));
        Assert.True(await roles.RoleExistsAsync(Roles.Customer));
    }

    [Fact]
    public async Task A_changed_password_in_configuration_replaces_the_old_one()
    {
        await RunAsync(isDevelopment: false, "owner@shop.example", "First-Passw0rd!");
        await RunAsync(isDevelopment: false, "owner@shop.example", "Second-Passw0rd!");

        await WithUsersAsync<bool>(async (users, _) =>
        {
            var admin = await users.FindByEmailAsync("owner@shop.example");
            Assert.True(await users.CheckPasswordAsync(admin!, "Second-Passw0rd!"));
            Assert.False(await users.CheckPasswordAsync(admin!, "First-Passw0rd!"));
            Assert.True(await users.IsInRoleAsync(admin!, Roles.Admin));
            Assert.Equal(1, users.Users.Count());
            return true;
        });
    }

    [Fact]
    public async Task Running_again_with_the_same_settings_changes_nothing()
    {
        await RunAsync(isDevelopment: false, "owner@shop.example", "Same-Passw0rd!");
        var stamp = await WithUsersAsync(async (users, _) => (await users.FindByEmailAsync("owner@shop.example"))!.SecurityStamp);
        await RunAsync(isDevelopment: false, "owner@shop.example", "Same-Passw0rd!");
        var after = await WithUsersAsync(async (users, _) => (await users.FindByEmailAsync("owner@shop.example"))!.SecurityStamp);
        Assert.Equal(stamp, after);
        Assert.Equal(1, await UserCountAsync());
    }

    [Fact]
    public async Task An_existing_customer_with_the_configured_email_becomes_admin()
    {
        await WithUsersAsync(async (users, _) =>
        {
            var customer = new ApplicationUser { UserName = "owner@shop.example", Email = "owner@shop.example" };
            Assert.True((await users.CreateAsync(customer, "Customer-Passw0rd!")).Succeeded);
            return true;
        });

        await RunAsync(isDevelopment: false, "owner@shop.example", "Admin-Passw0rd!");

        await WithUsersAsync<bool>(async (users, _) =>
        {
            var admin = await users.FindByEmailAsync("owner@shop.example");
            Assert.True(await users.IsInRoleAsync(admin!, Roles.Admin));
            Assert.True(await users.CheckPasswordAsync(admin!, "Admin-Passw0rd!"));
            Assert.Equal(1, users.Users.Count());
            return true;
        });
    }

    [Fact]
    public async Task A_locked_out_admin_is_unlocked()
    {
        await RunAsync(isDevelopment: false, "owner@shop.example", "Admin-Passw0rd!");
        await WithUsersAsync(async (users, _) =>
        {
            var admin = await users.FindByEmailAsync("owner@shop.example");
            await users.SetLockoutEndDateAsync(admin!, DateTimeOffset.UtcNow.AddDays(1));
            Assert.True(await users.IsLockedOutAsync(admin!));
            return true;
        });

        await RunAsync(isDevelopment: false, "owner@shop.example", "Admin-Passw0rd!");

        Assert.False(await WithUsersAsync(async (users, _) => await users.IsLockedOutAsync((await users.FindByEmailAsync("owner@shop.example"))!)));
    }

    [Fact]
    public async Task Outside_development_without_configuration_no_user_exists()
    {
        var output = await RunAsync(isDevelopment: false);
        Assert.Equal(0, await UserCountAsync());
        Assert.DoesNotContain("Password", output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Half_a_configuration_creates_no_user(bool isDevelopment)
    {
        await RunAsync(isDevelopment, "owner@shop.example", null);
        await RunAsync(isDevelopment, null, "Only-Passw0rd!");
        Assert.Equal(0, await UserCountAsync());
    }

    [Fact]
    public async Task A_password_the_rules_reject_fails_loudly()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(isDevelopment: false, "owner@shop.example", "short"));
    }

    [Fact]
    public async Task In_development_without_configuration_an_admin_is_invented_and_its_password_printed_once()
    {
        var output = await RunAsync(isDevelopment: true);

        Assert.Contains(AdminOptions.DevelopmentEmail, output);
        var match = PrintedPassword().Match(output);
        Assert.True(match.Success, output);
        var password = match.Groups["password"].Value;

        await WithUsersAsync<bool>(async (users, signIn) =>
        {
            var admin = await users.FindByEmailAsync(AdminOptions.DevelopmentEmail);
            Assert.NotNull(admin);
            Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
            Assert.True((await signIn.CheckPasswordSignInAsync(admin, password, lockoutOnFailure: false)).Succeeded);
            Assert.False((await signIn.CheckPasswordSignInAsync(admin, password + "x", lockoutOnFailure: false)).Succeeded);
            return true;
        });

        var second = await RunAsync(isDevelopment: true);
        Assert.DoesNotContain(password, second);
        Assert.False(PrintedPassword().IsMatch(second), second);
        Assert.Contains(AdminOptions.DevelopmentEmail, second);
        Assert.Equal(1, await UserCountAsync());
        // The password printed the first time still works.
        Assert.True(await WithUsersAsync(async (users, _) =>
            await users.CheckPasswordAsync((await users.FindByEmailAsync(AdminOptions.DevelopmentEmail))!, password)));
    }

    [Fact]
    public async Task Each_development_database_gets_its_own_password()
    {
        var first = PrintedPassword().Match(await RunAsync(isDevelopment: true)).Groups["password"].Value;
        using var other = new TestDatabase();
        var second = PrintedPassword().Match(await RunAsync(isDevelopment: true, database: other)).Groups["password"].Value;
        Assert.NotEqual("", first);
        Assert.NotEqual("", second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Generated_passwords_satisfy_the_password_rules()
    {
        for (var i = 0; i < 50; i++)
        {
            var password = AdminBootstrapper.GeneratePassword();
            Assert.Equal(20, password.Length);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, c => !char.IsLetterOrDigit(c));
            Assert.DoesNotContain(password, char.IsWhiteSpace);
        }
    }
}
