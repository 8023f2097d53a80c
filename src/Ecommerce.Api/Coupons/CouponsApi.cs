using Ecommerce.Api.Auth;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Coupons;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using System.ComponentModel;
using System.Security.Claims;

namespace Ecommerce.Api.Coupons;

public sealed record CouponDto(
    string Id, string Code, string? Description, string Type, decimal Value, decimal? MinimumSubtotal,
    DateTime? StartsAt, DateTime? EndsAt, int? UsageLimit, int? PerCustomerLimit, int TimesUsed, bool IsActive,
    DateTime CreatedAt, DateTime UpdatedAt);

public sealed record CouponRequest(
    string? Code, string? Description, string? Type, decimal? Value, decimal? MinimumSubtotal,
    DateTime? StartsAt, DateTime? EndsAt, int? UsageLimit, int? PerCustomerLimit, bool? IsActive)
{
    public CouponInput ToInput() => new()
    {
        Code = Code, Description = Description, Type = Type, Value = Value, MinimumSubtotal = MinimumSubtotal,
        StartsAt = StartsAt, EndsAt = EndsAt, UsageLimit = UsageLimit, PerCustomerLimit = PerCustomerLimit, IsActive = IsActive,
    };
}

/// <summary>/api/v1/coupons: coupon management for admins (an extension of document 002).</summary>
public static class CouponsApi
{
    public static IEndpointRouteBuilder MapCouponsApi(this IEndpointRouteBuilder routes)
    {
        var coupons = routes.MapGroup("/coupons").WithTags("Coupons").RequireAuthorization(ApiPolicies.Admin)
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        coupons.MapGet("/", List).WithName("ListCoupons").WithSummary("Coupons, newest first (admin)")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        coupons.MapGet("/{id}", Get).WithName("GetCoupon").WithSummary("A coupon with its usage count (admin)")
            .ProducesErrors(StatusCodes.Status404NotFound);
        coupons.MapPost("/", Create).WithName("CreateCoupon").WithSummary("Create a coupon (admin)")
            .WithDescription("type is percentage (value = percent, 0–100) or fixed (value = amount off). Codes are unique and stored in upper case.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        coupons.MapPut("/{id}", Update).WithName("UpdateCoupon").WithSummary("Replace a coupon's settings (admin)")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        coupons.MapDelete("/{id}", Delete).WithName("DeleteCoupon").WithSummary("Delete a coupon (admin)")
            .ProducesErrors(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Results<Ok<ApiResponse<PagedData<CouponDto>>>, ApiErrorResult>> List(
        CouponService coupons,
        [Description("Page to return, from 1.")] int? pageNumber,
        [Description("Items per page, 1–100 (default 20).")] int? pageSize,
        [Description("Part of a code.")] string? search,
        CancellationToken cancellationToken)
    {
        var result = await coupons.ListAsync(pageNumber ?? 1, pageSize ?? Paging.DefaultPageSize, search, cancellationToken);
        return result.Succeeded ? ApiResults.Ok(result.Value.ToPagedData(ToDto)) : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<CouponDto>>, ApiErrorResult>> Get(string id, CouponService coupons, CancellationToken cancellationToken)
    {
        var coupon = ApiIds.TryParse(id, out var couponId) ? await coupons.GetAsync(couponId, cancellationToken) : null;
        return coupon is null ? ApiResults.NotFound($"Coupon with ID '{id}' not found") : ApiResults.Ok(ToDto(coupon));
    }

    public static async Task<Results<Created<ApiResponse<CouponDto>>, ApiErrorResult>> Create(CouponRequest request, ClaimsPrincipal user, CouponService coupons, CancellationToken cancellationToken)
    {
        var result = await coupons.CreateAsync(user.ApiActor(), request.ToInput(), cancellationToken);
        return result.Succeeded
            ? ApiResults.Created($"/api/v1/coupons/{result.Value.Id}", ToDto(result.Value), "Coupon created")
            : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<CouponDto>>, ApiErrorResult>> Update(string id, CouponRequest request, ClaimsPrincipal user, CouponService coupons, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(id, out var couponId)) return ApiResults.NotFound($"Coupon with ID '{id}' not found");
        var result = await coupons.UpdateAsync(user.ApiActor(), couponId, request.ToInput(), cancellationToken);
        return result.Succeeded ? ApiResults.Ok(ToDto(result.Value), "Coupon updated") : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<NoContent, ApiErrorResult>> Delete(string id, ClaimsPrincipal user, CouponService coupons, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(id, out var couponId)) return ApiResults.NotFound($"Coupon with ID '{id}' not found");
        var result = await coupons.DeleteAsync(user.ApiActor(), couponId, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Errors);
    }

    private static CouponDto ToDto(CouponView c) => new(
        ApiIds.Format(c.Id), c.Code, c.Description, CouponService.KindName(c.Kind), c.Value, c.MinimumSubtotal,
        c.StartsAt, c.EndsAt, c.UsageLimit, c.PerCustomerLimit, c.TimesUsed, c.IsActive, c.CreatedAt, c.UpdatedAt);
}
