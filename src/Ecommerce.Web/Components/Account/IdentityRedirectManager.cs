using Microsoft.AspNetCore.Components;

namespace Ecommerce.Web.Components.Account;

/// <summary>Redirects after account actions, only ever to a local URL.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri) => navigationManager.NavigateTo(SafeLocalUrl(uri));

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    /// <summary>The URL when it is local to this site ("/c/audio"), otherwise "/": no open redirects.</summary>
    public static string SafeLocalUrl(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri)) return "/";
        uri = uri.Trim();
        if (!uri.StartsWith('/'))
        {
            // "https://elsewhere/", "javascript:…": anything with a scheme is not ours.
            if (uri.Contains(':')) return "/";
            uri = "/" + uri;
        }
        var protocolRelative = uri.Length > 1 && (uri[1] == '/' || uri[1] == '\\');
        return !protocolRelative && Uri.IsWellFormedUriString(uri, UriKind.Relative) ? uri : "/";
    }
}
