using Ecommerce.Api.RateLimiting;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Ecommerce.Api.Auth;
using Ecommerce.Api.Catalog;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Coupons;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Api.Cart;

/// <summary>A cart line; <c>shownPrice</c> is the unit price the shopper was shown when adding it, <c>priceChanged</c> whether <c>price</c> now differs.</summary>
public sealed record CartItemDto(
    string Id, string ProductId, string ProductName, string? ProductImage, string Sku, decimal Price, int Quantity,
    decimal Subtotal, int AvailableStock, DateTime AddedAt, decimal ShownPrice, bool PriceChanged);

public sealed record CartCouponDto(string Code, string? Description, string DiscountType, decimal DiscountValue, decimal DiscountAmount, bool Valid, string? Message);

public sealed record CartDto(
    string? UserId, IReadOnlyList<CartItemDto> Items, int ItemCount, decimal Subtotal, decimal Discount, decimal Tax,
    decimal Shipping, decimal Total, string? CouponCode, CartCouponDto? Coupon, DateTime? UpdatedAt);

public sealed record AppliedCouponDto(
    string CouponCode, string DiscountType, decimal DiscountValue, decimal DiscountAmount,
    decimal Subtotal, decimal Discount, decimal Tax, decimal Shipping, decimal Total);

public sealed record AddCartItemRequest([property: JsonConverter(typeof(FlexibleIdConverter))] string? ProductId, int? Quantity);
public sealed record UpdateCartItemRequest(int? Quantity);
public sealed record ApplyCouponRequest(string? CouponCode);

