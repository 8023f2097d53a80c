using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Customers;
using Ecommerce.Web.Components.Admin.Shared;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// File downloads of the back office. They are plain GETs signed in with the admin's cookie (the default scheme),
/// so a link on a page can download them without a circuit or a token.
/// </summary>
public static class AdminExportEndpoints
{
    public static IEndpointRouteBuilder MapAdminExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ProductGridFilters.ExportPath, ExportProducts)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// The CSV of every product the grid's filters match (all pages), read from the same query parameters as
    /// /admin/products (q, category, stock, status, sort, desc), streamed as it is written.
    /// </summary>
    public static async Task ExportProducts(HttpContext context, ProductCsvService csv, TimeProvider clock)
    {
        var q = context.Request.Query;
        var filters = ProductGridFilters.Parse(q["q"], q["category"], q["stock"], q["status"], null, null, q["sort"], q["desc"]);
        var fileName = $"products-{clock.GetUtcNow():yyyyMMdd}.csv";

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        context.Response.Headers.CacheControl = "no-store";
        await csv.ExportAsync(filters.ToQuery(), context.Response.Body, context.RequestAborted);
    }
}
