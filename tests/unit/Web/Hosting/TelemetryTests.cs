using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ecommerce.Tests.Unit.Web.Hosting;

/// <summary>
/// Tests of the OpenTelemetry SDK's own exporters run alone, after the parallel tests. The SDK listens through a
/// process-wide <c>MeterListener</c> and matches meters by name, not by the app that made them: while other test stores
/// run, it would see their measurements too, and when one of them is disposed the SDK drops the metric streams it
/// shares with them (same meter and instrument names), so a scrape could miss a counter this store had just recorded.
/// One store per process, as in production, has neither problem. (The business-metric tests use
/// <c>MetricCollector</c>, which is scoped to one store's meter factory, and run in parallel.)
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenTelemetrySdkCollection
{
    public const string Name = "OpenTelemetry SDK";
}

/// <summary>The Prometheus scrape endpoint: off by default, and when on, only for the allowed networks.</summary>
[Collection(OpenTelemetrySdkCollection.Name)]
public class PrometheusEndpointTests
{
    private static StoreApp App(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Telemetry:Prometheus:Enabled"] = "true" };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        return ShopperApp.Create(all);
    }

    private static async Task<HttpResponseMessage> ScrapeAsync(StoreApp app, string from, string path = "/metrics", string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(StoreApp.RemoteAddressHeader, from);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await app.CreateRawClient().SendAsync(request);
    }

    [Fact]
    public async Task Metrics_is_404_and_opentelemetry_not_registered_by_default()
    {
        using var app = ShopperApp.Create();
        using var response = await ScrapeAsync(app, "127.0.0.1");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<LoggerProvider>());
    }

    [Fact]
    public async Task Enabled_it_answers_prometheus_text_with_the_store_metrics_to_loopback_only()
    {
        using var app = App();
        var product = await app.AddProductAsync(25m, stock: 3);
        using var customer = await app.RegisterCustomerAsync();
        await customer.OrderAsync(product);

        foreach (var loopback in new[] { "127.0.0.1", "::1", "::ffff:127.0.0.1" })
        {
            using var response = await ScrapeAsync(app, loopback);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains("ecommerce_orders_placed_total{", text);
            Assert.Equal("1", Sample(text, "ecommerce_orders_placed_total", ("payment_method", "bank_transfer")));
            Assert.Contains("ecommerce_checkout_duration_seconds_bucket{", text);
            Assert.Contains("http_server_request_duration_seconds", text); // ASP.NET Core's own metrics too
        }

        // Anyone else is told there is nothing here: a client elsewhere, or one behind the (trusted, loopback) proxy.
        using var outside = await ScrapeAsync(app, "203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.DoesNotContain("ecommerce_", await outside.Content.ReadAsStringAsync());
        using var proxied = await ScrapeAsync(app, "127.0.0.1", forwardedFor: "203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, proxied.StatusCode);
    }

    [Fact]
    public async Task The_scrape_shows_every_business_metric_in_the_prometheus_text_format()
    {
        using var app = new StoreApp(new Dictionary<string, string?>
            {
                ["Storage:DataPath"] = ShopperApp.NewDataPath(), ["Seed:DemoCatalog"] = "false",
                ["Telemetry:Prometheus:Enabled"] = "true",
                ["Caching:CatalogSeconds"] = "60",
                ["RateLimiting:Enabled"] = "true",
                ["RateLimiting:Actions:SignIn:PermitLimit"] = "1",
                ["Auth:FailedSignInsPerAccountAndIp"] = "100", ["Auth:FailedSignInsPerIp"] = "100", ["Auth:LockoutThreshold"] = "101",
            },
            services =>
            {
                ShopperApp.FastPasswordHashing(services);
                services.AddSingleton<Ecommerce.Shared.Payments.IPaymentMethod>(
                    new Ecommerce.Tests.Unit.Api.CheckoutMetricsTests.TestPaymentMethod("test_declined", Ecommerce.Shared.Payments.PaymentStatus.Failed));
            });
        var client = app.CreateRawClient();

        // An order placed, and one whose payment the provider declines: orders, checkout durations, a payment failure.
        var product = await app.AddProductAsync(25m, stock: 5);
        using var customer = await app.RegisterCustomerAsync();
        await customer.OrderAsync(product);
        await customer.AddToCartAsync(product);
        await customer.PlaceOrderAsync(paymentMethodId: "test_declined");
        // A catalog listing asked for twice: a miss, then a hit.
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
        // Two sign-ins from one address over a limit of one: a rejection.
        foreach (var expected in new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests })
        {
            var request = ApiRateLimitTests.From("203.0.113.51", HttpMethod.Post, "/api/v1/auth/login");
            request.Content = System.Net.Http.Json.JsonContent.Create(new { email = "nobody@test.example", password = "Wrong-Passw0rd!" });
            Assert.Equal(expected, (await client.SendAsync(request)).StatusCode);
        }

        using var response = await ScrapeAsync(app, "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        foreach (var (name, type) in new[]
                 {
                     ("ecommerce_orders_placed_total", "counter"),
                     ("ecommerce_checkout_duration_seconds", "histogram"),
                     ("ecommerce_payments_failed_total", "counter"),
                     ("ecommerce_catalog_cache_requests_total", "counter"),
                     ("ecommerce_rate_limit_rejections_total", "counter"),
                 })
            Assert.Contains($"# TYPE {name} {type}\n", text);
        Assert.Equal("1", Sample(text, "ecommerce_orders_placed_total", ("payment_method", "bank_transfer")));
        Assert.Equal("1", Sample(text, "ecommerce_orders_placed_total", ("payment_method", "test_declined")));
        Assert.Equal("2", Sample(text, "ecommerce_checkout_duration_seconds_count", ("outcome", "placed")));
        Assert.Equal("2", Sample(text, "ecommerce_checkout_duration_seconds_bucket", ("outcome", "placed"), ("le", "+Inf")));
        Assert.Equal("1", Sample(text, "ecommerce_payments_failed_total", ("payment_method", "test_declined"), ("reason", "declined")));
        Assert.Equal("1", Sample(text, "ecommerce_catalog_cache_requests_total", ("policy", "listings"), ("result", "miss")));
        Assert.Equal("1", Sample(text, "ecommerce_catalog_cache_requests_total", ("policy", "listings"), ("result", "hit")));
        Assert.Equal("1", Sample(text, "ecommerce_rate_limit_rejections_total", ("kind", "action"), ("policy", "SignIn")));
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> that has these labels (in any order), or null.</summary>
    private static string? Sample(string exposition, string metric, params (string Name, string Value)[] labels) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal)
                && labels.All(l => line.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Select(line => line[(line.LastIndexOf(' ') + 1)..])
            .SingleOrDefault();

    [Fact]
    public async Task The_path_and_the_allowed_networks_are_configurable()
    {
        using var app = App(new()
        {
            ["Telemetry:Prometheus:Path"] = "/internal/scrape",
            ["Telemetry:Prometheus:AllowedNetworks:0"] = "10.20.0.0/16",
            ["Telemetry:Prometheus:AllowedNetworks:1"] = "2001:db8::/32",
        });

        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync(app, "10.20.3.4", "/internal/scrape")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync(app, "2001:db8::5", "/internal/scrape")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(app, "10.21.0.1", "/internal/scrape")).StatusCode);
        // Loopback is no longer in the list.
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(app, "127.0.0.1", "/internal/scrape")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(app, "10.20.3.4", "/metrics")).StatusCode);
    }

    [Theory]
    [InlineData("Telemetry:Prometheus:AllowedNetworks:0", "10.0.0.0/33", "AllowedNetworks: '10.0.0.0/33' is not a CIDR network")]
    [InlineData("Telemetry:Prometheus:Path", "metrics", "Path must be a path such as /metrics")]
    [InlineData("Telemetry:Prometheus:Path", "/api/v1/metrics", "Path must not be under /api")]
    public void Bad_settings_stop_the_start(string key, string value, string message)
    {
        using var app = App(new() { [key] = value });
        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains(message, error.Message);
    }
}