/// <summary>/api/v1/cart: the signed-in caller's cart.</summary>
public static class CartApi
{
    public static IEndpointRouteBuilder MapCartApi(this IEndpointRouteBuilder routes)
    {
        var cart = routes.MapGroup("/cart").WithTags("Cart").RequireAuthorization(ApiPolicies.Customer)
            .ProducesErrors(StatusCodes.Status401Unauthorized);

        cart.MapGet("/", GetCart).WithName("GetCart").WithSummary("The caller's cart with its totals");
        cart.MapPost("/items", AddItem).WithName("AddCartItem")
            .WithSummary("Add a product; the same product again adds to its line's quantity")
            .WithDescription("Quantity must be 1 up to the stock on hand: more answers 409 INSUFFICIENT_STOCK with availableStock and requestedQuantity.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        cart.MapPut("/items/{itemId}", UpdateItem).WithName("UpdateCartItem").WithSummary("Set a line's quantity")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        cart.MapDelete("/items/{itemId}", RemoveItem).WithName("RemoveCartItem").WithSummary("Remove a line")
            .ProducesErrors(StatusCodes.Status404NotFound);
        cart.MapDelete("/", Clear).WithName("ClearCart").WithSummary("Empty the cart");
        cart.MapPost("/apply-coupon", ApplyCoupon).WithName("ApplyCoupon").RequireRateLimiting(RateLimitPolicies.Coupon).WithSummary("Apply a coupon code")
            .WithDescription("An unknown, inactive, expired, used-up or not-yet-eligible coupon answers 400 with a message saying which.")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        cart.MapDelete("/coupon", RemoveCoupon).WithName("RemoveCoupon").WithSummary("Remove the coupon from the cart");
        return routes;
    }

    public static async Task<Ok<ApiResponse<CartDto>>> GetCart(ClaimsPrincipal user, HttpRequest http, CartService carts, CancellationToken cancellationToken)
    {
        var view = await carts.GetAsync(Owner(user), cancellationToken);
        return ApiResults.Ok(ToDto(view, user.UserId(), BaseUri(http)));
    }

    public static async Task<Results<Created<ApiResponse<CartItemDto>>, ApiErrorResult>> AddItem(
        AddCartItemRequest request, ClaimsPrincipal user, HttpRequest http, CartService carts, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(request.ProductId)) errors.Add(new Error(ErrorCodes.RequiredField, "productId is required.", "productId"));
        if (request.Quantity is null) errors.Add(new Error(ErrorCodes.RequiredField, "quantity is required.", "quantity"));
        if (errors.Count > 0) return ApiResults.Error(errors);
        if (!ApiIds.TryParse(request.ProductId, out var productId)) return ApiResults.NotFound($"Product with ID '{request.ProductId}' not found");

        var result = await carts.AddItemAsync(Owner(user), productId, request.Quantity!.Value, cancellationToken);
        return result.Succeeded
            ? ApiResults.Created("/api/v1/cart", ToDto(result.Value, BaseUri(http)), "Item added to cart")
            : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<CartItemDto>>, ApiErrorResult>> UpdateItem(
        string itemId, UpdateCartItemRequest request, ClaimsPrincipal user, HttpRequest http, CartService carts, CancellationToken cancellationToken)
    {
        if (request.Quantity is null) return ApiResults.Error(new Error(ErrorCodes.RequiredField, "quantity is required.", "quantity"));
        if (!ApiIds.TryParse(itemId, out var id)) return ApiResults.NotFound($"Cart item with ID '{itemId}' not found");
        var result = await carts.UpdateItemAsync(Owner(user), id, request.Quantity.Value, cancellationToken);
        return result.Succeeded ? ApiResults.Ok(ToDto(result.Value, BaseUri(http)), "Cart item updated") : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<NoContent, ApiErrorResult>> RemoveItem(string itemId, ClaimsPrincipal user, CartService carts, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(itemId, out var id)) return ApiResults.NotFound($"Cart item with ID '{itemId}' not found");
        var result = await carts.RemoveItemAsync(Owner(user), id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Errors);
    }

    public static async Task<NoContent> Clear(ClaimsPrincipal user, CartService carts, CancellationToken cancellationToken)
    {
        await carts.ClearAsync(Owner(user), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ApiResponse<AppliedCouponDto>>, ApiErrorResult>> ApplyCoupon(
        ApplyCouponRequest request, ClaimsPrincipal user, CartService carts, CancellationToken cancellationToken)
    {
        var result = await carts.ApplyCouponAsync(Owner(user), request.CouponCode, cancellationToken);
        if (!result.Succeeded) return ApiResults.Error(result.Errors);
        var view = result.Value;
        var coupon = view.Coupon!;
        return ApiResults.Ok(new AppliedCouponDto(
            coupon.Code, CouponService.KindName(coupon.Kind), coupon.Value, coupon.Discount.ToDecimal(),
            view.Totals.Subtotal.ToDecimal(), view.Totals.Discount.ToDecimal(), view.Totals.Tax.ToDecimal(),
            view.Totals.Shipping.ToDecimal(), view.Totals.Total.ToDecimal()), "Coupon applied successfully");
    }

    public static async Task<Ok<ApiResponse<CartDto>>> RemoveCoupon(ClaimsPrincipal user, HttpRequest http, CartService carts, CancellationToken cancellationToken)
    {
        var view = await carts.RemoveCouponAsync(Owner(user), cancellationToken);
        return ApiResults.Ok(ToDto(view, user.UserId(), BaseUri(http)), "Coupon removed");
    }

    private static CartOwner Owner(ClaimsPrincipal user) => CartOwner.ForUser(user.UserId());

    private static Uri BaseUri(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    internal static CartItemDto ToDto(CartLine line, Uri baseUri) => new(
        ApiIds.Format(line.Id), ApiIds.Format(line.ProductId), line.ProductName,
        line.ProductImage is null ? null : CatalogMapping.Absolute(baseUri, line.ProductImage),
        line.Sku, line.Price.ToDecimal(), line.Quantity, line.Subtotal.ToDecimal(), line.Stock, line.AddedAt,
        line.ShownPrice.ToDecimal(), line.PriceChanged);

    internal static CartDto ToDto(CartView view, string userId, Uri baseUri) => new(
        userId,
        view.Items.Select(i => ToDto(i, baseUri)).ToList(),
        view.ItemCount,
        view.Totals.Subtotal.ToDecimal(), view.Totals.Discount.ToDecimal(), view.Totals.Tax.ToDecimal(),
        view.Totals.Shipping.ToDecimal(), view.Totals.Total.ToDecimal(),
        view.Coupon?.Code,
        view.Coupon is { } c
            ? new CartCouponDto(c.Code, c.Description, CouponService.KindName(c.Kind), c.Value, c.Discount.ToDecimal(), c.IsApplied, c.Problem)
            : null,
        view.UpdatedAt);
}
