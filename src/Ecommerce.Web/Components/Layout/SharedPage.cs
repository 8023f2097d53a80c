using Microsoft.AspNetCore.OutputCaching;

namespace Ecommerce.Web.Components.Layout;

/// <summary>
/// A shared page is one whose HTML is the same for every visitor, because it may be answered from the output cache:
/// any page with an <c>[OutputCache]</c> policy (home, category, search and product pages). On a shared page the
/// layout renders its personal parts — cart count, account menu, flash message — as plain placeholders that work
/// without JavaScript, product cards show every heart as not a favourite, and <c>wwwroot/js/store.js</c> fills them in
/// from <c>GET /me/summary</c> (docs/decisions/0009-same-catalog-pages-for-everyone.md). Every other page (cart,
/// checkout, account, back office) renders them on the server as before.
/// </summary>
public static class SharedPage
{
    public static bool Is(HttpContext? context) =>
        context?.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null;
}
