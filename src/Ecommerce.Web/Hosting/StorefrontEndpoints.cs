using Ecommerce.Api.RateLimiting;
using System.Security.Claims;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Favorites;
using Ecommerce.Web.Components.Account;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// The form posts of the catalog pages: "Add to cart" and the favourite heart. They are plain HTML forms
/// (enhanced by blazor.web.js when it runs), answered with a redirect back to the page with a flash message.
/// Catalog pages are cached for anonymous visitors, so these forms carry no per-visitor antiforgery token;
/// instead they accept only same-origin posts, and the sign-in and cart cookies are SameSite=Lax, so a
/// cross-site post carries neither (see docs/decisions/0005-catalog-form-posts.md). The page they return to is the
/// same cached HTML for everyone: its new cart count, heart and flash message come from <see cref="VisitorSummary"/>.
/// </summary>
public static class StorefrontEndpoints
{
    public static IEndpointRouteBuilder MapStorefrontEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/cart/add", AddToCart).DisableAntiforgery().ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.StorefrontForm);
        endpoints.MapPost("/favorites/toggle", ToggleFavorite).DisableAntiforgery().ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.StorefrontForm);
        endpoints.MapVisitorSummary();
        return endpoints;
    }

    public static async Task<IResult> AddToCart(
        HttpContext context,
        [FromForm] int productId,
        [FromForm] int? quantity,
        [FromForm] string? returnUrl,
        CartService carts,
        CatalogService catalog)
    {
        if (!IsSameOrigin(context.Request)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        var back = IdentityRedirectManager.SafeLocalUrl(returnUrl);

        var owner = CartCookie.EnsureOwner(context);
        var result = await carts.AddItemAsync(owner, productId, quantity ?? 1, context.RequestAborted);
        if (result.Succeeded)
        {
            var line = result.Value;
            var added = quantity is > 1 ? $"{quantity} × {line.ProductName}" : line.ProductName;
            Flash.Set(context.Response, Flash.Kind.Success, $"Added {added} to your cart.");
        }
        else
        {
            Flash.Set(context.Response, Flash.Kind.Error, await DescribeAsync(result.Errors[0], productId, catalog, context.RequestAborted));
        }
        return Results.Redirect(back, permanent: false, preserveMethod: false);
    }

    public static async Task<IResult> ToggleFavorite(
        HttpContext context,
        [FromForm] int productId,
        [FromForm] string? returnUrl,
        FavoriteService favorites)
    {
        if (!IsSameOrigin(context.Request)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        var back = IdentityRedirectManager.SafeLocalUrl(returnUrl);
        if (context.User.Identity?.IsAuthenticated != true || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            Flash.Set(context.Response, Flash.Kind.Success, "Sign in to keep a list of favorites.");
            return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(back)}");
        }

        var result = await favorites.ToggleAsync(userId, productId, context.RequestAborted);
        if (result.Succeeded)
            Flash.Set(context.Response, Flash.Kind.Success, result.Value ? "Saved to your favorites." : "Removed from your favorites.");
        else
            Flash.Set(context.Response, Flash.Kind.Error, "This product is no longer available.");
        return Results.Redirect(back);
    }

    /// <summary>
    /// A post from this site: its Origin (or, without one, its Referer) names this host. Browsers send Origin on
    /// every cross-site POST, so a forged post from another site is refused.
    /// </summary>
    internal static bool IsSameOrigin(HttpRequest request)
    {
        var source = request.Headers.Origin.FirstOrDefault() ?? request.Headers.Referer.FirstOrDefault();
        if (string.IsNullOrEmpty(source)) return true; // non-browser clients and privacy-stripped referrers
        return Uri.TryCreate(source, UriKind.Absolute, out var uri)
               && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> DescribeAsync(Error error, int productId, CatalogService catalog, CancellationToken cancellationToken)
    {
        if (error.Code != ErrorCodes.InsufficientStock) return error.Code == ErrorCodes.NotFound ? "This product is no longer available." : error.Message;
        var product = await catalog.GetProductAsync(productId, cancellationToken);
        var name = product?.Summary.Name ?? "This product";
        var available = error.Details?.GetValueOrDefault("availableStock") as int? ?? 0;
        var requested = error.Details?.GetValueOrDefault("requestedQuantity") as int? ?? 0;
        return available == 0
            ? $"{name} is out of stock."
            : $"Only {available} of {name} in stock; your cart would hold {requested}.";
    }
}
