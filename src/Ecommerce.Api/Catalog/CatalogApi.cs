using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using System.ComponentModel;
using System.Globalization;

namespace Ecommerce.Api.Catalog;

/// <summary>The public catalog: product listings, search, product details and the category tree.</summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder routes)
    {
        var products = routes.MapGroup("/products").WithTags("Products");

        products.MapGet("/", ListProducts)
            .CacheOutput(CatalogOutputCachePolicy.Name)
            .WithETag(CacheAudience.Catalog)
            .WithName("ListProducts")
            .WithSummary("List products")
            .WithDescription("Active products, filtered by category (including its sub-categories) and price, sorted and paged.")
            .ProducesErrors(StatusCodes.Status400BadRequest);

        products.MapGet("/search", SearchProducts)
            .CacheOutput(CatalogOutputCachePolicy.Name)
            .WithETag(CacheAudience.Catalog)
            .WithName("SearchProducts")
            .WithSummary("Search products")
            .WithDescription("Matches every word of q in name, description, tags and SKU (case-insensitive); best matches first.")
            .ProducesErrors(StatusCodes.Status400BadRequest);

        products.MapGet("/{id}", GetProduct)
            .CacheOutput(CatalogOutputCachePolicy.ProductName)
            .WithETag(CacheAudience.Catalog)
            .WithName("GetProduct")
            .WithSummary("Get a product")
            .WithDescription("A product with its long description, specifications, latest reviews and related products.")
            .ProducesErrors(StatusCodes.Status404NotFound);

        routes.MapGet("/categories", ListCategories)
            .CacheOutput(CatalogOutputCachePolicy.Name)
            .WithETag(CacheAudience.Catalog)
            .WithTags("Categories")
            .WithName("ListCategories")
            .WithSummary("The category tree")
            .WithDescription("Every category with its children; productCount includes the products of sub-categories.");

        routes.MapGet("/categories/{id}", GetCategory)
            .CacheOutput(CatalogOutputCachePolicy.Name)
            .WithETag(CacheAudience.Catalog)
            .WithTags("Categories")
            .WithName("GetCategory")
            .WithSummary("A category with its sub-categories")
            .WithDescription("Its ETag can be sent in If-Match to PUT /categories/{id}, so that an update is refused (412) when someone changed the category since.")
            .ProducesErrors(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Results<Ok<ApiResponse<PagedData<ProductDto>>>, ApiErrorResult>> ListProducts(
        HttpRequest request,
        CatalogService catalog,
        [Description("Page to return, from 1.")] int? pageNumber,
        [Description("Items per page, 1–100 (default 20).")] int? pageSize,
        [Description("Category slug; includes its sub-categories.")] string? category,
        [Description("Lowest price, inclusive; a dot for decimals, no thousands separators (12.50).")] string? minPrice,
        [Description("Highest price, inclusive; a dot for decimals, no thousands separators (12.50).")] string? maxPrice,
        [Description("name, price, createdAt or rating (default createdAt).")] string? sortBy,
        [Description("asc or desc (default asc for name and price, desc for createdAt and rating).")] string? sortOrder,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var min = Price(minPrice, nameof(minPrice), errors);
        var max = Price(maxPrice, nameof(maxPrice), errors);
        if (errors.Count > 0) return ApiResults.Error(errors);
        var query = new ProductListQuery
        {
            PageNumber = pageNumber ?? 1,
            PageSize = pageSize ?? Paging.DefaultPageSize,
            Category = category,
            MinPrice = min,
            MaxPrice = max,
            SortBy = sortBy,
            SortOrder = sortOrder,
        };
        var result = await catalog.ListProductsAsync(query, cancellationToken);
        if (!result.Succeeded) return ApiResults.Error(result.Errors);

        var baseUri = BaseUri(request);
        return ApiResults.Ok(result.Value.ToPagedData(p => p.ToDto(baseUri)));
    }

    /// <summary>A price from the query string, read with the invariant culture: "1,5" is refused, not read as 15.</summary>
    private static decimal? Price(string? text, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (InvariantNumbers.TryParseDecimal(text, out var value)) return value;
        errors.Add(Error.Validation(field, $"'{field}' must be a number such as 12.50 (a dot for decimals, no thousands separators)."));
        return null;
    }

    public static async Task<Results<Ok<ApiResponse<SearchResultsDto>>, ApiErrorResult>> SearchProducts(
        HttpRequest request,
        CatalogService catalog,
        [Description("The words to search for.")] string? q,
        [Description("Page to return, from 1.")] int? pageNumber,
        [Description("Items per page, 1–100 (default 20).")] int? pageSize,
        CancellationToken cancellationToken)
    {
        var result = await catalog.SearchAsync(q, pageNumber ?? 1, pageSize ?? Paging.DefaultPageSize, cancellationToken);
        if (!result.Succeeded) return ApiResults.Error(result.Errors);

        var baseUri = BaseUri(request);
        var page = result.Value.Page;
        return ApiResults.Ok(new SearchResultsDto(
            page.Items.Select(p => p.ToDto(baseUri)).ToList(), result.Value.Query,
            page.PageNumber, page.PageSize, page.TotalPages, page.TotalCount, page.HasPreviousPage, page.HasNextPage));
    }

    public static async Task<Results<Ok<ApiResponse<ProductDetailDto>>, ApiErrorResult>> GetProduct(
        HttpRequest request,
        CatalogService catalog,
        [Description("The product id.")] string id,
        CancellationToken cancellationToken)
    {
        var product = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var productId)
            ? await catalog.GetProductAsync(productId, cancellationToken)
            : null;
        if (product is null) return ApiResults.NotFound($"Product with ID '{id}' not found");
        ConditionalRequests.SetResourceVersion(request.HttpContext, product.Version);
        return ApiResults.Ok(product.ToDto(BaseUri(request)));
    }

    public static async Task<Ok<ApiResponse<IReadOnlyList<CategoryDto>>>> ListCategories(
        HttpRequest request, CatalogService catalog, CancellationToken cancellationToken)
    {
        var tree = await catalog.GetCategoryTreeAsync(cancellationToken);
        var baseUri = BaseUri(request);
        return ApiResults.Ok<IReadOnlyList<CategoryDto>>(tree.Select(c => c.ToDto(baseUri)).ToList());
    }

    public static async Task<Results<Ok<ApiResponse<CategoryDto>>, ApiErrorResult>> GetCategory(
        HttpRequest request, CatalogService catalog, [Description("The category id.")] string id, CancellationToken cancellationToken)
    {
        var category = ApiIds.TryParse(id, out var categoryId) ? await catalog.GetCategoryAsync(categoryId, cancellationToken) : null;
        if (category is null) return ApiResults.NotFound($"Category with ID '{id}' not found");
        ConditionalRequests.SetResourceVersion(request.HttpContext, category.Version);
        return ApiResults.Ok(category.ToDto(BaseUri(request)));
    }

    private static Uri BaseUri(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");
}
