using System.Text.Json;
using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ecommerce.Api.Auth;
using Ecommerce.Api.Catalog;
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

public sealed record ProductImageRequest(string? Url, string? Alt, bool? IsPrimary);

/// <summary>
/// The body of POST and PUT /api/v1/products (document 002's "Create Product"). On PUT, <c>version</c> (the product's
/// version as last read) makes the update conditional on nobody having changed the product since, and
/// <c>expectedStock</c> (the stock as last read) makes a stock change conditional on no sale having happened since.
/// </summary>
public sealed record ProductRequest(
    string? Name, string? Slug, string? Description, string? LongDescription, decimal? Price, decimal? CompareAtPrice, string? Sku,
    [property: JsonConverter(typeof(FlexibleIdConverter))] string? CategoryId,
    IReadOnlyList<ProductImageRequest>? Images, int? Stock, IReadOnlyList<string>? Tags, IReadOnlyList<AttributeDto>? Attributes,
    IReadOnlyDictionary<string, string>? Specifications, bool? IsFeatured, string? Status, long? Version = null, int? ExpectedStock = null,
    string? SeoTitle = null, string? SeoDescription = null);

/// <summary>A product as admins see it (any status).</summary>
public sealed record AdminProductDto(
    string Id, string Name, string Slug, string Sku, string Description, string? LongDescription, decimal Price, decimal? CompareAtPrice,
    string? CategoryId, int Stock, bool InStock, IReadOnlyList<string> Tags, IReadOnlyList<AttributeDto> Attributes,
    IReadOnlyDictionary<string, string> Specifications, IReadOnlyList<ProductImageDto> Images, bool IsFeatured, string Status,
    DateTime CreatedAt, DateTime UpdatedAt, long Version)
{
    public string? SeoTitle { get; init; }
    public string? SeoDescription { get; init; }
}

public sealed record AdminProductRowDto(
    string Id, string Name, string Sku, string Slug, string? CategoryId, string? CategoryName, decimal Price, decimal? CompareAtPrice,
    int Stock, string Status, bool IsFeatured, string? Image, DateTime UpdatedAt, long Version);

