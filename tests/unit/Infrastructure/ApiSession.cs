using System.Net;
using System.Net.Http.Headers;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>A signed-in API caller: a client sending its access token, and what the sign-in returned.</summary>
public sealed class ApiSession : IDisposable
{
    public required HttpClient Client { get; init; }
    public required string UserId { get; init; }
    public required string Email { get; init; }
    public required string Password { get; init; }
    public required string AccessToken { get; init; }
    public required string RefreshToken { get; init; }

    public void Dispose() => Client.Dispose();
}

/// <summary>Customers and the admin, signed in through the API as a client would (register, then login).</summary>
public static class ApiSessions
{
    public const string CustomerPassword = "Shopper-Passw0rd!";

    /// <summary>A fresh, unique e-mail address for a test customer.</summary>
    public static string NewEmail(string prefix = "shopper") => $"{prefix}-{Guid.NewGuid():N}@test.example";

    /// <summary>Registers a customer through POST /api/v1/auth/register and signs them in.</summary>
    public static async Task<ApiSession> RegisterCustomerAsync(this StoreApp app, string? email = null, string password = CustomerPassword,
        string firstName = "Casey", string lastName = "Shopper")
    {
        email ??= NewEmail();
        using var anonymous = app.CreateRawClient();
        (await anonymous.PostApiAsync("/api/v1/auth/register", new { email, password, firstName, lastName }))
            .Expect(HttpStatusCode.Created);
        return await app.SignInAsync(email, password);
    }

    /// <summary>Signs in through POST /api/v1/auth/login; the session's client sends the access token.</summary>
    public static async Task<ApiSession> SignInAsync(this StoreApp app, string email, string password)
    {
        using var anonymous = app.CreateRawClient();
        var data = (await anonymous.PostApiAsync("/api/v1/auth/login", new { email, password })).Data();
        var accessToken = data.Str("accessToken");
        return new ApiSession
        {
            Client = app.CreateBearerClient(accessToken),
            UserId = data.GetProperty("user").Str("id"),
            Email = email,
            Password = password,
            AccessToken = accessToken,
            RefreshToken = data.Str("refreshToken"),
        };
    }

    /// <summary>The configured admin (<see cref="StoreApp.AdminEmail"/>), signed in through the API.</summary>
    public static Task<ApiSession> SignInAdminAsync(this StoreApp app) => app.SignInAsync(StoreApp.AdminEmail, StoreApp.AdminPassword);

    /// <summary>A client that sends the given bearer token with every request.</summary>
    public static HttpClient CreateBearerClient(this StoreApp app, string accessToken)
    {
        var client = app.CreateRawClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
