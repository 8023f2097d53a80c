using Ecommerce.Api.RateLimiting;
using System.Security.Claims;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Api.Auth;

public sealed record RegisterRequest(string? Email, string? Password, string? FirstName, string? LastName, string? PhoneNumber);
public sealed record RegisterResponse(string UserId, string Email, bool EmailVerificationRequired);
public sealed record LoginRequest(string? Email, string? Password);
public sealed record TokenUser(string Id, string Email, string? FirstName, string? LastName, IReadOnlyList<string> Roles);
public sealed record LoginResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType, TokenUser User);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record RefreshResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);
public sealed record LogoutRequest(string? RefreshToken);

/// <summary>/api/v1/auth: register, sign in (tokens), refresh (rotation), sign out.</summary>
public static class AuthApi
{
    private const string InvalidCredentials = "Invalid email or password";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth").WithTags("Authentication");

        auth.MapPost("/register", Register).WithName("Register").WithSummary("Create a customer account")
            .RequireRateLimiting(RateLimitPolicies.Registration)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        auth.MapPost("/login", Login).WithName("Login").WithSummary("Sign in and receive an access token and a refresh token")
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithDescription("Five wrong passwords in a row lock the account for five minutes.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);
        auth.MapPost("/refresh", Refresh).WithName("RefreshToken").WithSummary("Exchange a refresh token for new tokens")
            .WithDescription("Each refresh token works once. Presenting one that was already used revokes all tokens descending from the same sign-in.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", Logout).WithName("Logout").WithSummary("Revoke a refresh token")
            .RequireAuthorization(ApiPolicies.Customer)
            .ProducesErrors(StatusCodes.Status401Unauthorized);
        return routes;
    }

    public static async Task<Results<Created<ApiResponse<RegisterResponse>>, ApiErrorResult>> Register(
        RegisterRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.RegisterAsync(
            new RegistrationInput(request.Email, request.Password, request.FirstName, request.LastName, request.PhoneNumber), cancellationToken);
        if (!result.Succeeded) return ApiResults.Error(result.Errors);
        return ApiResults.Created($"/api/v1/users/profile", new RegisterResponse(result.Value.UserId, result.Value.Email, false),
            "Registration successful.");
    }

    public static async Task<Results<Ok<ApiResponse<LoginResponse>>, ApiErrorResult>> Login(
        LoginRequest request, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TokenService tokens, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add(new Error(ErrorCodes.RequiredField, "Email is required.", "email"));
        if (string.IsNullOrEmpty(request.Password)) errors.Add(new Error(ErrorCodes.RequiredField, "Password is required.", "password"));
        if (errors.Count > 0) return ApiResults.Error(errors);

        var user = await users.FindByEmailAsync(request.Email!.Trim());
        if (user is null) return Unauthorized(InvalidCredentials);
        // Checks the password and counts failures towards lockout, without issuing a cookie.
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut) return Unauthorized("Too many failed sign-ins: the account is locked for a few minutes. Try again later.");
        if (!check.Succeeded) return Unauthorized(InvalidCredentials);

        var issued = await tokens.IssueAsync(user, cancellationToken);
        var roles = await users.GetRolesAsync(user);
        return ApiResults.Ok(new LoginResponse(issued.AccessToken, issued.RefreshToken, issued.ExpiresIn, "Bearer",
            new TokenUser(user.Id, user.Email ?? "", user.FirstName, user.LastName, roles.ToList())), "Signed in.");
    }

    public static async Task<Results<Ok<ApiResponse<RefreshResponse>>, ApiErrorResult>> Refresh(
        RefreshRequest request, TokenService tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
            return ApiResults.Error(new Error(ErrorCodes.RequiredField, "refreshToken is required.", "refreshToken"));
        var issued = await tokens.RefreshAsync(request.RefreshToken, cancellationToken);
        return issued is null
            ? Unauthorized("The refresh token is not valid, has expired or has already been used.")
            : ApiResults.Ok(new RefreshResponse(issued.AccessToken, issued.RefreshToken, issued.ExpiresIn, "Bearer"));
    }

    public static async Task<NoContent> Logout(LogoutRequest request, ClaimsPrincipal user, TokenService tokens, CancellationToken cancellationToken)
    {
        await tokens.RevokeAsync(user.UserId(), request.RefreshToken, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ApiErrorResult Unauthorized(string message) => ApiResults.Error(new Error(ErrorCodes.Unauthorized, message));
}
