namespace Ecommerce.Web.Hosting;

/// <summary>
/// A one-time message carried across a redirect in a short-lived cookie ("Added to your cart"), shown by the
/// next page and then removed.
/// </summary>
public static class Flash
{
    public const string CookieName = "store.flash";

    public enum Kind { Success, Error }

    public static void Set(HttpResponse response, Kind kind, string message)
    {
        var value = (kind == Kind.Error ? "e:" : "s:") + message;
        response.Cookies.Append(CookieName, Uri.EscapeDataString(value), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromMinutes(1),
        });
    }

    /// <summary>The link a message offers beside it, if any: "View cart" after something went into the cart.</summary>
    public static (string Href, string Text)? LinkFor(Kind kind, string message) =>
        kind == Kind.Success && message.Contains("cart", StringComparison.OrdinalIgnoreCase) ? ("/cart", "View cart") : null;

    /// <summary>The waiting message, if any; it is removed from the browser with this response.</summary>
    public static (Kind Kind, string Message)? Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var raw) || string.IsNullOrEmpty(raw)) return null;
        if (!context.Response.HasStarted) context.Response.Cookies.Delete(CookieName);
        var value = Uri.UnescapeDataString(raw);
        if (value.Length < 3) return null;
        var message = value[2..];
        return (value.StartsWith("e:", StringComparison.Ordinal) ? Kind.Error : Kind.Success, message.Length > 300 ? message[..300] : message);
    }
}
