using System.Diagnostics;
using Ecommerce.Shared.Common;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// <c>X-Correlation-Id</c> on every request: the client's own when it is usable (1–128 printable characters), a new
/// one otherwise — the request's W3C trace id, so that logs, traces and the client's report name the same thing. The
/// id is echoed on every response, becomes the request's <see cref="HttpContext.TraceIdentifier"/> (the error
/// envelope's <c>traceId</c>), opens a logging scope so that every log line of the request carries it, is stamped on
/// the status history and audit entries the request writes (<see cref="RequestCorrelation"/>), and goes out on every
/// HTTP call the request makes (<see cref="CorrelationIdHandler"/>).
/// </summary>
public static class CorrelationIds
{
    public static IServiceCollection AddCorrelationIds(this IServiceCollection services)
    {
        services.AddTransient<CorrelationIdHandler>();
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler<CorrelationIdHandler>());
        return services;
    }

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Ecommerce.Web.Requests");
        return app.Use(async (context, next) =>
        {
            var supplied = context.Request.Headers[RequestCorrelation.HeaderName];
            var id = supplied.Count == 1 && RequestCorrelation.IsValid(supplied[0]) ? supplied[0]! : NewId();
            context.TraceIdentifier = id;
            Activity.Current?.SetTag("correlation.id", id);
            // OnStarting: the exception handler clears the headers of a failed response before it writes the error.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[RequestCorrelation.HeaderName] = id;
                return Task.CompletedTask;
            });
            using (logger.BeginScope(new CorrelationScope(id)))
            using (RequestCorrelation.Begin(id))
            {
                await next(context);
            }
        });
    }

    private static string NewId() =>
        Activity.Current is { TraceId: var traceId } && traceId != default ? traceId.ToHexString() : Guid.NewGuid().ToString("N");

    /// <summary>The logging scope: a CorrelationId property for structured (JSON, OpenTelemetry) output, readable as text.</summary>
    private sealed class CorrelationScope(string id) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("CorrelationId", id) : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => 1;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() { yield return this[0]; }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => $"CorrelationId:{id}";
    }
}

/// <summary>Passes the current request's correlation id on to every outgoing HTTP call (webhooks, payment providers).</summary>
public sealed class CorrelationIdHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (RequestCorrelation.Current is { } id && !request.Headers.Contains(RequestCorrelation.HeaderName))
            request.Headers.TryAddWithoutValidation(RequestCorrelation.HeaderName, id);
        return base.SendAsync(request, cancellationToken);
    }
}
