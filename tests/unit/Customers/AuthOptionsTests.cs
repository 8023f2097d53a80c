using Ecommerce.Shared.Customers;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecommerce.Tests.Unit.Customers;

/// <summary>The Auth settings are checked at start-up: a store that would let one client lock accounts does not start.</summary>
public class AuthOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_keep_the_lockout_far_above_what_one_client_may_try()
    {
        var defaults = new AuthOptions();
        Assert.Empty(Validate(defaults));
        Assert.Equal((30, 10, 5, 30, 15, 50, 15), (defaults.SessionRevalidationSeconds, defaults.AccessCheckSeconds,
            defaults.FailedSignInsPerAccountAndIp, defaults.FailedSignInsPerIp, defaults.FailedSignInWindowMinutes,
            defaults.LockoutThreshold, defaults.LockoutMinutes));
        Assert.False(defaults.RequireVerifiedEmailToOrder);
    }

    [Theory]
    [InlineData(nameof(AuthOptions.LockoutThreshold), 5, "LockoutThreshold")]
    [InlineData(nameof(AuthOptions.FailedSignInsPerIp), 4, "FailedSignInsPerIp")]
    [InlineData(nameof(AuthOptions.FailedSignInsPerAccountAndIp), 0, "FailedSignInsPerAccountAndIp")]
    [InlineData(nameof(AuthOptions.SessionRevalidationSeconds), -1, "SessionRevalidationSeconds")]
    [InlineData(nameof(AuthOptions.LockoutMinutes), 0, "LockoutMinutes")]
    public void Settings_that_make_no_sense_are_refused_by_name(string property, int value, string named)
    {
        var options = new AuthOptions();
        typeof(AuthOptions).GetProperty(property)!.SetValue(options, value);
        Assert.Contains(Validate(options), failure => failure.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_with_a_lockout_one_client_could_reach_does_not_start()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Auth:LockoutThreshold"] = "3" });
        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("Auth:LockoutThreshold", error.Message);
    }

    private static IReadOnlyList<string> Validate(AuthOptions options)
    {
        var services = new ServiceCollection();
        AuthOptions.Register(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetServices<IValidateOptions<AuthOptions>>().Select(v => v.Validate(Options.DefaultName, options)).Where(r => r.Failed).SelectMany(r => r.Failures ?? []).ToList();
    }
}
