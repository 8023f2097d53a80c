using System.Globalization;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecommerce.Api.Infrastructure;

/// <summary>
/// Configuration section <c>Api</c>: the life cycle of each API version. A version is announced as deprecated with the
/// standard <c>Deprecation</c> header (RFC 9745) from its <see cref="ApiVersionPolicy.DeprecatedAt"/>, and its end with
/// <c>Sunset</c> (RFC 8594); document 002's policy is to announce a new version six months ahead and keep the old one
/// for twelve months after its deprecation (docs/api.md).
/// </summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Per version ("v1"): when it was or will be deprecated, when it ends, where the migration guide is.</summary>
    public Dictionary<string, ApiVersionPolicy> Versions { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class ApiVersionPolicy
{
    public DateTimeOffset? DeprecatedAt { get; set; }
    public DateTimeOffset? SunsetAt { get; set; }
    /// <summary>A page that explains the deprecation (sent as <c>Link: &lt;…&gt;; rel="deprecation"</c>).</summary>
    public Uri? Link { get; set; }
}

/// <summary>
/// Versioning of the API as document 002 describes it: the version is in the path (<c>/api/v1</c>), and a client may
/// also name it in <c>X-API-Version</c>. Every API response says which version answered (<c>X-API-Version: v1</c>);
/// a request naming a version this store does not serve gets 400 UNSUPPORTED_API_VERSION listing the supported ones;
/// a path under /api without a version the store serves is 404 (routing finds no endpoint; the envelope comes from
/// <see cref="ApiStatusEnvelopes"/>).
/// </summary>
public static class ApiVersioning
{
    public const string HeaderName = "X-API-Version";
    public const string Current = "v1";

    /// <summary>The versions this build serves, oldest first.</summary>
    public static readonly IReadOnlyList<string> Supported = [Current];

    public static IServiceCollection AddApiVersioning(this IServiceCollection services)
    {
        services.AddStoreOptions<ApiOptions>(ApiOptions.Section)
            .Validate(o => o.Versions.Keys.All(v => Supported.Contains(v, StringComparer.OrdinalIgnoreCase)),
                $"Api:Versions names a version this build does not serve (it serves {string.Join(", ", Supported)}).")
            .Validate(o => o.Versions.Values.All(p => p.SunsetAt is null || p.DeprecatedAt is null || p.SunsetAt > p.DeprecatedAt),
                "Api:Versions: a version's SunsetAt must come after its DeprecatedAt.");
        return services;
    }

    /// <summary>Reads a version as a client may write it: "v1", "V1" or "1".</summary>
    public static string? Normalize(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text[0] is 'v' or 'V') text = text[1..];
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major > 0 ? $"v{major}" : null;
    }

    public static IApplicationBuilder UseApiVersioning(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptionsMonitor<ApiOptions>>();
        return app.Use(async (context, next) =>
        {
            if (!ApiPaths.IsApi(context.Request.Path))
            {
                await next(context);
                return;
            }

            var response = context.Response;
            response.OnStarting(() =>
            {
                response.Headers[HeaderName] = Current;
                if (options.CurrentValue.Versions.TryGetValue(Current, out var policy)) WriteLifecycle(response.Headers, policy);
                return Task.CompletedTask;
            });

            var requested = context.Request.Headers[HeaderName];
            if (requested.Count > 0)
            {
                var version = requested.Count == 1 ? Normalize(requested[0]) : null;
                if (version is null || !Supported.Contains(version))
                {
                    await ApiResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, new Error(ErrorCodes.UnsupportedApiVersion,
                        $"API version '{requested}' is not supported. Supported versions: {string.Join(", ", Supported)}.", HeaderName));
                    return;
                }
            }
            await next(context);
        });
    }

    private static void WriteLifecycle(IHeaderDictionary headers, ApiVersionPolicy policy)
    {
        if (policy.DeprecatedAt is { } deprecated)
            headers["Deprecation"] = "@" + deprecated.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (policy.SunsetAt is { } sunset)
            headers["Sunset"] = sunset.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
        if (policy.Link is { } link)
            headers.Append("Link", $"<{link}>; rel=\"deprecation\"; type=\"text/html\"");
    }
}
