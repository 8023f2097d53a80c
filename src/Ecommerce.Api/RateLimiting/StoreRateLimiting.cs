using System.Globalization;
using System.Threading.RateLimiting;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Api.RateLimiting;

/// <summary>
/// How a rate-limited request that is not an API call (a storefront form post) is answered: the host supplies a
/// page or redirect a shopper understands. Without one, a plain 429 text is sent.
/// </summary>
public interface IRateLimitRejectionPage
{
    Task RejectAsync(HttpContext context, int retryAfterSeconds);
}

/// <summary>Rate limits with the ASP.NET Core rate limiter: document 002's plans on /api/v1 and the sensitive actions' policies.</summary>
public static class StoreRateLimiting
{
    public static IServiceCollection AddStoreRateLimiting(this IServiceCollection services)
    {
        services.AddStoreOptions<RateLimitingOptions>(RateLimitingOptions.Section);
        services.AddSingleton<ActionRateLimiter>();
        services.AddSingleton<ApiPlanLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ApiPlanLimiter, ActionRateLimiter, StoreMetrics>((options, plans, actions, metrics) =>
        {
            options.GlobalLimiter = plans;
            foreach (var (name, _) in new ActionLimits().All) options.AddPolicy(name, new ActionRateLimitPolicy(name, actions));
            options.OnRejected = (context, _) =>
            {
                // Counted here, once per refused request (the middleware asks a refusing limiter twice: try, then wait).
                if (context.Lease is DecisionLease { Policy.Length: > 0 } lease) metrics.RateLimitRejected(lease.Kind, lease.Policy);
                return RejectAsync(context);
            };
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        if (ApiPaths.IsApi(context.Request.Path))
        {
            const int status = StatusCodes.Status429TooManyRequests;
            var error = new Error(ErrorCodes.RateLimitExceeded, $"Rate limit exceeded. Try again in {WaitText(seconds)}.");
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(ApiResults.Envelope(context, [error], status) with { RetryAfter = seconds });
            return;
        }

        if (context.RequestServices.GetService<IRateLimitRejectionPage>() is { } page)
        {
            await page.RejectAsync(context, seconds);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await context.Response.WriteAsync($"Too many attempts. Please wait {WaitText(seconds)} and try again.");
    }

    /// <summary>"45 seconds", "1 minute", "15 minutes": how long to wait, as a person says it.</summary>
    public static string WaitText(int seconds) => seconds switch
    {
        1 => "1 second",
        < 60 => $"{seconds} seconds",
        < 120 => "1 minute",
        _ => $"{(int)Math.Ceiling(seconds / 60.0)} minutes",
    };
}
