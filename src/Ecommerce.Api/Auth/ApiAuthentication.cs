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
    /// JWT bearer authentication for /api. A missing, malformed, expired or wrongly signed token answers 401
    /// UNAUTHORIZED, a caller without the role 403 FORBIDDEN, both in the error envelope.
    /// </summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section);
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
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var message = context.AuthenticateFailure switch
                        {
                            null when string.IsNullOrEmpty(context.Request.Headers.Authorization) => "Authentication required: send an access token as 'Authorization: Bearer …'.",
                            Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException => "The access token has expired. Refresh it or sign in again.",
                            _ => "The access token is not valid.",
                        };
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await ApiResults.WriteErrorAsync(context.HttpContext, StatusCodes.Status401Unauthorized, new Error(ErrorCodes.Unauthorized, message));
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

    /// <summary>The signed-in caller's user id (the token's subject).</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The caller is not signed in.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>The admin making a change through the API, for the audit log.</summary>
    public static Ecommerce.Shared.Audit.AdminActor ApiActor(this ClaimsPrincipal user) =>
        new(user.UserId(), user.FindFirstValue(JwtRegisteredClaimNames.Email) ?? user.FindFirstValue(ClaimTypes.Email) ?? "", "api");
}
