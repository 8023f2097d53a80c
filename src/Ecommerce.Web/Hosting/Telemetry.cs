using System.ComponentModel.DataAnnotations;
using System.Net;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Common;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// <c>Telemetry:Prometheus</c>: a scrape endpoint for the metrics, off by default. It shows business figures (orders,
/// payment failures), so only clients in <see cref="AllowedNetworks"/> (loopback unless set) see it; everyone else
/// gets the store's 404, as if it did not exist. (OTLP export has no key here: the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> switches it on and the other <c>OTEL_*</c> variables configure it.)
/// </summary>
public sealed class PrometheusEndpointOptions : IValidatableObject
{
    public const string Section = "Telemetry:Prometheus";
    public static readonly IReadOnlyList<string> LoopbackNetworks = ["127.0.0.0/8", "::1/128"];

    public bool Enabled { get; set; }

    public string Path { get; set; } = "/metrics";

    /// <summary>Networks (CIDR) whose clients may scrape; null or empty means loopback only.</summary>
    public string[]? AllowedNetworks { get; set; }

    internal IReadOnlyList<System.Net.IPNetwork> Networks =>
        (AllowedNetworks is { Length: > 0 } networks ? networks : LoopbackNetworks).Select(n => System.Net.IPNetwork.Parse(n)).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        const string prefix = Section;
        if (string.IsNullOrEmpty(Path) || Path[0] != '/' || Path.Length < 2 || Path.IndexOfAny(['?', '#', ' ']) >= 0)
            yield return new ValidationResult($"{prefix}:Path must be a path such as /metrics (it is '{Path}').", [nameof(Path)]);
        else if (ApiPaths.IsApi(Path))
            yield return new ValidationResult($"{prefix}:Path must not be under /api (it is '{Path}').", [nameof(Path)]);
        foreach (var network in (AllowedNetworks ?? []).Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"{prefix}:AllowedNetworks: '{network}' is not a CIDR network such as 10.0.0.0/24.", [nameof(AllowedNetworks)]);
    }

    /// <summary>Whether a client at <paramref name="address"/> (as the forwarded-headers middleware settled it) may scrape.</summary>
    internal static bool Allows(IReadOnlyList<System.Net.IPNetwork> networks, IPAddress? address)
    {
        if (address is null) return false; // no network address (a Unix socket, an in-memory server): nobody we can vouch for
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var network in networks)
            if (network.Contains(address)) return true;
        return false;
    }
}

/// <summary>
/// OpenTelemetry for the store (docs/telemetry.md): traces, metrics and logs over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and a Prometheus scrape endpoint when <c>Telemetry:Prometheus:Enabled</c>.
/// With neither, nothing of OpenTelemetry is registered: no listener, no exporter, no cost.
/// </summary>
public static class Telemetry
{
    public const string DefaultServiceName = "ecommerce-web";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Npgsql's own ActivitySource and Meter: present only when the store runs on PostgreSQL.</summary>
    private const string NpgsqlSource = "Npgsql";

    public static IServiceCollection AddStoreTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStoreOptions<PrometheusEndpointOptions>(PrometheusEndpointOptions.Section);

        // Decided while the services are registered: when both are off, OpenTelemetry is not registered at all.
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var endpoint = configuration.GetSection(PrometheusEndpointOptions.Section).Get<PrometheusEndpointOptions>() ?? new();
        var prometheus = endpoint.Enabled;
        if (!otlp && !prometheus) return services;

        var metricsPath = endpoint.Path;
        var telemetry = services.AddOpenTelemetry()
            // The default name first, then OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME over it (later resources win).
            .ConfigureResource(resource => resource.Clear()
                .AddService(DefaultServiceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString())
                .AddTelemetrySdk()
                .AddEnvironmentVariableDetector())
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(StoreMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddMeter("Microsoft.AspNetCore.Components.Server.Circuits")
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore", NpgsqlSource);
                if (prometheus)
                    metrics.AddPrometheusExporter(options =>
                    {
                        options.ScrapeEndpointPath = metricsPath;
                        options.ScrapeResponseCacheDurationMilliseconds = 0; // every scrape sees the counts as they are
                    });
            });

        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsPlumbing(context.Request.Path, metricsPath))
                .AddHttpClientInstrumentation()
                // On SQLite the EF Core instrumentation sees every command; on PostgreSQL Npgsql's own source does (with
                // the time on the wire, and the commands EF does not send), so EF's spans for Npgsql are left out.
                .AddEntityFrameworkCoreInstrumentation(options => options.Filter = (provider, _) =>
                    provider is null || !provider.StartsWith(NpgsqlSource, StringComparison.Ordinal))
                .AddSource(NpgsqlSource));
            telemetry.WithLogging();
            // Traces, metrics and logs, configured by OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS… from configuration.
            telemetry.UseOtlpExporter();
        }
        return services;
    }

    /// <summary>
    /// The Prometheus endpoint, when enabled: answers GET on its path to allowed clients only. Placed after the
    /// forwarded-headers middleware, so a request through a trusted proxy is judged by its real client address, and
    /// before rate limiting, output caching and the pages.
    /// </summary>
    public static WebApplication UseStoreMetricsEndpoint(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<PrometheusEndpointOptions>>().Value;
        if (!settings.Enabled || app.Services.GetService<MeterProvider>() is null) return app;
        var path = new PathString(settings.Path);
        var networks = settings.Networks;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => HttpMethods.IsGet(context.Request.Method)
                && context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)
                && PrometheusEndpointOptions.Allows(networks, context.Connection.RemoteIpAddress),
            path: null,
            configureBranchedPipeline: branch => branch.Use((context, next) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return next(context);
            }),
            optionsName: null);
        return app;
    }

    /// <summary>Health probes and scrapes: frequent, uninteresting, left out of traces.</summary>
    private static bool IsPlumbing(PathString path, string metricsPath) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.Equals(metricsPath, StringComparison.OrdinalIgnoreCase);
}
