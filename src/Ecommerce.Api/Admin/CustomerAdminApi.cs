using System.ComponentModel;
using System.Security.Claims;
using Ecommerce.Api.Auth;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Api.Admin;

public sealed record AdminCustomerDto(string Id, string Email, string? FirstName, string? LastName, DateTime CreatedAt, int OrderCount,
    decimal TotalSpent, bool IsAdmin, bool IsLocked);

/// <summary>/api/v1/admin/customers: the customer list and account deletion (as document 004 offers).</summary>
public static class CustomerAdminApi
{
    public static IEndpointRouteBuilder MapCustomerAdminApi(this IEndpointRouteBuilder routes)
    {
        var customers = routes.MapGroup("/admin/customers").WithTags("Admin").RequireAuthorization(ApiPolicies.Admin)
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        customers.MapGet("/", List).WithName("AdminListCustomers").WithSummary("Customers, newest first, searchable (admin)")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        customers.MapDelete("/{id}", Delete).WithName("AdminDeleteCustomer")
            .WithSummary("Delete a customer's account and personal data (admin)")
            .WithDescription("Orders stay for the books with the customer's name, e-mail, street and phone replaced. An admin cannot delete their own account or the last admin (409).")
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<ApiResponse<PagedData<AdminCustomerDto>>>, ApiErrorResult>> List(
        CustomerAdminService customers,
        [Description("Page to return, from 1.")] int? pageNumber,
        [Description("Items per page, 1–100 (default 25).")] int? pageSize,
        [Description("Part of an e-mail or name.")] string? search,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        Paging.Validate(pageNumber ?? 1, pageSize ?? 25, errors);
        if (errors.Count > 0) return ApiResults.Error(errors);
        var page = await customers.ListAsync(search, pageNumber ?? 1, pageSize ?? 25, cancellationToken);
        return ApiResults.Ok(page.ToPagedData(c => new AdminCustomerDto(c.Id, c.Email, c.FirstName, c.LastName, c.CreatedAt, c.OrderCount,
            c.TotalSpent.ToDecimal(), c.IsAdmin, c.IsLocked)));
    }

    public static async Task<Results<NoContent, ApiErrorResult>> Delete(string id, ClaimsPrincipal user, CustomerAdminService customers, CancellationToken cancellationToken)
    {
        var result = await customers.DeleteAsync(user.ApiActor(), id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Errors);
    }
}
