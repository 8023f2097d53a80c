using System.Security.Claims;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ecommerce.Api.Auth;

/// <summary>The API's authorization policies: a signed-in caller (bearer token) and an admin.</summary>
public static class ApiPolicies
{
    public const string Customer = "ApiCustomer";
    public const string Admin = "ApiAdmin";
}

public static class ApiAuthentication
{
    /// <summary>
    /// JWT bearer authentication for /api. A missing token answers 401 UNAUTHORIZED, an expired one 401 EXPIRED_TOKEN,
    /// any other refused one 401 INVALID_TOKEN (see <see cref="BearerChallenge"/>), a caller without the role 403
    /// FORBIDDEN, all in the error envelope.
    /// </summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddStoreOptions<JwtOptions>(JwtOptions.Section);
        services.AddSingleton<SigningKeyProvider>();
        services.AddScoped<TokenService>();

        services.AddAuthentication().AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<JwtOptions>>((bearer, keys, jwt) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new()
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = keys.Key,
                    ValidAlgorithms = ["HS256"],
                    NameClaimType = JwtRegisteredClaimNames.Name,
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                bearer.Events = new JwtBearerEvents
                {
                    OnTokenValidated = CheckAccountAsync,
                    OnChallenge = context =>
                    {
                        context.HandleResponse();
                        var challenge = BearerChallenge.For(context.AuthenticateFailure);
                        context.Response.Headers.WWWAuthenticate = challenge.WwwAuthenticate;
                        return ApiResults.Error(challenge.Error).ExecuteAsync(context.HttpContext);
                    },
                    OnForbidden = context => ApiResults.WriteErrorAsync(context.HttpContext, StatusCodes.Status403Forbidden,
                        new Error(ErrorCodes.Forbidden, "You do not have permission to access this resource")),
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Customer, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(ApiPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Admin));
        return services;
    }

    /// <summary>
    /// A signature and a lifetime are not enough: the token must still speak for the account as it is now. It is
    /// refused when the account is gone, locked by an admin, or has a new security stamp (password changed or reset,
    /// signed out everywhere, locked, roles changed); the caller's roles are the account's current ones, not those
    /// written into the token when it was issued.
    /// </summary>
    private static async Task CheckAccountAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var userId = principal.FindFirstValue(JwtRegisteredClaimNames.Sub);
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountAccessCache>();
        var account = userId is null ? null : await accounts.GetAsync(userId, context.HttpContext.RequestAborted);
        if (account is null)
        {
            context.Fail(new RevokedAccessException("The account this access token was issued for no longer exists."));
            return;
        }
        if (!account.Admits(principal.FindFirstValue(TokenService.StampClaim)))
        {
            context.Fail(new RevokedAccessException(account.LockedByAdmin
                ? "The account is locked. Contact the store if you think this is a mistake."
                : "The access token is no longer valid: the account's password, roles or sessions changed since it was issued. Sign in again."));
            return;
        }

        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var stale in identity.FindAll(identity.RoleClaimType).ToList()) identity.RemoveClaim(stale);
        identity.AddClaims(account.Roles.Select(role => new Claim(identity.RoleClaimType, role)));
    }

    /// <summary>The signed-in caller's user id (the token's subject).</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The caller is not signed in.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>The admin making a change through the API, for the audit log.</summary>
    public static Ecommerce.Shared.Audit.AdminActor ApiActor(this ClaimsPrincipal user) =>
        new(user.UserId(), user.FindFirstValue(JwtRegisteredClaimNames.Email) ?? user.FindFirstValue(ClaimTypes.Email) ?? "", "api");
}
