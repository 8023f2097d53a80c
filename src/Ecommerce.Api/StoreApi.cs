using Ecommerce.Api.RateLimiting;
using Ecommerce.Api.Admin;
using Ecommerce.Api.Auth;
using Ecommerce.Api.Cart;
using Ecommerce.Api.Catalog;
using Ecommerce.Api.Coupons;
using Ecommerce.Api.Favorites;
using Ecommerce.Api.Orders;
using Ecommerce.Api.Reviews;
using Ecommerce.Api.Users;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ecommerce.Shared.Catalog;

namespace Ecommerce.Api;

/// <summary>Registers and maps the REST API under /api/v1.</summary>
public static class StoreApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddStoreApi(this IServiceCollection services)
    {
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddApiVersioning();
        services.AddCatalogOutputCache();
        services.Replace(ServiceDescriptor.Scoped<ICatalogChangeNotifier, OutputCacheCatalogNotifier>());
        services.AddScoped<CatalogCacheEviction>();
        services.AddScoped<Ecommerce.Shared.Instances.IInstanceMessageHandler, CatalogMessageHandler>();
        services.AddApiAuthentication();
        services.AddStoreRateLimiting();
        // A query value or body the framework cannot bind throws, so the exception handler can answer with the envelope.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // {"price":1,"price":2} is ambiguous: refused (400) instead of one value winning or JsonObject throwing (500).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AllowDuplicateProperties = false);
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "E-Commerce Platform API";
                document.Info.Version = "v1";
                document.Info.Description =
                    "The store's REST API. Every response uses the envelope { success, data, message, timestamp }; " +
                    "errors use { success: false, errors: [{ code, message, field }], message, timestamp, traceId, path }. " +
                    "Sign in with POST /api/v1/auth/login and send the access token as 'Authorization: Bearer <token>'.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<ApiHeadersTransformer>();
            options.AddSchemaTransformer<ApiHeadersTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapStoreApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1");
        v1.MapCatalogApi();
        v1.MapReviewsApi();
        v1.MapAuthApi();
        v1.MapUsersApi();
        v1.MapCartApi();
        v1.MapCouponsApi();
        v1.MapOrdersApi();
        v1.MapFavoritesApi();
        v1.MapProductAdminApi();
        v1.MapCategoryAdminApi();
        v1.MapCustomerAdminApi();
        // Unknown API paths (404) and wrong methods (405) get the error envelope from UseApiStatusEnvelopes, not the
        // storefront's 404 page: no catch-all route here, so that routing can tell the two apart.
        return endpoints;
    }
}
