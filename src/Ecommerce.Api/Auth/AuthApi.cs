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
/// <summary>Sign-out: revoke this refresh token, or with <c>allSessions</c> end every session of the account.</summary>
public sealed record LogoutRequest(string? RefreshToken, bool? AllSessions = null);
public sealed record VerifyEmailRequest(string? Token);
public sealed record ResendVerificationRequest(string? Email);

/// <summary>/api/v1/auth: register, sign in (tokens), refresh (rotation), sign out.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth").WithTags("Authentication");

        auth.MapPost("/register", Register).WithName("Register").WithSummary("Create a customer account")
            .RequireRateLimiting(RateLimitPolicies.Registration)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        auth.MapPost("/login", Login).WithName("Login").WithSummary("Sign in and receive an access token and a refresh token")
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithDescription("Unknown e-mails and wrong passwords get the same 401. A client that fails too often for one account " +
                             "(or at all) must wait: 429 with Retry-After. Many failures from anywhere lock the account for a while (401).")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        auth.MapPost("/verify-email", VerifyEmail).WithName("VerifyEmail").WithSummary("Confirm an e-mail address with the token from the verification e-mail")
            .RequireRateLimiting(RateLimitPolicies.EmailVerification)
            .ProducesErrors(StatusCodes.Status400BadRequest);
        auth.MapPost("/resend-verification", ResendVerification).WithName("ResendVerification")
            .RequireRateLimiting(RateLimitPolicies.EmailVerification)
            .WithSummary("Send a new verification e-mail")
            .WithDescription("Answers the same whether or not an unverified account has the address.")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        auth.MapPost("/refresh", Refresh).WithName("RefreshToken").WithSummary("Exchange a refresh token for new tokens")
            .WithDescription("Each refresh token works once. Presenting one that was already used revokes all tokens descending from the same sign-in.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", Logout).WithName("Logout").WithSummary("Revoke a refresh token, or end every session with allSessions")
            .WithDescription("With \"allSessions\": true every access token, refresh token and storefront sign-in of the account ends.")
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
        var registered = result.Value;
        return ApiResults.Created($"/api/v1/users/profile", new RegisterResponse(registered.UserId, registered.Email, registered.EmailVerificationRequired),
            registered.EmailVerificationRequired
                ? "Registration successful. Please verify your email."
                : "Registration successful. We sent you a link to verify your email.");
    }

    public static async Task<Results<Ok<ApiResponse<LoginResponse>>, ApiErrorResult, ApiTooManyRequestsResult>> Login(
        LoginRequest request, HttpContext context, UserManager<ApplicationUser> users, SignInService signIn, TokenService tokens,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add(new Error(ErrorCodes.RequiredField, "Email is required.", "email"));
        if (string.IsNullOrEmpty(request.Password)) errors.Add(new Error(ErrorCodes.RequiredField, "Password is required.", "password"));
        if (errors.Count > 0) return ApiResults.Error(errors);

        var outcome = await signIn.CheckPasswordAsync(request.Email!, request.Password!, context.Connection.RemoteIpAddress?.ToString());
        switch (outcome.Status)
        {
            case SignInStatus.Throttled:
                return new ApiTooManyRequestsResult(new Error(ErrorCodes.RateLimitExceeded, outcome.Message), outcome.RetryAfter!.Value);
            case not SignInStatus.Succeeded:
                return Unauthorized(outcome.Message);
        }

        var user = outcome.User!;
        var issued = await tokens.IssueAsync(user, cancellationToken);
        var roles = await users.GetRolesAsync(user);
        return ApiResults.Ok(new LoginResponse(issued.AccessToken, issued.RefreshToken, issued.ExpiresIn, "Bearer",
            new TokenUser(user.Id, user.Email ?? "", user.FirstName, user.LastName, roles.ToList())), "Signed in.");
    }

    public static async Task<Results<Ok<ApiMessage>, ApiErrorResult>> VerifyEmail(
        VerifyEmailRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.VerifyEmailAsync(request.Token, cancellationToken);
        // Every failure here is bad input, INVALID_TOKEN (a wrong e-mailed token) included: 400, not 401.
        return result.Succeeded
            ? TypedResults.Ok(new ApiMessage("Email verified successfully", DateTime.UtcNow))
            : ApiResults.Error(StatusCodes.Status400BadRequest, result.Errors);
    }

    public static async Task<Results<Ok<ApiMessage>, ApiErrorResult>> ResendVerification(
        ResendVerificationRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.ResendVerificationAsync(request.Email, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new ApiMessage("If an account with this address still needs verifying, a new link is on its way.", DateTime.UtcNow))
            : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<RefreshResponse>>, ApiErrorResult>> Refresh(
        RefreshRequest request, TokenService tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
            return ApiResults.Error(new Error(ErrorCodes.RequiredField, "refreshToken is required.", "refreshToken"));
        var issued = await tokens.RefreshAsync(request.RefreshToken, cancellationToken);
        // INVALID_TOKEN even when it merely expired: EXPIRED_TOKEN tells a client to refresh, and the only way on from
        // here is to sign in again.
        return issued is null
            ? ApiResults.Error(new Error(ErrorCodes.InvalidToken,
                "The refresh token is not valid, has expired, has already been used, or its account's sessions have ended. Sign in again.", "refreshToken"))
            : ApiResults.Ok(new RefreshResponse(issued.AccessToken, issued.RefreshToken, issued.ExpiresIn, "Bearer"));
    }

    public static async Task<NoContent> Logout(LogoutRequest request, ClaimsPrincipal user, TokenService tokens, AccountService accounts,
        CancellationToken cancellationToken)
    {
        if (request.AllSessions == true) await accounts.SignOutEverywhereAsync(user.UserId(), cancellationToken);
        else await tokens.RevokeAsync(user.UserId(), request.RefreshToken, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ApiErrorResult Unauthorized(string message) => ApiResults.Error(new Error(ErrorCodes.Unauthorized, message));
}
