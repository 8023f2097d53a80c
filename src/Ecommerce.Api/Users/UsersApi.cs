using Ecommerce.Api.RateLimiting;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Ecommerce.Api.Auth;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Customers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ecommerce.Shared.Common;

namespace Ecommerce.Api.Users;

public sealed record AddressDto(
    string Id, string? FirstName, string? LastName, string Street, string? Street2, string City, string? State,
    string ZipCode, string Country, string? Phone, bool IsDefault);

public sealed record AddressRequest(
    string? Street, string? City, string? State, string? ZipCode, string? Country, bool? IsDefault,
    string? FirstName = null, string? LastName = null, string? Street2 = null, string? Phone = null)
{
    public AddressInput ToInput() => new()
    {
        Street = Street, City = City, State = State, ZipCode = ZipCode, Country = Country, IsDefault = IsDefault ?? false,
        FirstName = FirstName, LastName = LastName, Street2 = Street2, Phone = Phone,
    };
}

public sealed record ProfileDto(
    string Id, string Email, bool EmailVerified, string? FirstName, string? LastName, string? PhoneNumber, DateOnly? DateOfBirth,
    IReadOnlyList<AddressDto> Addresses, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record UpdateProfileRequest(string? FirstName, string? LastName, string? PhoneNumber, DateOnly? DateOfBirth);
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);
public sealed record ForgotPasswordRequest(string? Email);
public sealed record ResetPasswordRequest(string? Email, string? Token, string? NewPassword, string? ConfirmPassword);

/// <summary>/api/v1/users: the caller's profile, password and address book.</summary>
public static class UsersApi
{
    public const string ForgotPasswordAnswer = "If an account exists for this email, a password reset link has been sent to it.";

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/users").WithTags("Users");
        var signedIn = users.MapGroup("").RequireAuthorization(ApiPolicies.Customer).ProducesErrors(StatusCodes.Status401Unauthorized);

        signedIn.MapGet("/profile", GetProfile).WithName("GetProfile").WithSummary("The caller's profile with their addresses");
        signedIn.MapPut("/profile", UpdateProfile).WithName("UpdateProfile").WithSummary("Change name, phone number and date of birth")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        signedIn.MapPost("/change-password", ChangePassword).WithName("ChangePassword")
            .WithSummary("Change the password; every refresh token of the account stops working")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        signedIn.MapGet("/addresses", ListAddresses).WithName("ListAddresses").WithSummary("The caller's address book");
        signedIn.MapPost("/addresses", AddAddress).WithName("AddAddress").WithSummary("Save an address (the first one becomes the default)")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        signedIn.MapPut("/addresses/{addressId}", UpdateAddress).WithName("UpdateAddress").WithSummary("Change a saved address")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        signedIn.MapDelete("/addresses/{addressId}", DeleteAddress).WithName("DeleteAddress").WithSummary("Delete a saved address")
            .ProducesErrors(StatusCodes.Status404NotFound);

        users.MapPost("/forgot-password", ForgotPassword).WithName("ForgotPassword").RequireRateLimiting(RateLimitPolicies.PasswordReset)
            .WithSummary("Send a password-reset link; the answer is the same whether or not the email has an account")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        users.MapPost("/reset-password", ResetPassword).WithName("ResetPassword").RequireRateLimiting(RateLimitPolicies.PasswordReset).WithSummary("Set a new password with the token from the e-mail")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        return routes;
    }

    public static async Task<Results<Ok<ApiResponse<ProfileDto>>, ApiErrorResult>> GetProfile(ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        var profile = await accounts.GetProfileAsync(user.UserId(), cancellationToken);
        return profile is null ? ApiResults.NotFound("User not found") : ApiResults.Ok(ToDto(profile));
    }

    public static async Task<Results<Ok<ApiResponse<ProfileDto>>, ApiErrorResult>> UpdateProfile(
        UpdateProfileRequest request, ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.UpdateProfileAsync(user.UserId(),
            new ProfileInput(request.FirstName, request.LastName, request.PhoneNumber, request.DateOfBirth), cancellationToken);
        return result.Succeeded ? ApiResults.Ok(ToDto(result.Value), "Profile updated successfully") : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiMessage>, ApiErrorResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.ChangePasswordAsync(user.UserId(), request.CurrentPassword, request.NewPassword, request.ConfirmPassword, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new ApiMessage("Password changed successfully", DateTime.UtcNow)) : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiMessage>, ApiErrorResult>> ForgotPassword(
        ForgotPasswordRequest request, AccountService accounts, IOptions<StoreSettings> store, CancellationToken cancellationToken)
    {
        // The link uses the configured public address, never this request's Host header (which a caller controls).
        var result = await accounts.ForgotPasswordAsync(request.Email,
            (email, token) => store.Value.Link($"/account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}"),
            cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new ApiMessage(ForgotPasswordAnswer, DateTime.UtcNow)) : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiMessage>, ApiErrorResult>> ResetPassword(
        ResetPasswordRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.ResetPasswordAsync(request.Email, request.Token, request.NewPassword, request.ConfirmPassword, cancellationToken);
        // Every failure here is bad input, INVALID_TOKEN (a wrong or used e-mailed token) included: 400, not 401.
        return result.Succeeded
            ? TypedResults.Ok(new ApiMessage("Password reset successfully", DateTime.UtcNow))
            : ApiResults.Error(StatusCodes.Status400BadRequest, result.Errors);
    }

    public static async Task<Ok<ApiResponse<IReadOnlyList<AddressDto>>>> ListAddresses(ClaimsPrincipal user, AddressService addresses, CancellationToken cancellationToken)
    {
        var list = await addresses.ListAsync(user.UserId(), cancellationToken);
        return ApiResults.Ok<IReadOnlyList<AddressDto>>(list.Select(ToDto).ToList());
    }

    public static async Task<Results<Created<ApiResponse<AddressDto>>, ApiErrorResult>> AddAddress(
        AddressRequest request, ClaimsPrincipal user, AddressService addresses, CancellationToken cancellationToken)
    {
        var result = await addresses.AddAsync(user.UserId(), request.ToInput(), cancellationToken);
        return result.Succeeded
            ? ApiResults.Created($"/api/v1/users/addresses/{result.Value.Id}", ToDto(result.Value), "Address added")
            : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<AddressDto>>, ApiErrorResult>> UpdateAddress(
        string addressId, AddressRequest request, ClaimsPrincipal user, AddressService addresses, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(addressId, out var id)) return ApiResults.NotFound($"Address with ID '{addressId}' not found");
        var result = await addresses.UpdateAsync(user.UserId(), id, request.ToInput(), cancellationToken);
        return result.Succeeded ? ApiResults.Ok(ToDto(result.Value), "Address updated") : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<NoContent, ApiErrorResult>> DeleteAddress(
        string addressId, ClaimsPrincipal user, AddressService addresses, CancellationToken cancellationToken)
    {
        if (!ApiIds.TryParse(addressId, out var id)) return ApiResults.NotFound($"Address with ID '{addressId}' not found");
        var result = await addresses.DeleteAsync(user.UserId(), id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Errors);
    }

    internal static AddressDto ToDto(AddressView a) => new(
        ApiIds.Format(a.Id), a.FirstName, a.LastName, a.Street, a.Street2, a.City, a.State, a.ZipCode, a.Country, a.Phone, a.IsDefault);

    private static ProfileDto ToDto(ProfileView p) => new(
        p.Id, p.Email, p.EmailVerified, p.FirstName, p.LastName, p.PhoneNumber, p.DateOfBirth, p.Addresses.Select(ToDto).ToList(), p.CreatedAt, p.UpdatedAt);
}
