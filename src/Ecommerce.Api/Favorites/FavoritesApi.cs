using System.ComponentModel;
using System.Security.Claims;
using Ecommerce.Api.Auth;
using Ecommerce.Api.Catalog;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Favorites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Api.Favorites;

public sealed record FavoriteDto(string ProductId, bool IsFavorite);

/// <summary>/api/v1/favorites: the caller's favourite products (from document 003, in v1 style).</summary>
public static class FavoritesApi
{
    public static IEndpointRouteBuilder MapFavoritesApi(this IEndpointRouteBuilder routes)
    {
        var favorites = routes.MapGroup("/favorites").WithTags("Favorites").RequireAuthorization(ApiPolicies.Customer)
            .ProducesErrors(StatusCodes.Status401Unauthorized);

        favorites.MapGet("/", List).WithName("ListFavorites").WithSummary("The caller's favourite products, most recent first")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        favorites.MapPost("/{productId}", Add).WithName("AddFavorite")
            .WithSummary("Mark a product as a favourite (201; 200 when it already was one)")
            .ProducesErrors(StatusCodes.Status404NotFound);
        favorites.MapDelete("/{productId}", Remove).WithName("RemoveFavorite").WithSummary("Remove a favourite (404 when it was not one)")
            .ProducesErrors(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Results<Ok<ApiResponse<PagedData<ProductDto>>>, ApiErrorResult>> List(
        ClaimsPrincipal user, HttpRequest http, FavoriteService favorites,
        [Description("Page to return, from 1.")] int? pageNumber,
        [Description("Items per page, 1–100 (default 20).")] int? pageSize,
        CancellationToken cancellationToken)
    {
        var result = await favorites.ListAsync(user.UserId(), pageNumber ?? 1, pageSize ?? Paging.DefaultPageSize, cancellationToken);
        var baseUri = new Uri($"{http.Scheme}://{http.Host}{http.PathBase}/");
        return result.Succeeded ? ApiResults.Ok(result.Value.ToPagedData(p => p.ToDto(baseUri))) : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Created<ApiResponse<FavoriteDto>>, Ok<ApiResponse<FavoriteDto>>, ApiErrorResult>> Add(
        string productId, ClaimsPrincipal user, FavoriteService favorites, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(productId, out var id)) return ApiResults.NotFound($"Product with ID '{productId}' not found");
        var result = await favorites.AddAsync(user.UserId(), id, cancellationToken);
        if (!result.Succeeded) return ApiResults.Error(result.Errors);
        var dto = new FavoriteDto(ApiIds.Format(id), true);
        return result.Value
            ? ApiResults.Created($"/api/v1/favorites/{id}", dto, "Added to favorites")
            : ApiResults.Ok(dto, "Already among your favorites");
    }

    public static async Task<Results<NoContent, ApiErrorResult>> Remove(string productId, ClaimsPrincipal user, FavoriteService favorites, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(productId, out var id)) return ApiResults.NotFound($"Product '{productId}' is not among your favorites");
        var result = await favorites.RemoveAsync(user.UserId(), id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Errors);
    }
}
