using Ecommerce.Shared.Cart;
using Ecommerce.Web.Hosting;

namespace Ecommerce.Web.Components.Account;

/// <summary>At sign-in and sign-up the anonymous visitor's cart (cookie) joins the account's cart.</summary>
internal static class CartMerge
{
    public static async Task IntoAccountAsync(HttpContext context, CartService carts, string userId)
    {
        if (CartCookie.AnonymousId(context) is not { } anonymousId) return;
        await carts.MergeAsync(anonymousId, userId, context.RequestAborted);
        CartCookie.Remove(context);
    }
}
