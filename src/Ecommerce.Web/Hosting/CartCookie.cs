using System.Security.Claims;
using Ecommerce.Shared.Cart;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// Finds whose cart a request is about: the signed-in customer's, or the anonymous visitor's whose random cart
/// id is kept in a cookie.
/// </summary>
public static class CartCookie
{
    public const string Name = "store.cart";

    public static CartOwner OwnerOf(HttpContext context)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && context.User.Identity?.IsAuthenticated == true)
            return CartOwner.ForUser(userId);
        return context.Request.Cookies.TryGetValue(Name, out var value) && Guid.TryParse(value, out var id)
            ? CartOwner.Anonymous(id)
            : default;
    }

    /// <summary>The visitor's cart owner, giving an anonymous visitor a new cart id (cookie) when they have none.</summary>
    public static CartOwner EnsureOwner(HttpContext context)
    {
        var owner = OwnerOf(context);
        if (owner.IsKnown) return owner;
        var id = Guid.NewGuid();
        context.Response.Cookies.Append(Name, id.ToString("N"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(30),
        });
        return CartOwner.Anonymous(id);
    }

    /// <summary>The anonymous cart id in the cookie, if any (to merge it into an account at sign-in).</summary>
    public static Guid? AnonymousId(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Name, out var value) && Guid.TryParse(value, out var id) ? id : null;

    public static void Remove(HttpContext context) => context.Response.Cookies.Delete(Name);
}
