using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ecommerce.Api.RateLimiting;

/// <summary>
/// The names of the tighter rate limits for sensitive actions. Attach one to an endpoint with
/// <c>.RequireRateLimiting(RateLimitPolicies.SignIn)</c>, or to a Razor page with
/// <c>@attribute [EnableRateLimiting(RateLimitPolicies.SignIn)]</c>: only its POST, PUT, PATCH and DELETE requests
/// count, page views (GET, HEAD) never do. Each is counted per client address and per signed-in account, with the
/// limits of <c>RateLimiting:Actions:{name}</c>.
/// </summary>
public static class RateLimitPolicies
{
    public const string SignIn = nameof(ActionLimits.SignIn);
    public const string Registration = nameof(ActionLimits.Registration);
    public const string PasswordReset = nameof(ActionLimits.PasswordReset);
    public const string EmailVerification = nameof(ActionLimits.EmailVerification);
    public const string Coupon = nameof(ActionLimits.Coupon);
    public const string Review = nameof(ActionLimits.Review);
    public const string StorefrontForm = nameof(ActionLimits.StorefrontForm);
}

/// <summary>
/// Counts sensitive actions per client address and per account. The rate-limiting middleware uses it through
/// <see cref="ActionRateLimitPolicy"/>; interactive components (which act over their circuit, not by a request) call
/// it directly.
/// </summary>
public sealed class ActionRateLimiter(RateCounters counters, IOptionsMonitor<RateLimitingOptions> options)
{
    public bool Enabled => options.CurrentValue.Enabled;

    /// <summary>Takes one attempt of <paramref name="policy"/> for this client address and (when signed in) account.</summary>
    public RateDecision TryAcquire(string policy, IPAddress? client, string? account)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled) return new RateDecision(true, 0, 0, default, TimeSpan.Zero);
        var window = settings.Actions.For(policy).Window;
        var byClient = new RateBucket($"{policy}:ip:{ClientAddress.Key(client)}", window);
        return account is null
            ? counters.TryTake(byClient)
            : counters.TryTake(byClient, new RateBucket($"{policy}:user:{account}", window));
    }
}

public static class ClientAddress
{
    /// <summary>
    /// The partition key of a client address: IPv4 as is, IPv6 by its /64 network (one subscriber usually holds a
    /// whole /64, so counting single addresses would let one client use billions of them). The address is the one
    /// the forwarded-headers middleware settled on (see docs/configuration.md).
    /// </summary>
    public static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The signed-in user's id (cookie or bearer token), or null for an anonymous visitor.</summary>
    public static string? AccountOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
            : null;

    /// <summary>Reads are never limited by the action policies: a page view or a crawler never meets them.</summary>
    public static bool IsRead(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
}
