using Ecommerce.Api.RateLimiting;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Ecommerce.Api.Auth;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Reviews;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Api.Reviews;

public sealed record CreateReviewRequest(int? Rating, string? Title, string? Comment, [property: JsonConverter(typeof(FlexibleIdConverter))] string? OrderId);

public sealed record CreatedReviewDto(string Id, string ProductId, string? UserId, string UserName, int Rating, string? Title, string? Comment, DateTime CreatedAt);

/// <summary>POST /api/v1/products/{id}/reviews: a review by a customer with a paid order of the product.</summary>
public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/products/{productId}/reviews", Create)
            .WithTags("Products")
            .WithName("AddReview")
            .WithSummary("Review a product you bought")
            .WithDescription("Only a customer with a paid order (paid, processing, shipped or delivered) containing the product may review it (403 otherwise, " +
                             "saying when the order awaits its payment), once per product (409). The review records that order; when it is cancelled or " +
                             "refunded and no other paid order of the customer contains the product, the review is hidden and leaves the rating.")
            .RequireAuthorization(ApiPolicies.Customer)
            .RequireRateLimiting(RateLimitPolicies.Review)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Created<ApiResponse<CreatedReviewDto>>, ApiErrorResult>> Create(
        string productId, CreateReviewRequest request, ClaimsPrincipal user, ReviewService reviews, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(productId, out var id)) return ApiResults.NotFound($"Product with ID '{productId}' not found");
        int? orderId = null;
        if (request.OrderId is not null)
        {
            if (!ApiIds.TryParse(request.OrderId, out var parsed))
                return ApiResults.Error(new Ecommerce.Shared.Common.Error(Ecommerce.Shared.Common.ErrorCodes.Forbidden, "That order is not yours or does not contain this product."));
            orderId = parsed;
        }
        var result = await reviews.AddAsync(user.UserId(), id, new ReviewInput(request.Rating, request.Title, request.Comment, orderId), cancellationToken);
        if (!result.Succeeded) return ApiResults.Error(result.Errors);
        var r = result.Value;
        return ApiResults.Created($"/api/v1/products/{id}", new CreatedReviewDto(
            ApiIds.Format(r.Id), ApiIds.Format(r.ProductId), r.UserId, r.UserName, r.Rating, r.Title, r.Comment, r.CreatedAt), "Review added");
    }
}
