using System.Globalization;
using System.Threading.RateLimiting;
using Ecommerce.Api.Auth;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ecommerce.Api.RateLimiting;

/// <summary>
/// A lease that carries the counters' decision, so a rejection can tell when to retry, and which limit decided
/// (<paramref name="kind"/>: plan or action, <paramref name="policy"/>: its name), so the rejection can be counted.
/// </summary>
internal sealed class DecisionLease(RateDecision decision, string kind = "", string policy = "") : RateLimitLease
{
    public static readonly DecisionLease Unlimited = new(new RateDecision(true, 0, 0, default, TimeSpan.Zero));

    public RateDecision Decision { get; } = decision;
    public string Kind { get; } = kind;
    public string Policy { get; } = policy;

    public override bool IsAcquired => Decision.Allowed;

    public override IEnumerable<string> MetadataNames => IsAcquired ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = !IsAcquired && metadataName == MetadataName.RetryAfter.Name ? TimeSpan.FromSeconds(Decision.RetryAfterSeconds) : null;
        return metadata is not null;
    }
}

/// <summary>
/// Document 002's plans on /api/v1, as the middleware's global limiter: Guest by client address, Customer and Admin by
/// account, each with an hourly quota (clock hours) and a burst limit (<c>RateLimiting:BurstWindowSeconds</c>). It
/// sees every request, so it also writes the X-RateLimit-* headers (on the response's start, so that error responses
/// written later keep them). Requests outside /api/v1 are not counted.
/// </summary>
internal sealed class ApiPlanLimiter(RateCounters counters, IOptionsMonitor<RateLimitingOptions> options) : PartitionedRateLimiter<HttpContext>
{
    public const string ApiPrefix = "/api/v1";

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext context, int permitCount)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled || !context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
            return DecisionLease.Unlimited;

        var account = ClientAddress.AccountOf(context.User);
        var (plan, name, key) = account is null
            ? (settings.Plans.Guest, nameof(PlanLimits.Guest), "guest:" + ClientAddress.Key(context.Connection.RemoteIpAddress))
            : context.User.IsAdmin()
                ? (settings.Plans.Admin, nameof(PlanLimits.Admin), "admin:" + account)
                : (settings.Plans.Customer, nameof(PlanLimits.Customer), "customer:" + account);
        var decision = counters.TryTake(
            new RateBucket("plan:" + key, new RateWindow(plan.RequestsPerHour, TimeSpan.FromHours(1))),
            new RateBucket("burst:" + key, new RateWindow(plan.Burst, TimeSpan.FromSeconds(settings.BurstWindowSeconds))));

        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = decision.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return new DecisionLease(decision, StoreMetrics.RateLimitKinds.Plan, name);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext context, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(context, permitCount));
}

/// <summary>
/// A named policy for a sensitive action (<see cref="RateLimitPolicies"/>): writes (POST, PUT, PATCH, DELETE) are
/// counted per client address and per account; reads are never limited.
/// </summary>
internal sealed class ActionRateLimitPolicy(string name, ActionRateLimiter limiter) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null; // the shared handler answers

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!limiter.Enabled || ClientAddress.IsRead(httpContext.Request)) return RateLimitPartition.GetNoLimiter("");
        var client = httpContext.Connection.RemoteIpAddress;
        var account = ClientAddress.AccountOf(httpContext.User);
        return RateLimitPartition.Get($"{name}|{ClientAddress.Key(client)}|{account}", _ => new CountingLimiter(name, () => limiter.TryAcquire(name, client, account)));
    }

    /// <summary>
    /// A stateless view on <see cref="RateCounters"/>: the counts live there, so the middleware may drop an idle
    /// instance of this at any time without forgetting anything.
    /// </summary>
    private sealed class CountingLimiter(string policy, Func<RateDecision> take) : RateLimiter
    {
        private long _lastUsed = Environment.TickCount64;

        public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
            return new DecisionLease(take(), StoreMetrics.RateLimitKinds.Action, policy);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }
}
