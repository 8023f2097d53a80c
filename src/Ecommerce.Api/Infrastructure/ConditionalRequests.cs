using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Ecommerce.Api.Infrastructure;

/// <summary>Who may keep a copy of a response, and for how long (document 002, "Cache Responses When Appropriate").</summary>
public enum CacheAudience
{
    /// <summary>The catalog: the same for every anonymous caller, <c>public</c> with a short <c>max-age</c>.</summary>
    Catalog,
    /// <summary>A caller's own data: <c>private, no-cache</c> — kept only by the caller, and revalidated with its ETag.</summary>
    Personal,
}

/// <summary>
/// ETags and conditional requests for the API. A GET's <c>ETag</c> is a hash of the response's <c>data</c> (the
/// envelope's timestamp is not part of what it identifies), prefixed with the resource's row version where it has one
/// (<c>"v12.…"</c>), so that the same tag can be sent back in <c>If-Match</c> to update the resource only if nobody
/// changed it since. <c>If-None-Match</c> with a current tag answers 304 without a body; an <c>If-Match</c> naming a
/// version the resource has moved past answers 412 PRECONDITION_FAILED. API responses that say nothing else are
/// <c>private, no-cache</c> (GET) or <c>no-store</c> (anything else, and errors).
/// </summary>
public static partial class ConditionalRequests
{
    private const string VersionItem = "Ecommerce.Api.ResourceVersion";

    /// <summary>Gives the GET endpoint an ETag, answers If-None-Match, and says who may cache it.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder, CacheAudience audience) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            // Results<Ok<…>, ApiErrorResult> wraps the result the handler chose.
            var chosen = result is INestedHttpResult nested ? nested.Result : result;
            if (chosen is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } || chosen is not IValueHttpResult { Value: { } value })
                return result;

            var http = context.HttpContext;
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var data = value is IApiResponse envelope ? envelope.Data : value;
            var tag = ETagFor(data, json, http.Items[VersionItem] as long?);
            var headers = http.Response.Headers;
            headers.ETag = tag;
            headers.CacheControl = CacheControlFor(audience, http);
            return Matches(http.Request.Headers.IfNoneMatch, tag, weak: true) ? new NotModifiedResult() : result;
        })
        .WithMetadata(new ETagMetadata());

    /// <summary>Documents (in OpenAPI) that the endpoint honours If-Match.</summary>
    public static RouteHandlerBuilder WithIfMatch(this RouteHandlerBuilder builder) => builder.WithMetadata(new IfMatchMetadata());

    /// <summary>Tells the ETag filter the row version of the resource being answered, so that its tag can be used in If-Match.</summary>
    public static void SetResourceVersion(HttpContext context, long version) => context.Items[VersionItem] = version;

    /// <summary>The entity tag of a response's data (and version).</summary>
    public static string ETagFor(object? data, JsonSerializerOptions json, long? version = null)
    {
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(data, json));
        var text = Convert.ToHexStringLower(hash, 0, 12);
        return version is { } v ? $"\"v{v.ToString(CultureInfo.InvariantCulture)}.{text}\"" : $"\"{text}\"";
    }

    /// <summary>The tag to send with a changed resource (the answer to a PUT): the same form as its GET's.</summary>
    public static void SetETag(HttpContext context, object? data, long version)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.Headers.ETag = ETagFor(data, json, version);
    }

    /// <summary>
    /// Reads <c>If-Match</c> for an update: no header (null), <c>*</c> (any version), or the row version named by one
    /// of its tags. A header whose tags name no version (a tag from elsewhere, a weak tag) cannot match: 412.
    /// </summary>
    public static Result<IfMatch?> ReadIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0) return Result<IfMatch?>.Success(null);
        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags.Count == 0)
            return PreconditionFailed("If-Match is not a list of entity tags.");
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any))) return Result<IfMatch?>.Success(new IfMatch(null));
        // If-Match compares strongly (RFC 9110): a weak tag never matches.
        var versions = tags.Where(t => !t.IsWeak).Select(t => VersionTag().Match(t.Tag.Value ?? ""))
            .Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        return versions.Count switch
        {
            0 => PreconditionFailed("If-Match names no version of this resource; send the ETag of your last GET."),
            1 => Result<IfMatch?>.Success(new IfMatch(versions[0])),
            _ => PreconditionFailed("If-Match names several versions of this resource; send the ETag of your last GET."),
        };
    }

    /// <summary>412 PRECONDITION_FAILED for an update whose If-Match names an old version.</summary>
    public static Error StaleVersion(string what, long? currentVersion) =>
        new(ErrorCodes.PreconditionFailed, $"{what} changed since the version named in If-Match, so nothing was saved. GET it again and re-apply your change.", "If-Match")
        {
            Details = currentVersion is { } v ? new Dictionary<string, object> { ["currentVersion"] = v } : null,
        };

    /// <summary>Answers an update refused for a stale version: 412 when the version came from If-Match, the service's 409 otherwise.</summary>
    public static IReadOnlyList<Error> ForIfMatch(IReadOnlyList<Error> errors, IfMatch? ifMatch, string what) =>
        ifMatch is { Version: not null } && errors is [{ Code: ErrorCodes.Conflict, Field: "version" } conflict]
            ? [StaleVersion(what, conflict.Details?.GetValueOrDefault("currentVersion") as long?)]
            : errors;

    /// <summary>Sets a default Cache-Control on API responses that chose none.</summary>
    public static IApplicationBuilder UseApiCacheDefaults(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (ApiPaths.IsApi(context.Request.Path))
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                if (string.IsNullOrEmpty(response.Headers.CacheControl))
                {
                    var readable = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
                    response.Headers.CacheControl = readable && response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified
                        ? "private, no-cache"
                        : "no-store";
                }
                return Task.CompletedTask;
            });
        }
        return next(context);
    });

    private static string CacheControlFor(CacheAudience audience, HttpContext context)
    {
        // An API client that sends a token may see more than the public catalog (admins see drafts): its own copy only.
        if (audience == CacheAudience.Personal || !string.IsNullOrEmpty(context.Request.Headers.Authorization)) return "private, no-cache";
        var seconds = context.RequestServices.GetRequiredService<IOptionsMonitor<CatalogCacheOptions>>().CurrentValue.CatalogSeconds;
        return seconds > 0 ? $"public, max-age={seconds.ToString(CultureInfo.InvariantCulture)}" : "public, no-cache";
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string tag, bool weak)
    {
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        var current = EntityTagHeaderValue.Parse(tag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: !weak));
    }

    private static Result<IfMatch?> PreconditionFailed(string message) =>
        Result<IfMatch?>.Failure(new Error(ErrorCodes.PreconditionFailed, message, "If-Match"));

    [GeneratedRegex(@"^""v(\d{1,18})\.")]
    private static partial Regex VersionTag();

    /// <summary>304: the caller's copy is current. Its ETag and Cache-Control headers are already on the response.</summary>
    private sealed class NotModifiedResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
    }
}

/// <summary>What an update's If-Match asked for: any version (<c>*</c>, Version null) or one.</summary>
public sealed record IfMatch(long? Version);

/// <summary>Marks endpoints that send ETags (documented in OpenAPI with If-None-Match and 304).</summary>
public sealed class ETagMetadata;

/// <summary>Marks endpoints that honour If-Match (documented in OpenAPI with 412).</summary>
public sealed class IfMatchMetadata;
