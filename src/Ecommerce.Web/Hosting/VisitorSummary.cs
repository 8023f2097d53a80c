using System.Globalization;
using System.Security.Claims;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Favorites;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// <c>GET /me/summary</c>: the personal parts of a catalog page for the visitor who asks — the cart count, who is
/// signed in (first name, user name, whether an admin), which of the page's products are their favourites, the flash
/// message waiting for them, and the antiforgery token of the account menu's sign-out form. Catalog pages are the
/// same cached HTML for everyone; <c>wwwroot/js/store.js</c> fills these parts in after every page load and enhanced
/// navigation (docs/decisions/0009-one-page-for-everyone.md).
/// It answers only about the caller (their cookies), is never stored by any cache (<c>no-store</c>), and refuses
/// requests a browser marks as coming from another site; without CORS headers no other site can read it anyway.
/// </summary>
public static class VisitorSummary
{
    public const string Path = "/me/summary";

    /// <summary>At most this many product ids per request (a catalog page shows at most 24 cards, plus its product).</summary>
    public const int MaxProducts = 100;

    public sealed record Summary(
        bool SignedIn, string? FirstName, string? UserName, bool IsAdmin, int CartCount,
        IReadOnlyList<int> Favorites, FlashNote? Flash, AntiforgeryField? Antiforgery);

    public sealed record FlashNote(string Kind, string Message, string? LinkHref, string? LinkText);

    public sealed record AntiforgeryField(string Name, string Value);

    public static IEndpointRouteBuilder MapVisitorSummary(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, GetAsync).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> GetAsync(
        HttpContext context,
        [FromQuery] string? products,
        CartService carts,
        FavoriteService favorites,
        IAntiforgery antiforgery)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        if (!IsFromThisSite(context.Request)) return Results.Text("Requests from other sites are refused.", statusCode: StatusCodes.Status403Forbidden);
        if (!TryParseIds(products, out var productIds))
            return Results.BadRequest($"products: up to {MaxProducts} product ids separated by commas.");

        var user = context.User;
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var cartCount = await carts.CountItemsAsync(CartCookie.OwnerOf(context), context.RequestAborted);
        var flash = Flash.Take(context) is { } taken ? Note(taken.Kind, taken.Message) : null;
        if (userId is null)
            return Results.Json(new Summary(false, null, null, false, cartCount, [], flash, null));

        var favorite = await favorites.FavoriteIdsAsync(userId, productIds, context.RequestAborted);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Results.Json(new Summary(
            true,
            user.FindFirstValue(ClaimTypes.GivenName),
            user.FindFirstValue(ClaimTypes.Name),
            user.IsInRole(Roles.Admin),
            cartCount,
            productIds.Where(favorite.Contains).ToList(),
            flash,
            tokens.RequestToken is { } token ? new AntiforgeryField(tokens.FormFieldName, token) : null));
    }

    private static FlashNote Note(Flash.Kind kind, string message)
    {
        var link = Flash.LinkFor(kind, message);
        return new FlashNote(kind == Flash.Kind.Error ? "error" : "success", message, link?.Href, link?.Text);
    }

    /// <summary>
    /// Not a request a browser sends for another site's page: <c>Sec-Fetch-Site</c>, when present, is same-origin or
    /// none (typed into the address bar). Clients that send no such header (scripts, tests) only ever learn about
    /// the cookies they send themselves.
    /// </summary>
    internal static bool IsFromThisSite(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"].FirstOrDefault() is not { } site
        || site.Equals("same-origin", StringComparison.OrdinalIgnoreCase)
        || site.Equals("none", StringComparison.OrdinalIgnoreCase);

    internal static bool TryParseIds(string? text, out List<int> ids)
    {
        ids = [];
        if (string.IsNullOrWhiteSpace(text)) return true;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return false;
            if (!ids.Contains(id)) ids.Add(id);
            if (ids.Count > MaxProducts) return false;
        }
        return true;
    }
}
