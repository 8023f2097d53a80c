using System.Diagnostics.Metrics;
using Ecommerce.Shared.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// The store's business metrics in tests. Every app (and every <see cref="Create"/>) has its own meter factory, so a
/// collector sees only the measurements of its own store, however many tests run at once.
/// </summary>
public static class TestMetrics
{
    /// <summary>Business metrics on a meter factory of their own, for services built by hand.</summary>
    public static StoreMetrics Create() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    /// <summary>Collects what <paramref name="app"/> records on one of the store's instruments (e.g. <see cref="StoreMetrics.OrdersPlacedName"/>).</summary>
    public static MetricCollector<T> Collect<T>(this StoreApp app, string instrument) where T : struct =>
        new(app.Services.GetRequiredService<IMeterFactory>(), StoreMetrics.MeterName, instrument);

    /// <summary>The value recorded with these tags (a counter's sum over all its measurements), or 0.</summary>
    public static T Sum<T>(this MetricCollector<T> collector, params (string Key, string Value)[] tags) where T : struct, System.Numerics.INumber<T> =>
        collector.GetMeasurementSnapshot()
            .Where(m => tags.All(t => m.Tags.TryGetValue(t.Key, out var value) && Equals(value, t.Value)))
            .Aggregate(T.Zero, (sum, m) => sum + m.Value);
}
