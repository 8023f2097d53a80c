using System.Diagnostics;
using System.Net;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// Lockout is not a weapon and sign-in tells nothing about which addresses have accounts (issue 8, items 9–10).
/// Each test runs its own store with small limits, so the ceiling is reached in a few requests.
/// </summary>
public class SignInProtectionTests
{
    private static StoreApp SmallLimits(int lockoutThreshold = 6) => ShopperApp.Create(new Dictionary<string, string?>
    {
        ["Auth:FailedSignInsPerAccountAndIp"] = "2",
        ["Auth:FailedSignInsPerIp"] = "3",
        ["Auth:LockoutThreshold"] = lockoutThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static Task<ApiReply> LoginFrom(StoreApp app, string address, string email, string password) =>
        app.CreateRawClient().From(address).PostApiAsync("/api/v1/auth/login", new { email, password });

    [Fact]
    public async Task Failures_spread_over_many_addresses_reach_the_account_ceiling_and_lock_known_and_unknown_addresses_alike()
    {
        using var app = SmallLimits(lockoutThreshold: 6);
        using var customer = await app.RegisterCustomerAsync();
        var unknown = ApiSessions.NewEmail("nobody");

        // Six addresses, one wrong password each: no address is throttled, but the account reaches its ceiling.
        var known = new List<ApiReply>();
        var other = new List<ApiReply>();
        for (var i = 1; i <= 6; i++)
        {
            known.Add(await LoginFrom(app, $"192.0.2.{i}", customer.Email, "Wrong-Passw0rd!"));
            other.Add(await LoginFrom(app, $"192.0.2.{100 + i}", unknown, "Wrong-Passw0rd!"));
        }
        Assert.All(known.Concat(other), r => r.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED"));
        Assert.Equal(known.Select(r => r.Errors[0].ErrorMessage()), other.Select(r => r.Errors[0].ErrorMessage()));
        Assert.Contains("locked", known[^1].Errors[0].ErrorMessage());

        // Now even the right password from a fresh address meets the same lock as the unknown address does.
        var right = (await LoginFrom(app, "198.51.100.1", customer.Email, customer.Password)).Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var nobody = (await LoginFrom(app, "198.51.100.2", unknown, "Any-Passw0rd!")).Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal(right.ErrorMessage(), nobody.ErrorMessage());
        Assert.Contains("locked", right.ErrorMessage());

        // A lockout from failed sign-ins stops new sign-ins only: the owner's existing session may still refresh.
        (await app.CreateRawClient().PostApiAsync("/api/v1/auth/refresh", new { refreshToken = customer.RefreshToken })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_address_failing_across_many_accounts_must_wait_for_all_of_them()
    {
        using var app = SmallLimits();
        using var customer = await app.RegisterCustomerAsync();
        for (var i = 0; i < 3; i++)
            (await LoginFrom(app, "203.0.113.50", ApiSessions.NewEmail("spray"), "Wrong-Passw0rd!")).Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        (await LoginFrom(app, "203.0.113.50", customer.Email, customer.Password)).Error(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        (await LoginFrom(app, "203.0.113.51", customer.Email, customer.Password)).Expect(HttpStatusCode.OK);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == customer.UserId).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task A_correct_password_clears_that_address_count_for_the_account()
    {
        using var app = SmallLimits();
        using var customer = await app.RegisterCustomerAsync();
        const string address = "203.0.113.60";
        (await LoginFrom(app, address, customer.Email, "Typo-Passw0rd!")).Expect(HttpStatusCode.Unauthorized);
        (await LoginFrom(app, address, customer.Email, customer.Password)).Expect(HttpStatusCode.OK);
        (await LoginFrom(app, address, customer.Email, "Typo-Passw0rd!")).Expect(HttpStatusCode.Unauthorized);
        (await LoginFrom(app, address, customer.Email, customer.Password)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_and_known_emails_take_the_same_time_to_refuse()
    {
        // Production password hashing (this store does not use the tests' fast hashing): what it costs is what is compared.
        using var app = new StoreApp(new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = ShopperApp.NewDataPath(),
            ["Seed:DemoCatalog"] = "false",
            ["Auth:FailedSignInsPerAccountAndIp"] = "1000",
            ["Auth:FailedSignInsPerIp"] = "1000",
            ["Auth:LockoutThreshold"] = "1001",
            ["RateLimiting:Enabled"] = "false",
        });
        using var customer = await app.RegisterCustomerAsync();
        using var client = app.CreateRawClient();
        async Task<double> TimeAsync(string email)
        {
            var watch = Stopwatch.StartNew();
            (await client.PostApiAsync("/api/v1/auth/login", new { email, password = "Wrong-Passw0rd!" })).Expect(HttpStatusCode.Unauthorized);
            return watch.Elapsed.TotalMilliseconds;
        }

        await TimeAsync(customer.Email); // warm up both paths
        await TimeAsync(ApiSessions.NewEmail("nobody"));
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            known.Add(await TimeAsync(customer.Email));
            unknown.Add(await TimeAsync(ApiSessions.NewEmail("nobody")));
        }

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var ratio = Median(known) / Median(unknown);
        // Before the fix the ratio was about 45 (78 ms against 1.7 ms); equal work puts it near 1 on any machine.
        Assert.InRange(ratio, 0.5, 2.0);
    }
}
