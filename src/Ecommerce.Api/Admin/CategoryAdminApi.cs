using System.Text.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ecommerce.Api.Auth;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecommerce.Api.Admin;

public sealed record CategoryRequest(string? Name, string? Slug, string? Description, string? Image,
    [property: JsonConverter(typeof(FlexibleIdConverter))] string? ParentId, string? SeoTitle = null, string? SeoDescription = null);

public sealed record AdminCategoryDto(string Id, string Name, string Slug, string? Description, string? Image, string? ParentId, int SortOrder)
{
    public string? SeoTitle { get; init; }
    public string? SeoDescription { get; init; }
}

/// <summary>Admin endpoints for categories (an extension of document 002, in its style).</summary>
public static class CategoryAdminApi
{
    public static IEndpointRouteBuilder MapCategoryAdminApi(this IEndpointRouteBuilder routes)
    {
        var categories = routes.MapGroup("/categories").WithTags("Categories").RequireAuthorization(ApiPolicies.Admin)
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        categories.MapPost("/", Create).WithName("CreateCategory").WithSummary("Create a category (admin)")
            .WithDescription("parentId places it under another category; the slug is made from the name when omitted.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        categories.MapPut("/{id}", Update).WithName("UpdateCategory").WithSummary("Rename, re-slug or move a category (admin)")
            .WithDescription("A partial update. Moving a category under itself or one of its sub-categories is refused (400). parentId null moves it to the top. " +
                             "Send the ETag of GET /categories/{id} in If-Match to refuse the update (412 PRECONDITION_FAILED) when someone changed the category since.")
            .Accepts<CategoryRequest>("application/json")
            .WithIfMatch()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
        categories.MapDelete("/{id}", Delete).WithName("DeleteCategory").WithSummary("Delete an empty category (admin)")
            .WithDescription("Only a category without sub-categories and products can be deleted (409 CONFLICT otherwise, saying what is in the way).")
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Created<ApiResponse<AdminCategoryDto>>, ApiErrorResult>> Create(
        CategoryRequest request, ClaimsPrincipal user, CategoryAdminService categories, CancellationToken cancellationToken)
    {
        if (!TryParent(request.ParentId, out var parentId, out var error)) return ApiResults.Error(error!);
        var result = await categories.CreateAsync(user.ApiActor(), new CategoryInput
        {
            Name = request.Name, Slug = request.Slug, Description = request.Description, ImageUrl = request.Image, ParentId = parentId,
            SeoTitle = request.SeoTitle, SeoDescription = request.SeoDescription,
        }, cancellationToken);
        return result.Succeeded
            ? ApiResults.Created($"/api/v1/categories", ToDto(result.Value), "Category created")
            : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<AdminCategoryDto>>, ApiErrorResult>> Update(
        string id, JsonElement body, ClaimsPrincipal user, HttpRequest http, CategoryAdminService categories, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(id, out var categoryId)) return ApiResults.NotFound($"Category with ID '{id}' not found");
        var ifMatch = ConditionalRequests.ReadIfMatch(http);
        if (!ifMatch.Succeeded) return ApiResults.Error(ifMatch.Errors);
        var read = PartialJson.Read<CategoryRequest>(body, json);
        if (!read.Succeeded) return ApiResults.Error(read.Errors);
        var (request, sent) = read.Value;
        if (!TryParent(request.ParentId, out var parentId, out var error)) return ApiResults.Error(error!);
        // The v1 member names are this API's: the service takes the fields the client sent, typed.
        var present = PartialJson.CamelCase(sent);
        Optional<T> Sent<T>(string member, T value) => PartialJson.Sent(present, member, value);
        var result = await categories.UpdateAsync(user.ApiActor(), categoryId, new CategoryInput
        {
            Name = Sent("name", request.Name), Slug = Sent("slug", request.Slug), Description = Sent("description", request.Description),
            ImageUrl = Sent("image", request.Image), ParentId = Sent("parentId", parentId),
            SeoTitle = Sent("seoTitle", request.SeoTitle), SeoDescription = Sent("seoDescription", request.SeoDescription),
            ExpectedVersion = ifMatch.Value?.Version,
        }, cancellationToken);
        if (!result.Succeeded) return ApiResults.Error(ConditionalRequests.ForIfMatch(result.Errors, ifMatch.Value, "The category"));
        var dto = ToDto(result.Value);
        ConditionalRequests.SetETag(http.HttpContext, dto, result.Value.Version);
        return ApiResults.Ok(dto, "Category updated");
    }

    public static async Task<Results<NoContent, ApiErrorResult>> Delete(string id, ClaimsPrincipal user, CategoryAdminService categories, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(id, out var categoryId)) return ApiResults.NotFound($"Category with ID '{id}' not found");
        var result = await categories.DeleteAsync(user.ApiActor(), categoryId, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Errors);
    }

    private static bool TryParent(string? text, out int? parentId, out Error? error)
    {
        parentId = null;
        error = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (ApiIds.TryParse(text, out var id)) { parentId = id; return true; }
        error = Error.Validation("parentId", "The parent category does not exist.");
        return false;
    }

    private static AdminCategoryDto ToDto(AdminCategory c) => new(ApiIds.Format(c.Id), c.Name, c.Slug, c.Description, c.ImageUrl,
        c.ParentId is { } p ? ApiIds.Format(p) : null, c.SortOrder)
    {
        SeoTitle = c.SeoTitle, SeoDescription = c.SeoDescription,
    };
}
