using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Api.Infrastructure;

/// <summary>
/// Gives the answers routing makes without an API endpoint the error envelope: an unknown /api path is 404
/// NOT_FOUND; a known path asked with another method is 405 METHOD_NOT_ALLOWED with an <c>Allow</c> header. Which
/// methods a path accepts is worked out from the API's own routes, because the static files' catch-all route
/// (GET and HEAD on any path) otherwise turns a wrong method into a 404, or a 405 naming GET. Responses an endpoint
/// has already written are left alone.
/// </summary>
public static class ApiStatusEnvelopes
{
    public static IApplicationBuilder UseApiStatusEnvelopes(this IApplicationBuilder app)
    {
        var routes = new Lazy<IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>>(() =>
            app.ApplicationServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => ApiPaths.IsApi("/" + e.RoutePattern.RawText?.TrimStart('/')) && e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 })
                .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()),
                    e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods))
                .ToList());

        return app.Use(async (context, next) =>
        {
            await next(context);
            var response = context.Response;
            if (!ApiPaths.IsApi(context.Request.Path) || response.HasStarted || response.ContentType is not null || response.ContentLength > 0) return;
            var request = context.Request;
            var status = response.StatusCode;
            if (status is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed)
            {
                var allowed = routes.Value.Where(r => r.Matcher.TryMatch(request.Path, new RouteValueDictionary()))
                    .SelectMany(r => r.Methods).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (allowed.Contains(HttpMethods.Get) && !allowed.Contains(HttpMethods.Head)) allowed.Add(HttpMethods.Head);
                status = allowed.Count > 0 ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound;
                if (allowed.Count > 0) response.Headers.Allow = string.Join(", ", allowed);
                else response.Headers.Remove("Allow");
            }
            var error = status switch
            {
                StatusCodes.Status404NotFound => Error.NotFound($"No API endpoint matches {request.Method} {request.Path}."),
                StatusCodes.Status405MethodNotAllowed => new Error(ErrorCodes.MethodNotAllowed,
                    $"{request.Path} does not accept {request.Method}; it accepts {response.Headers.Allow}."),
                StatusCodes.Status415UnsupportedMediaType => new Error(ErrorCodes.UnsupportedMediaType, "Send the request body as application/json."),
                _ => null,
            };
            if (error is not null) await ApiResults.WriteErrorAsync(context, status, error);
        });
    }
}
