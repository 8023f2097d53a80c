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
}