/// <summary>Admin endpoints for products: create, partial update, delete (archive when ordered), and the admin list.</summary>
public static class ProductAdminApi
{
    public static IEndpointRouteBuilder MapProductAdminApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("").RequireAuthorization(ApiPolicies.Admin)
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        admin.MapPost("/products", Create).WithTags("Products").WithName("CreateProduct").WithSummary("Create a product (admin)")
            .WithDescription("The slug is made from the name when omitted. SKU and slug are unique (409 ALREADY_EXISTS).")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        admin.MapPut("/products/{id}", Update).WithTags("Products").WithName("UpdateProduct").WithSummary("Change a product (admin)")
            .WithDescription("A partial update: only the fields sent change (e.g. { \"price\": 379.99, \"stock\": 120 }). Send null to clear compareAtPrice or categoryId. " +
                             "Send the ETag of your last GET in If-Match to refuse the update (412 PRECONDITION_FAILED) when someone changed the product since " +
                             "(or the version you read in the body: 409 CONFLICT), and expectedStock with stock to refuse a stock change when orders changed the stock since.")
            .Accepts<ProductRequest>("application/json")
            .WithIfMatch()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
        admin.MapDelete("/products/{id}", Delete).WithTags("Products").WithName("DeleteProduct").WithSummary("Delete a product (admin)")
            .WithDescription("A product that appears in an order is archived instead of deleted (hidden from the catalog, kept for the orders).")
            .ProducesErrors(StatusCodes.Status404NotFound);
        admin.MapGet("/admin/products", List).WithTags("Admin").WithName("AdminListProducts")
            .WithSummary("Products of every status, filtered, sorted and paged (admin)")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        return routes;
    }

    public static async Task<Results<Created<ApiResponse<AdminProductDto>>, ApiErrorResult>> Create(
        ProductRequest request, ClaimsPrincipal user, HttpRequest http, ProductAdminService products, CancellationToken cancellationToken)
    {
        var input = ToInput(request, present: null, out var errors);
        if (errors.Count > 0) return ApiResults.Error(errors);
        var result = await products.CreateAsync(user.ApiActor(), input, cancellationToken);
        return result.Succeeded
            ? ApiResults.Created($"/api/v1/products/{result.Value.Id}", ToDto(result.Value, BaseUri(http)), "Product created successfully")
            : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<AdminProductDto>>, ApiErrorResult>> Update(
        string id, JsonElement body, ClaimsPrincipal user, HttpRequest http, ProductAdminService products, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(id, out var productId)) return ApiResults.NotFound($"Product with ID '{id}' not found");
        var read = PartialJson.Read<ProductRequest>(body, json);
        if (!read.Succeeded) return ApiResults.Error(read.Errors);
        var ifMatch = ConditionalRequests.ReadIfMatch(http);
        if (!ifMatch.Succeeded) return ApiResults.Error(ifMatch.Errors);
        var input = ToInput(read.Value.Value, PartialJson.CamelCase(read.Value.Present), out var errors);
        if (errors.Count > 0) return ApiResults.Error(errors);
        if (ifMatch.Value is { Version: { } expected }) input = input with { ExpectedVersion = expected };
        var result = await products.UpdateAsync(user.ApiActor(), productId, input, cancellationToken);
        if (!result.Succeeded) return ApiResults.Error(ConditionalRequests.ForIfMatch(result.Errors, ifMatch.Value, "The product"));
        var dto = ToDto(result.Value, BaseUri(http));
        ConditionalRequests.SetETag(http.HttpContext, dto, result.Value.Version);
        return ApiResults.Ok(dto, "Product updated successfully");
    }

    public static async Task<Results<NoContent, ApiErrorResult>> Delete(string id, ClaimsPrincipal user, ProductAdminService products, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(id, out var productId)) return ApiResults.NotFound($"Product with ID '{id}' not found");
        var result = await products.DeleteAsync(user.ApiActor(), productId, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<PagedData<AdminProductRowDto>>>, ApiErrorResult>> List(
        ProductAdminService products,
        [Description("Page to return, from 1.")] int? pageNumber,
        [Description("Items per page, 1–100 (default 20).")] int? pageSize,
        [Description("Words of the name or SKU, or an exact SKU.")] string? search,
        [Description("Category id; includes its sub-categories.")] string? categoryId,
        [Description("any, inStock, low or out.")] string? stock,
        [Description("active or archived (default: both).")] string? status,
        [Description("name, sku, price, stock, createdAt or updatedAt (default updatedAt).")] string? sortBy,
        [Description("asc or desc (default desc).")] string? sortOrder,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var size = pageSize ?? Paging.DefaultPageSize;
        Paging.Validate(pageNumber ?? 1, size, errors);
        int? category = null;
        if (!string.IsNullOrWhiteSpace(categoryId))
        {
            if (ApiIds.TryParse(categoryId, out var c)) category = c;
            else errors.Add(Error.Validation("categoryId", "categoryId must be a category id."));
        }
        StockFilter stockFilter = StockFilter.Any;
        // Names only: Enum.TryParse would also take "9" as a value.
        if (!string.IsNullOrWhiteSpace(stock) && !(Enum.GetNames<StockFilter>().Contains(stock.Trim(), StringComparer.OrdinalIgnoreCase)
                && Enum.TryParse(stock.Trim(), ignoreCase: true, out stockFilter)))
            errors.Add(Error.Validation("stock", "stock must be any, inStock, low or out."));
        ProductStatus? statusFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            statusFilter = ProductAdminService.ParseStatus(status);
            if (statusFilter is null) errors.Add(Error.Validation("status", "status must be active or archived."));
        }
        var sort = sortBy?.Trim().ToLowerInvariant() ?? "updatedat";
        if (sort is not ("name" or "sku" or "price" or "stock" or "createdat" or "updatedat"))
            errors.Add(Error.Validation("sortBy", "sortBy must be name, sku, price, stock, createdAt or updatedAt."));
        if (sortOrder is not null && !sortOrder.Equals("asc", StringComparison.OrdinalIgnoreCase) && !sortOrder.Equals("desc", StringComparison.OrdinalIgnoreCase))
            errors.Add(Error.Validation("sortOrder", "sortOrder must be asc or desc."));
        if (errors.Count > 0) return ApiResults.Error(errors);

        var page = await products.ListAsync(new AdminProductQuery
        {
            PageNumber = pageNumber ?? 1,
            PageSize = size,
            Search = search,
            CategoryId = category,
            Stock = stockFilter,
            Status = statusFilter,
            SortBy = sort,
            Descending = !string.Equals(sortOrder, "asc", StringComparison.OrdinalIgnoreCase),
        }, cancellationToken);
        if (!page.Succeeded) return ApiResults.Error(page.Errors);
        return ApiResults.Ok(page.Value.ToPagedData(r => new AdminProductRowDto(
            ApiIds.Format(r.Id), r.Name, r.Sku, r.Slug, r.CategoryId is { } cid ? ApiIds.Format(cid) : null, r.CategoryName,
            r.Price.ToDecimal(), r.CompareAtPrice?.ToDecimal(), r.Stock, r.Status.ToString().ToLowerInvariant(), r.IsFeatured, r.ImageUrl, r.UpdatedAt, r.Version)));
    }

    private static ProductInput ToInput(ProductRequest request, IReadOnlySet<string>? present, out List<Error> errors)
    {
        errors = [];
        if (request.Tags is { } tags && tags.Any(t => t is null)) errors.Add(Error.Validation("tags", "tags must be a list of strings."));
        if (request.Images is { } images && images.Any(i => i is null)) errors.Add(Error.Validation("images", "images must be a list of objects with a url."));
        if (request.Attributes is { } attributes && attributes.Any(a => a is null)) errors.Add(Error.Validation("attributes", "attributes must be a list of { name, value } objects."));
        if (errors.Count > 0) return new ProductInput();
        int? categoryId = null;
        if (request.CategoryId is { Length: > 0 } categoryText)
        {
            if (ApiIds.TryParse(categoryText, out var id)) categoryId = id;
            else errors.Add(Error.Validation("categoryId", "That category does not exist."));
        }
        // The v1 member names are this API's: the service takes the fields the client sent (all of them for a create), typed.
        Optional<T> Sent<T>(string member, T value) => PartialJson.Sent(present, member, value);
        return new ProductInput
        {
            Name = Sent("name", request.Name), Slug = Sent("slug", request.Slug), Sku = Sent("sku", request.Sku),
            Description = Sent("description", request.Description), LongDescription = Sent("longDescription", request.LongDescription),
            Price = Sent("price", request.Price), CompareAtPrice = Sent("compareAtPrice", request.CompareAtPrice), CategoryId = Sent("categoryId", categoryId),
            Stock = Sent("stock", request.Stock), Tags = Sent("tags", request.Tags),
            Attributes = Sent("attributes", (IReadOnlyList<NameValue>?)request.Attributes?.Select(a => new NameValue(a.Name ?? "", a.Value ?? "")).ToList()),
            Specifications = Sent("specifications", (IReadOnlyList<NameValue>?)request.Specifications?.Select(s => new NameValue(s.Key, s.Value ?? "")).ToList()),
            IsFeatured = Sent("isFeatured", request.IsFeatured), Status = Sent("status", request.Status),
            SeoTitle = Sent("seoTitle", request.SeoTitle), SeoDescription = Sent("seoDescription", request.SeoDescription),
            Images = Sent("images", (IReadOnlyList<ProductImageInput>?)request.Images?.Select(i => new ProductImageInput(i.Url ?? "", i.Alt, i.IsPrimary ?? false)).ToList()),
            ExpectedVersion = request.Version,
            ExpectedStock = request.ExpectedStock,
        };
    }

    private static AdminProductDto ToDto(ProductEdit p, Uri baseUri)
    {
        var specifications = new Dictionary<string, string>();
        foreach (var spec in p.Specifications) specifications.TryAdd(spec.Name, spec.Value);
        return new AdminProductDto(ApiIds.Format(p.Id), p.Name, p.Slug, p.Sku, p.Description, p.LongDescription, p.Price, p.CompareAtPrice,
            p.CategoryId is { } c ? ApiIds.Format(c) : null, p.Stock, p.Stock > 0, p.Tags, p.Attributes.Select(a => new AttributeDto(a.Name, a.Value)).ToList(),
            specifications, p.Images.Select(i => new ProductImageDto(CatalogMapping.Absolute(baseUri, i.Url), i.Alt, i.IsPrimary)).ToList(),
            p.IsFeatured, p.Status.ToString().ToLowerInvariant(), p.CreatedAt, p.UpdatedAt, p.Version)
        {
            SeoTitle = p.SeoTitle, SeoDescription = p.SeoDescription,
        };
    }

    private static Uri BaseUri(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");
}
