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

/// <summary>One account as an admin sees it: identity, roles, whether it can sign in, and what it bought.</summary>
public sealed record AdminCustomerDetailDto(string Id, string Email, bool EmailVerified, string? FirstName, string? LastName, string? PhoneNumber,
    DateTime CreatedAt, IReadOnlyList<string> Roles, bool IsAdmin, bool IsLocked, bool LockedByAdmin, DateTimeOffset? LockedUntil,
    int FailedSignIns, int OrderCount, decimal TotalSpent);

public sealed record SetRolesRequest(IReadOnlyList<string?>? Roles);

/// <summary>
/// /api/v1/admin/customers: the customer list, one customer, locking sign-in, roles and account deletion. Locking,
/// a role change and deletion end the account's sessions and API tokens at once.
/// </summary>
public static class CustomerAdminApi
{
    public static IEndpointRouteBuilder MapCustomerAdminApi(this IEndpointRouteBuilder routes)
    {
        var customers = routes.MapGroup("/admin/customers").WithTags("Admin").RequireAuthorization(ApiPolicies.Admin)
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        customers.MapGet("/", List).WithName("AdminListCustomers").WithSummary("Customers, newest first, searchable (admin)")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        customers.MapGet("/{id}", Get).WithName("AdminGetCustomer").WithSummary("One customer with roles and sign-in state (admin)")
            .ProducesErrors(StatusCodes.Status404NotFound);
        customers.MapPost("/{id}/lock", Lock).WithName("AdminLockCustomer")
            .WithSummary("Lock the account: it cannot sign in, and its sessions and API tokens end at once (admin)")
            .WithDescription("An admin cannot lock their own account, nor the last admin who can sign in (409).")
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        customers.MapPost("/{id}/unlock", Unlock).WithName("AdminUnlockCustomer")
            .WithSummary("Let the account sign in again and clear its failed sign-ins (admin)")
            .ProducesErrors(StatusCodes.Status404NotFound);
        customers.MapPut("/{id}/roles", SetRoles).WithName("AdminSetCustomerRoles")
            .WithSummary("Set the account's roles, e.g. { \"roles\": [\"Admin\", \"Customer\"] } (admin)")
            .WithDescription("The account's sessions and API tokens end, so the new roles apply from its next sign-in. " +
                             "An admin cannot remove their own Admin role, and the store keeps at least one admin (409).")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        customers.MapDelete("/{id}", Delete).WithName("AdminDeleteCustomer")
            .WithSummary("Delete a customer's account and personal data (admin)")
            .WithDescription("Orders stay for the books with the customer's name, e-mail, street and phone replaced. An admin cannot delete their own account or the last admin (409).")
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<ApiResponse<PagedData<AdminCustomerDto>>>, ApiErrorResult>> List(
        CustomerAdminService customers,
        [Description("Page to return, from 1.")] int? pageNumber,
        [Description("Items per page, 1–100 (default 20).")] int? pageSize,
        [Description("Part of an e-mail or name.")] string? search,
        CancellationToken cancellationToken)
    {
        var page = await customers.ListAsync(search, pageNumber ?? 1, pageSize ?? Paging.DefaultPageSize, cancellationToken);
        if (!page.Succeeded) return ApiResults.Error(page.Errors);
        return ApiResults.Ok(page.Value.ToPagedData(c => new AdminCustomerDto(c.Id, c.Email, c.FirstName, c.LastName, c.CreatedAt, c.OrderCount,
            c.TotalSpent.ToDecimal(), c.IsAdmin, c.IsLocked)));
    }

    public static async Task<Results<Ok<ApiResponse<AdminCustomerDetailDto>>, ApiErrorResult>> Get(
        string id, CustomerAdminService customers, CancellationToken cancellationToken) =>
        await customers.GetAsync(id, cancellationToken) is { } customer ? ApiResults.Ok(ToDto(customer)) : NotFound(id);

    public static Task<Results<Ok<ApiResponse<AdminCustomerDetailDto>>, ApiErrorResult>> Lock(
        string id, ClaimsPrincipal user, CustomerAdminService customers, CancellationToken cancellationToken) =>
        ChangeAsync(id, customers, () => customers.SetLockedAsync(user.ApiActor(), id, locked: true, cancellationToken),
            "Account locked; its sessions and API tokens have ended.", cancellationToken);

    public static Task<Results<Ok<ApiResponse<AdminCustomerDetailDto>>, ApiErrorResult>> Unlock(
        string id, ClaimsPrincipal user, CustomerAdminService customers, CancellationToken cancellationToken) =>
        ChangeAsync(id, customers, () => customers.SetLockedAsync(user.ApiActor(), id, locked: false, cancellationToken),
            "Account unlocked.", cancellationToken);

    public static Task<Results<Ok<ApiResponse<AdminCustomerDetailDto>>, ApiErrorResult>> SetRoles(
        string id, SetRolesRequest request, ClaimsPrincipal user, CustomerAdminService customers, CancellationToken cancellationToken) =>
        ChangeAsync(id, customers, () => customers.SetRolesAsync(user.ApiActor(), id, request.Roles, cancellationToken),
            "Roles saved; the account's sessions and API tokens have ended.", cancellationToken);

    private static Task<Results<Ok<ApiResponse<AdminCustomerDetailDto>>, ApiErrorResult>> ChangeAsync(
        string id, CustomerAdminService customers, Func<Task<Result>> change, string message, CancellationToken cancellationToken) =>
        ChangeAsync(id, customers, async () => await change() is { Succeeded: false } failed ? Result<bool>.Failure(failed.Errors) : true, message, cancellationToken);

    /// <summary>Makes a change and answers with the customer as it is now; the change says whether there was anything to change.</summary>
    private static async Task<Results<Ok<ApiResponse<AdminCustomerDetailDto>>, ApiErrorResult>> ChangeAsync(
        string id, CustomerAdminService customers, Func<Task<Result<bool>>> change, string message, CancellationToken cancellationToken)
    {
        var result = await change();
        if (!result.Succeeded) return ApiResults.Error(result.Errors);
        return await customers.GetAsync(id, cancellationToken) is { } customer
            ? ApiResults.Ok(ToDto(customer), result.Value ? message : "Nothing to change.")
            : NotFound(id);
    }

    private static ApiErrorResult NotFound(string id) => ApiResults.NotFound($"Customer with ID '{id}' not found");

    private static AdminCustomerDetailDto ToDto(CustomerDetails c) => new(c.Id, c.Email, c.EmailVerified, c.FirstName, c.LastName, c.PhoneNumber,
        c.CreatedAt, c.Roles, c.IsAdmin, c.IsLocked, IdentityRules.IsLockedByAdmin(c.LockedUntil),
        IdentityRules.IsLockedByAdmin(c.LockedUntil) ? null : c.LockedUntil, // an admin's lock has no end
        c.FailedSignIns, c.OrderCount, c.TotalSpent.ToDecimal());

    public static async Task<Results<NoContent, ApiErrorResult>> Delete(string id, ClaimsPrincipal user, CustomerAdminService customers, CancellationToken cancellationToken)
    {
        var result = await customers.DeleteAsync(user.ApiActor(), id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Errors);
    }
}
