using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// Security headers on every response — pages, API, media and static files, errors: no MIME sniffing, a referrer
/// policy, no powerful browser features, and a Content-Security-Policy that runs only the app's own scripts. The
/// one inline script of the pages, Blazor's import map, is allowed by its hash (not a nonce: catalog pages come from
/// the output cache, so a per-request nonce would not match). The API reference at /api/docs (Scalar, with its
/// inline start-up script) has a policy of its own.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiReferencePath = "/api/docs";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private const string Common =
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'; " +
        "img-src 'self' data: https: http:; font-src 'self' data:; connect-src 'self'; ";

    /// <summary>MudBlazor sets style attributes, so styles may be inline; scripts may not.</summary>
    private const string PageStyles = "style-src 'self' 'unsafe-inline'";

    private static readonly ConditionalWeakTable<ResourceAssetCollection, string> ImportMapHashes = new();

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers.XFrameOptions = "SAMEORIGIN";
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    public static string ContentSecurityPolicy(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase))
            // Scalar starts from an inline script and its bundle uses eval; the page shows only the OpenAPI document.
            return Common + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; " + PageStyles + "; worker-src 'self' blob:";
        var importMap = context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>() is { } assets
            ? " " + ImportMapHashes.GetValue(assets, ImportMapHash)
            : "";
        return Common + "script-src 'self'" + importMap + "; " + PageStyles;
    }

    /// <summary>The CSP source of the import map <c>&lt;ImportMap /&gt;</c> writes for these assets.</summary>
    private static string ImportMapHash(ResourceAssetCollection assets)
    {
        var json = ImportMapDefinition.FromResourceCollection(assets).ToString();
        return $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}'";
    }
}