/// <summary>
/// OTLP export: nothing is registered unless OTEL_EXPORTER_OTLP_ENDPOINT is set; set, traces, metrics and logs reach
/// the collector it names (here a stand-in on a loopback port that keeps what it is sent).
/// </summary>
[Collection(OpenTelemetrySdkCollection.Name)]
public class OtlpExportTests
{
    /// <summary>A shopper store whose service registrations the test can read afterwards.</summary>
    private static StoreApp App(Dictionary<string, string?> settings, out IServiceCollection registrations)
    {
        IServiceCollection? captured = null;
        settings.TryAdd("Storage:DataPath", ShopperApp.NewDataPath());
        settings.TryAdd("Seed:DemoCatalog", "false");
        var app = new StoreApp(settings, services =>
        {
            ShopperApp.FastPasswordHashing(services);
            captured = services;
        });
        _ = app.Services; // builds the app, and so the registrations
        registrations = captured!;
        return app;
    }

    /// <summary>Whether anything of the OTLP exporter's package is registered (its options, its processors, its readers).</summary>
    private static bool RegistersOtlp(IServiceCollection services)
    {
        var otlp = typeof(OpenTelemetry.Exporter.OtlpExporterOptions).Assembly;
        bool FromOtlp(Type? type) => type is not null && (type.Assembly == otlp || type.GenericTypeArguments.Any(FromOtlp));
        return services.Any(d => FromOtlp(d.ServiceType) || FromOtlp(d.ImplementationType)
            || (!d.IsKeyedService && FromOtlp(d.ImplementationInstance?.GetType())));
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_exported_or_listened_to()
    {
        using var app = App(new() { ["Telemetry:Prometheus:Enabled"] = "true" }, out var registrations);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateRawClient().GetAsync("/api/v1/categories")).StatusCode);

