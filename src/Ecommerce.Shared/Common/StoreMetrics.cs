using System.Diagnostics.Metrics;

namespace Ecommerce.Shared.Common;

/// <summary>
/// The store's business metrics, all on one meter (<see cref="MeterName"/>): orders placed, checkout duration, payment
/// failures, catalog cache lookups and rate-limit rejections. Services and handlers call one method each; names, units
/// and tags are listed in docs/telemetry.md. An instrument nobody listens to costs a check of a flag, so the calls stay
/// in place when telemetry is off.
/// </summary>
public sealed class StoreMetrics
{
    public const string MeterName = "Ecommerce.Store";

    public const string OrdersPlacedName = "ecommerce.orders.placed";
    public const string CheckoutDurationName = "ecommerce.checkout.duration";
    public const string PaymentFailuresName = "ecommerce.payments.failed";
    public const string CatalogCacheName = "ecommerce.catalog_cache.requests";
    public const string RateLimitRejectionsName = "ecommerce.rate_limit.rejections";

    /// <summary>Checkout outcomes (tag <c>outcome</c>); a refusal also carries the error code as <c>reason</c>.</summary>
    public static class Outcomes
    {
        public const string Placed = "placed";
        public const string Refused = "refused";
        /// <summary>An exception (a bug, the database gone, a cancelled request): no order, no error code.</summary>
        public const string Failed = "failed";
    }

    /// <summary>Catalog cache results (tag <c>result</c>).</summary>
    public static class CacheResults
    {
        public const string Hit = "hit";
        public const string Miss = "miss";
        /// <summary>A request the cache may not answer (signed in, a cart, a POST…): rendered for this visitor alone.</summary>
        public const string Bypass = "bypass";
    }

    /// <summary>Kinds of rate limit (tag <c>kind</c>).</summary>
    public static class RateLimitKinds
    {
        /// <summary>Document 002's plans on /api/v1 (policy Guest, Customer, Admin).</summary>
        public const string Plan = "plan";
        /// <summary>A sensitive action's limit (policy SignIn, Registration, Coupon…).</summary>
        public const string Action = "action";
    }

    private readonly Counter<long> _ordersPlaced;
    private readonly Histogram<double> _checkoutDuration;
    private readonly Counter<long> _paymentFailures;
    private readonly Counter<long> _catalogCache;
    private readonly Counter<long> _rateLimitRejections;

    public StoreMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _ordersPlaced = meter.CreateCounter<long>(OrdersPlacedName, "{order}", "Orders placed, by payment method.");
        _checkoutDuration = meter.CreateHistogram(CheckoutDurationName, "s",
            "How long placing an order took, from the request reaching the order service to its answer, by outcome.",
            tags: null,
            // Seconds: OpenTelemetry's default buckets are made for milliseconds and would put every checkout in the first.
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _paymentFailures = meter.CreateCounter<long>(PaymentFailuresName, "{payment}",
            "Payments that failed to start or were refused by their provider, by payment method, provider and reason.");
        _catalogCache = meter.CreateCounter<long>(CatalogCacheName, "{request}",
            "Requests to cached catalog pages and API answers, by result (hit, miss, bypass) and cache policy.");
        _rateLimitRejections = meter.CreateCounter<long>(RateLimitRejectionsName, "{request}",
            "Requests refused by a rate limit, by kind (plan, action) and policy.");
    }

    /// <summary>An order was placed: counts it and records how long the checkout took.</summary>
    public void OrderPlaced(string paymentMethod, TimeSpan checkoutDuration)
    {
        _ordersPlaced.Add(1, new KeyValuePair<string, object?>("payment.method", paymentMethod));
        _checkoutDuration.Record(checkoutDuration.TotalSeconds, new KeyValuePair<string, object?>("outcome", Outcomes.Placed));
    }

    /// <summary>A checkout ended without an order: refused with <paramref name="errorCode"/> (e.g. INSUFFICIENT_STOCK), or failed (null).</summary>
    public void CheckoutNotPlaced(string? errorCode, TimeSpan checkoutDuration)
    {
        if (errorCode is null)
            _checkoutDuration.Record(checkoutDuration.TotalSeconds, new KeyValuePair<string, object?>("outcome", Outcomes.Failed));
        else
            _checkoutDuration.Record(checkoutDuration.TotalSeconds,
                new KeyValuePair<string, object?>("outcome", Outcomes.Refused), new KeyValuePair<string, object?>("reason", errorCode));
    }

    /// <summary>
    /// A payment could not be started or was refused: <paramref name="reason"/> is a short, fixed word
    /// ("error" for an exception, "declined", or a provider's failure code) — never a message or an amount.
    /// </summary>
    public void PaymentFailed(string paymentMethod, string provider, string reason) =>
        _paymentFailures.Add(1,
            new KeyValuePair<string, object?>("payment.method", paymentMethod),
            new KeyValuePair<string, object?>("payment.provider", provider),
            new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A cached catalog page or API answer was asked for: <paramref name="result"/> is one of <see cref="CacheResults"/>.</summary>
    public void CatalogCache(string result, string policy) =>
        _catalogCache.Add(1, new KeyValuePair<string, object?>("result", result), new KeyValuePair<string, object?>("policy", policy));

    /// <summary>A request was refused by a rate limit: <paramref name="kind"/> is one of <see cref="RateLimitKinds"/>.</summary>
    public void RateLimitRejected(string kind, string policy) =>
        _rateLimitRejections.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("policy", policy));
}