        // The Prometheus endpoint needs a meter provider, but there is no tracer, no log exporter and no OTLP exporter.
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<LoggerProvider>());
        Assert.False(RegistersOtlp(registrations));
    }

    [Fact]
    public async Task With_an_endpoint_traces_metrics_and_logs_are_posted_to_the_collector()
    {
        await using var collector = await FakeCollector.StartAsync();
        using var app = App(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }, out var registrations);
        Assert.True(RegistersOtlp(registrations));
        var client = app.CreateRawClient();
        var tracer = app.Services.GetRequiredService<TracerProvider>();
        var meter = app.Services.GetRequiredService<MeterProvider>();

        // A request, then a flush, until what is looked for has arrived (ten seconds at most): the test client may read
        // the response a moment before the server ends the request's span, and EF Core decides whether to report its
        // commands once a second (DbContextOptionsBuilder.ConfigureLoggingCacheTime), so the commands of the first
        // second after start-up may go unseen. (The product list, unlike the category tree, is read from the database on
        // every request.)
        async Task<bool> RequestUntil(string path, Func<bool> flush, Func<string, bool> match) =>
            await collector.ReceivesAsync(path, async () =>
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
                return flush();
            }, match);

        Assert.True(await RequestUntil("/v1/traces", () => tracer.ForceFlush(10_000),
            body => body.Contains("ecommerce-web", StringComparison.Ordinal) && body.Contains("GET /api/v1/products", StringComparison.Ordinal)));
        // Database commands are spans of their own: on SQLite from the EF Core instrumentation; on PostgreSQL from
        // Npgsql's own source, and then EF Core's spans for them are left out (one span per command).
        const string efCore = "OpenTelemetry.Instrumentation.EntityFrameworkCore";
        Assert.True(await RequestUntil("/v1/traces", () => tracer.ForceFlush(10_000),
            body => body.Contains(TestProvider.IsPostgres ? "Npgsql" : efCore, StringComparison.Ordinal)
                && body.Contains("FROM \"Products\"", StringComparison.Ordinal)));
        if (TestProvider.IsPostgres)
            Assert.DoesNotContain(collector.Received("/v1/traces"), body => body.Contains(efCore, StringComparison.Ordinal));
        Assert.True(await RequestUntil("/v1/metrics", () => meter.ForceFlush(10_000),
            body => body.Contains("http.server.request.duration", StringComparison.Ordinal)));
        Assert.True(app.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000));
        Assert.NotEmpty(collector.Received("/v1/logs"));
    }

    [Fact]
    public void The_service_name_is_ecommerce_web_unless_OTEL_SERVICE_NAME_says_otherwise()
    {
        using (var app = ShopperApp.Create(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" }))
            Assert.Equal("ecommerce-web", ServiceName(app));

        using (var app = ShopperApp.Create(new Dictionary<string, string?>
               {
                   ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
                   ["OTEL_SERVICE_NAME"] = "shop-eu-2",
                   ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=staging,service.name=ignored",
               }))
        {
            Assert.Equal("shop-eu-2", ServiceName(app));
            Assert.Equal("staging", Attribute(app, "deployment.environment.name"));
        }
    }

    private static string? ServiceName(StoreApp app) => Attribute(app, "service.name");

    private static string? Attribute(StoreApp app, string name)
    {
        _ = app.Services; // starts the app
        return app.Services.GetRequiredService<TracerProvider>().GetResource().Attributes
            .FirstOrDefault(a => a.Key == name).Value?.ToString();
    }

    /// <summary>An OTLP/HTTP collector stand-in: answers every POST with 200 and keeps the bodies by path.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();

        private FakeCollector()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            _app = builder.Build();
            _app.MapPost("/{**path}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                // Protobuf keeps strings as UTF-8 bytes: names and values can be found in the body as text.
                _received.Enqueue((context.Request.Path, Encoding.UTF8.GetString(body.ToArray())));
                return Results.Ok();
            });
        }

        public string Address { get; private set; } = "";

        public static async Task<FakeCollector> StartAsync()
        {
            var collector = new FakeCollector();
            await collector._app.StartAsync();
            collector.Address = collector._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return collector;
        }

        public IReadOnlyList<string> Received(string path) => _received.Where(r => r.Path == path).Select(r => r.Body).ToList();

        /// <summary>Repeats <paramref name="act"/> until a body posted to <paramref name="path"/> matches, for ten seconds at most.</summary>
        public async Task<bool> ReceivesAsync(string path, Func<Task<bool>> act, Func<string, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                if (!await act()) return false;
                if (Received(path).Any(match)) return true;
                if (DateTime.UtcNow > deadline) return false;
                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
