using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>/api/v1/auth: registration, sign-in, refresh-token rotation, sign-out. Every test uses its own customer.</summary>
public class AuthApiTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;
    private HttpClient Anonymous { get; } = fixture.App.CreateRawClient();

    private Task<ApiReply> Register(object body) => Anonymous.PostApiAsync("/api/v1/auth/register", body);
    private Task<ApiReply> Login(string email, string password) => Anonymous.PostApiAsync("/api/v1/auth/login", new { email, password });
    private Task<ApiReply> Refresh(string refreshToken) => Anonymous.PostApiAsync("/api/v1/auth/refresh", new { refreshToken });

    [Fact]
    public async Task Register_answers_201_with_user_id_email_and_verification_flag()
    {
        var email = ApiSessions.NewEmail();
        var data = (await Register(new { email, password = ApiSessions.CustomerPassword, firstName = "John", lastName = "Doe", phoneNumber = "+1234567890" }))
            .Data(HttpStatusCode.Created);

        Assert.Equal(["userId", "email", "emailVerificationRequired"], ApiAssert.PropertyNames(data));
        Assert.False(string.IsNullOrWhiteSpace(data.Str("userId")));
        Assert.Equal(email, data.Str("email"));
        Assert.True(data.GetProperty("emailVerificationRequired").ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False);

        // The account exists: it can sign in, and the id is the same.
        var login = (await Login(email, ApiSessions.CustomerPassword)).Data();
        Assert.Equal(data.Str("userId"), login.GetProperty("user").Str("id"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Registering_an_email_that_exists_in_any_case_is_409_already_exists(bool otherCase)
    {
        var email = ApiSessions.NewEmail("Dupe");
        (await Register(new { email, password = ApiSessions.CustomerPassword, firstName = "A", lastName = "B" })).Expect(HttpStatusCode.Created);

        var again = otherCase ? email.ToUpperInvariant() : email;
        var reply = await Register(new { email = again, password = ApiSessions.CustomerPassword, firstName = "C", lastName = "D" });
        reply.Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "email");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.com")]
    [InlineData("spaces in@example.com")]
    [InlineData("nodot@example")]
    public async Task An_invalid_email_is_400_naming_email(string email)
    {
        var reply = await Register(new { email, password = ApiSessions.CustomerPassword, firstName = "A", lastName = "B" });
        reply.Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "email");
        Assert.Equal(["email"], reply.ErrorFields);
    }

    [Theory]
    [InlineData("short1!")]       // too short
    [InlineData("alllowercase1!")] // no upper case
    [InlineData("NoDigitsHere!")]  // no digit
    [InlineData("NoSymbols123")]   // no symbol
    public async Task A_weak_password_is_400_naming_password(string password)
    {
        var reply = await Register(new { email = ApiSessions.NewEmail(), password, firstName = "A", lastName = "B" });
        reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "password");
        Assert.Equal(["password"], reply.ErrorFields);
    }

    [Fact]
    public async Task Missing_names_are_400_with_one_entry_per_failing_field()
    {
        var reply = await Register(new { email = ApiSessions.NewEmail(), password = ApiSessions.CustomerPassword, firstName = "  " });
        reply.Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "firstName");
        reply.Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "lastName");
        Assert.Equal(["firstName", "lastName"], reply.ErrorFields.Order());
    }

    [Fact]
    public async Task A_bad_phone_number_is_400_naming_phone_number()
    {
        var reply = await Register(new { email = ApiSessions.NewEmail(), password = ApiSessions.CustomerPassword, firstName = "A", lastName = "B", phoneNumber = "call me" });
        reply.Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "phoneNumber");
    }

    [Fact]
    public async Task Every_failing_field_is_listed_at_once()
    {
        var reply = await Register(new { email = "nope", password = "weak" });
        Assert.Equal(["email", "firstName", "lastName", "password"], reply.Expect(HttpStatusCode.BadRequest).ErrorFields.Order());
    }

    [Fact]
    public async Task Login_returns_a_jwt_with_the_user_and_role_claims_and_a_refresh_token()
    {
        var email = ApiSessions.NewEmail();
        var userId = (await Register(new { email, password = ApiSessions.CustomerPassword, firstName = "John", lastName = "Doe" }))
            .Data(HttpStatusCode.Created).Str("userId");

        var data = (await Login(email, ApiSessions.CustomerPassword)).Data();
        Assert.Equal(["accessToken", "refreshToken", "expiresIn", "tokenType", "user"], ApiAssert.PropertyNames(data));
        Assert.Equal(900, data.Int("expiresIn")); // 15 minutes: a revoked account's tokens die soon even on another instance
        Assert.Equal("Bearer", data.Str("tokenType"));
        Assert.False(string.IsNullOrWhiteSpace(data.Str("refreshToken")));

        var user = data.GetProperty("user");
        Assert.Equal(userId, user.Str("id"));
        Assert.Equal(email, user.Str("email"));
        Assert.Equal("John", user.Str("firstName"));
        Assert.Equal("Doe", user.Str("lastName"));
        Assert.Equal(["Customer"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var token = data.Str("accessToken");
        Assert.Equal(3, token.Split('.').Length);
        var payload = Tokens.Payload(token);
        Assert.Equal(userId, payload.Str("sub"));
        Assert.Equal(["Customer"], Tokens.ClaimValues(payload, "role"));
        var lifetime = payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64();
        Assert.Equal(900, lifetime);
        // The token is tied to the account's security stamp, without showing the stamp itself.
        Assert.Equal(await App.StampHashAsync(userId), payload.Str(Tokens.StampClaim));
        var stamp = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp)));
        Assert.DoesNotContain(stamp!, token);
    }

    [Fact]
    public async Task The_admin_signs_in_with_the_admin_role()
    {
        var data = (await Login(StoreApp.AdminEmail, StoreApp.AdminPassword)).Data();
        Assert.Contains("Admin", data.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("Admin", Tokens.ClaimValues(Tokens.Payload(data.Str("accessToken")), "role"));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_are_the_same_401()
    {
        using var customer = await App.RegisterCustomerAsync();

        var wrong = await Login(customer.Email, "Wrong-Passw0rd!");
        var unknown = await Login(ApiSessions.NewEmail("nobody"), "Wrong-Passw0rd!");

        var wrongError = wrong.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var unknownError = unknown.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal(wrongError.ErrorMessage(), unknownError.ErrorMessage());
        Assert.Equal(wrong.Body.Str("message"), unknown.Body.Str("message"));
    }

    [Fact]
    public async Task Login_with_missing_fields_is_400_per_field()
    {
        var reply = await Anonymous.PostApiAsync("/api/v1/auth/login", new { });
        Assert.Equal(["email", "password"], reply.Expect(HttpStatusCode.BadRequest).ErrorFields.Order());
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_make_it_wait_while_the_owner_signs_in_from_another()
    {
        using var customer = await App.RegisterCustomerAsync();
        using var stranger = App.CreateRawClient().From("203.0.113.7");
        using var owner = App.CreateRawClient().From("198.51.100.20");

        for (var attempt = 1; attempt <= 5; attempt++)
            (await stranger.PostApiAsync("/api/v1/auth/login", new { email = customer.Email, password = $"Wrong-Passw0rd-{attempt}" }))
                .Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        // The stranger must now wait, even with the right password: 429 with when to come back.
        var sixth = await stranger.PostApiAsync("/api/v1/auth/login", new { email = customer.Email, password = customer.Password });
        var error = sixth.Error(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.Contains("Too many failed sign-ins", error.ErrorMessage());
        var retryAfter = sixth.Body.GetProperty("retryAfter").GetInt32();
        Assert.InRange(retryAfter, 60, 15 * 60);
        Assert.Equal(retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture), sixth.Header("Retry-After"));
        Assert.False(sixth.Body.TryGetProperty("data", out _));

        // The owner, elsewhere, is not locked out: the account itself is not locked.
        (await owner.PostApiAsync("/api/v1/auth/login", new { email = customer.Email, password = customer.Password })).Expect(HttpStatusCode.OK);
        var lockout = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.Id == customer.UserId).Select(u => u.LockoutEnd)));
        Assert.Null(lockout);
    }

    [Fact]
    public async Task An_unknown_email_is_throttled_exactly_like_a_known_one()
    {
        using var customer = await App.RegisterCustomerAsync();
        var unknown = ApiSessions.NewEmail("nobody");
        using var client = App.CreateRawClient().From("203.0.113.8");
        var known = new List<ApiReply>();
        var other = new List<ApiReply>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            known.Add(await client.PostApiAsync("/api/v1/auth/login", new { email = customer.Email, password = "Wrong-Passw0rd-1" }));
            other.Add(await client.PostApiAsync("/api/v1/auth/login", new { email = unknown, password = "Wrong-Passw0rd-1" }));
        }
        Assert.Equal(known.Select(r => r.Status), other.Select(r => r.Status));
        Assert.Equal(known.Select(r => r.Errors[0].ErrorMessage()), other.Select(r => r.Errors[0].ErrorMessage()));
        Assert.Equal(HttpStatusCode.TooManyRequests, known[^1].Status);
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        using var customer = await App.RegisterCustomerAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
            (await Login(customer.Email, "Wrong-Passw0rd!")).Expect(HttpStatusCode.Unauthorized);
        (await Login(customer.Email, customer.Password)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_successor_works()
    {
        using var customer = await App.RegisterCustomerAsync();

        var first = (await Refresh(customer.RefreshToken)).Data();
        Assert.Equal(["accessToken", "refreshToken", "expiresIn", "tokenType"], ApiAssert.PropertyNames(first));
        Assert.Equal(900, first.Int("expiresIn"));
        Assert.Equal("Bearer", first.Str("tokenType"));
        Assert.NotEqual(customer.RefreshToken, first.Str("refreshToken"));
        Assert.Equal(customer.UserId, Tokens.Payload(first.Str("accessToken")).Str("sub"));

        // The new access token works.
        using var client = App.CreateBearerClient(first.Str("accessToken"));
        (await client.GetApiAsync("/api/v1/users/profile")).Expect(HttpStatusCode.OK);

        var second = (await Refresh(first.Str("refreshToken"))).Data();
        Assert.NotEqual(first.Str("refreshToken"), second.Str("refreshToken"));
    }

    [Fact]
    public async Task Presenting_a_used_refresh_token_is_401_and_revokes_the_newest_of_its_family()
    {
        using var customer = await App.RegisterCustomerAsync();
        var second = (await Refresh(customer.RefreshToken)).Data().Str("refreshToken");
        var third = (await Refresh(second)).Data().Str("refreshToken");

        (await Refresh(customer.RefreshToken)).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");
        (await Refresh(third)).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");
    }

    [Fact]
    public async Task Reuse_revokes_only_its_own_family()
    {
        using var customer = await App.RegisterCustomerAsync();
        using var otherDevice = await App.SignInAsync(customer.Email, customer.Password);
        (await Refresh(customer.RefreshToken)).Expect(HttpStatusCode.OK);
        (await Refresh(customer.RefreshToken)).Expect(HttpStatusCode.Unauthorized);

        (await Refresh(otherDevice.RefreshToken)).Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not-a-refresh-token")]
    [InlineData("")]
    public async Task An_unknown_or_empty_refresh_token_is_refused(string token)
    {
        var reply = await Refresh(token);
        if (token.Length == 0) reply.Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "refreshToken");
        else
        {
            reply.Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");
            Assert.Equal("Bearer", reply.Header("WWW-Authenticate"));
        }
    }

    [Fact]
    public async Task An_expired_refresh_token_is_401_invalid_token_not_expired_token()
    {
        // EXPIRED_TOKEN tells a client to refresh; with an expired refresh token only signing in again helps.
        using var customer = await App.RegisterCustomerAsync();
        await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
            db.RefreshTokens.Where(t => t.UserId == customer.UserId),
            s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        var error = (await Refresh(customer.RefreshToken)).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");
        Assert.Contains("expired", error.ErrorMessage());
    }

    [Fact]
    public async Task Logout_answers_204_and_the_refresh_token_stops_working()
    {
        using var customer = await App.RegisterCustomerAsync();
        using var otherDevice = await App.SignInAsync(customer.Email, customer.Password);

        var reply = await customer.Client.PostApiAsync("/api/v1/auth/logout", new { refreshToken = customer.RefreshToken });
        reply.Expect(HttpStatusCode.NoContent);
        Assert.Equal("", reply.RawBody);

        (await Refresh(customer.RefreshToken)).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");
        // Signing out one device leaves the others signed in.
        (await Refresh(otherDevice.RefreshToken)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_cannot_revoke_another_users_refresh_token()
    {
        using var victim = await App.RegisterCustomerAsync();
        using var attacker = await App.RegisterCustomerAsync();
        (await attacker.Client.PostApiAsync("/api/v1/auth/logout", new { refreshToken = victim.RefreshToken })).Expect(HttpStatusCode.NoContent);
        (await Refresh(victim.RefreshToken)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_without_an_access_token_is_401()
    {
        using var customer = await App.RegisterCustomerAsync();
        var reply = await Anonymous.PostApiAsync("/api/v1/auth/logout", new { refreshToken = customer.RefreshToken });
        reply.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        // Nothing was revoked.
        (await Refresh(customer.RefreshToken)).Expect(HttpStatusCode.OK);
    }
}

/// <summary>
/// Bearer tokens on protected endpoints: missing (401 UNAUTHORIZED), expired (401 EXPIRED_TOKEN), malformed, forged or
/// for someone else (401 INVALID_TOKEN), each with its WWW-Authenticate header; wrong role (403).
/// </summary>
public class AccessTokenTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;

    /// <summary>Every endpoint of the shopper's journey that needs a signed-in caller.</summary>
    public static TheoryData<string, string> ProtectedRoutes => new()
    {
        { "POST", "/api/v1/auth/logout" },
        { "GET", "/api/v1/users/profile" },
        { "PUT", "/api/v1/users/profile" },
        { "POST", "/api/v1/users/change-password" },
        { "GET", "/api/v1/users/addresses" },
        { "POST", "/api/v1/users/addresses" },
        { "PUT", "/api/v1/users/addresses/1" },
        { "DELETE", "/api/v1/users/addresses/1" },
        { "GET", "/api/v1/cart" },
        { "POST", "/api/v1/cart/items" },
        { "PUT", "/api/v1/cart/items/1" },
        { "DELETE", "/api/v1/cart/items/1" },
        { "DELETE", "/api/v1/cart" },
        { "POST", "/api/v1/cart/apply-coupon" },
        { "DELETE", "/api/v1/cart/coupon" },
        { "GET", "/api/v1/coupons" },
        { "GET", "/api/v1/coupons/1" },
        { "POST", "/api/v1/coupons" },
        { "PUT", "/api/v1/coupons/1" },
        { "DELETE", "/api/v1/coupons/1" },
        { "POST", "/api/v1/orders" },
        { "GET", "/api/v1/orders" },
        { "GET", "/api/v1/orders/1" },
        { "POST", "/api/v1/orders/1/cancel" },
        { "PUT", "/api/v1/orders/1/status" },
        { "GET", "/api/v1/favorites" },
        { "POST", "/api/v1/favorites/1" },
        { "DELETE", "/api/v1/favorites/1" },
        { "POST", "/api/v1/products/1/reviews" },
    };

    private static Task<ApiReply> Call(HttpClient client, string method, string path, string? bearer = null) =>
        client.CallAsync(new HttpMethod(method), path, method is "POST" or "PUT" ? new { } : null, bearer);

    /// <summary>The WWW-Authenticate header of a refused bearer token (RFC 6750, section 3).</summary>
    private static string InvalidTokenChallenge(string description) => $"Bearer error=\"invalid_token\", error_description=\"{description}\"";

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Without_a_token_is_401_unauthorized(string method, string path)
    {
        using var client = App.CreateRawClient();
        var reply = await Call(client, method, path);
        var error = reply.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("Bearer", error.ErrorMessage());
        Assert.Equal("Bearer", reply.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task Another_authorization_scheme_counts_as_no_token()
    {
        using var client = App.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/profile");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "c2hvcHBlcjpzZWNyZXQ=");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", string.Join(", ", response.Headers.WwwAuthenticate));
        ApiAssert.Error(await response.ReadJsonAsync(), "UNAUTHORIZED", null, "/api/v1/users/profile");
    }

    [Theory]
    [InlineData("abc", "The token is malformed")]
    [InlineData("a.b.c", "The token is malformed")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.", "The signature is invalid")] // well-formed, signature left off
    public async Task A_malformed_token_is_401_invalid_token(string token, string description)
    {
        using var client = App.CreateRawClient();
        var reply = await Call(client, "GET", "/api/v1/users/profile", token);
        var error = reply.Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.Contains("not valid", error.ErrorMessage());
        Assert.Equal(InvalidTokenChallenge(description), reply.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task An_unsigned_token_claiming_the_admin_role_is_401()
    {
        using var customer = await App.RegisterCustomerAsync();
        static string Part(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        var unsigned = Part("""{"alg":"none","typ":"JWT"}""") + "." +
                       Part($$"""{"sub":"{{customer.UserId}}","role":"Admin","iss":"{{Tokens.Issuer}}","aud":"{{Tokens.Audience}}","exp":{{exp}}}""") + ".";
        using var client = App.CreateRawClient();
        (await Call(client, "GET", "/api/v1/coupons", unsigned)).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        var reply = await Call(client, "GET", "/api/v1/users/profile", unsigned);
        reply.Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.Equal(InvalidTokenChallenge("The signature is invalid"), reply.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401_invalid_token()
    {
        using var customer = await App.RegisterCustomerAsync();
        var now = DateTime.UtcNow;
        var forged = Tokens.Forge(RandomNumberGenerator.GetBytes(64), customer.UserId, ["Customer", "Admin"], now.AddMinutes(-1), now.AddMinutes(30),
            stampHash: await App.StampHashAsync(customer.UserId));

        using var client = App.CreateRawClient();
        var reply = await Call(client, "GET", "/api/v1/users/profile", forged);
        var error = reply.Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.Equal("The access token is not valid.", error.ErrorMessage());
        Assert.Equal(InvalidTokenChallenge("The signature is invalid"), reply.Header("WWW-Authenticate"));
        (await Call(client, "GET", "/api/v1/coupons", forged)).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Fact]
    public async Task An_expired_token_with_a_bad_signature_is_invalid_not_expired()
    {
        // The signature is checked first: a forger learns nothing from the answer about the token's lifetime.
        using var customer = await App.RegisterCustomerAsync();
        var now = DateTime.UtcNow;
        var forged = Tokens.Forge(RandomNumberGenerator.GetBytes(64), customer.UserId, ["Customer"], now.AddHours(-2), now.AddMinutes(-10));
        using var client = App.CreateRawClient();
        var reply = await Call(client, "GET", "/api/v1/users/profile", forged);
        reply.Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.Equal(InvalidTokenChallenge("The signature is invalid"), reply.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task A_token_signed_with_the_apps_key_but_expired_is_401_expired_token_while_a_current_one_works()
    {
        using var customer = await App.RegisterCustomerAsync();
        var key = App.ReadKey();
        var now = DateTime.UtcNow;
        using var client = App.CreateRawClient();

        // The same forging with a current lifetime is accepted: the key and claims (the account's stamp among them) are right.
        var stamp = await App.StampHashAsync(customer.UserId);
        var current = Tokens.Forge(key, customer.UserId, ["Customer"], now.AddMinutes(-5), now.AddMinutes(5), stampHash: stamp);
        (await Call(client, "GET", "/api/v1/users/profile", current)).Expect(HttpStatusCode.OK);

        var expired = Tokens.Forge(key, customer.UserId, ["Customer"], now.AddHours(-2), now.AddMinutes(-10), stampHash: stamp);
        var reply = await Call(client, "GET", "/api/v1/users/profile", expired);
        var error = reply.Error(HttpStatusCode.Unauthorized, "EXPIRED_TOKEN");
        Assert.Contains("expired", error.ErrorMessage());
        Assert.Equal("Authentication failed", reply.Body.Str("message"));
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The token expired\"", reply.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task A_token_for_another_audience_or_issuer_is_401()
    {
        using var customer = await App.RegisterCustomerAsync();
        var key = App.ReadKey();
        var now = DateTime.UtcNow;
        using var client = App.CreateRawClient();
        var otherAudience = Tokens.Forge(key, customer.UserId, ["Customer"], now.AddMinutes(-1), now.AddMinutes(5), audience: "Someone.Else");
        var otherIssuer = Tokens.Forge(key, customer.UserId, ["Customer"], now.AddMinutes(-1), now.AddMinutes(5), issuer: "Someone.Else");
        var audience = await Call(client, "GET", "/api/v1/users/profile", otherAudience);
        audience.Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.Equal(InvalidTokenChallenge("The audience is invalid"), audience.Header("WWW-Authenticate"));
        var issuer = await Call(client, "GET", "/api/v1/users/profile", otherIssuer);
        issuer.Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.Equal(InvalidTokenChallenge("The issuer is invalid"), issuer.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task A_customer_calling_admin_endpoints_is_403_forbidden()
    {
        using var customer = await App.RegisterCustomerAsync();
        var body = new { code = ShopData.NewCode(), type = "percentage", value = 10 };

        var create = await customer.Client.PostApiAsync("/api/v1/coupons", body);
        var error = create.Error(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal("Access denied", create.Body.Str("message"));
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage()));

        (await customer.Client.PutApiAsync("/api/v1/orders/1/status", new { status = "paid" })).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await customer.Client.GetApiAsync("/api/v1/coupons")).Error(HttpStatusCode.Forbidden, "FORBIDDEN");

        // The admin may (the 403 is about the role, not the request).
        using var admin = await App.SignInAdminAsync();
        (await admin.Client.PostApiAsync("/api/v1/coupons", body)).Expect(HttpStatusCode.Created);
    }
}

/// <summary>Where the signing key comes from: configuration, or a file in the data folder that survives restarts.</summary>
public class SigningKeyTests
{
    [Fact]
    public async Task A_configured_signing_key_signs_the_tokens()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Jwt:SigningKey"] = Convert.ToBase64String(key) });
        using var customer = await app.RegisterCustomerAsync();

        var validation = await Tokens.ValidateAsync(customer.AccessToken, key);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.False((await Tokens.ValidateAsync(customer.AccessToken, RandomNumberGenerator.GetBytes(32))).IsValid);

        // A token the test signs with the configured key is accepted by the app.
        var now = DateTime.UtcNow;
        using var client = app.CreateBearerClient(Tokens.Forge(key, customer.UserId, ["Customer"], now.AddMinutes(-1), now.AddMinutes(5),
            stampHash: await app.StampHashAsync(customer.UserId)));
        (await client.GetApiAsync("/api/v1/users/profile")).Expect(HttpStatusCode.OK);

        Assert.Null(app.StoredSigningKey()); // nothing is generated when Jwt:SigningKey is configured
    }

    [Fact]
    public async Task Without_a_configured_key_one_is_generated_once_into_the_database_and_reused_after_a_restart()
    {
        var dataPath = ShopperApp.NewDataPath();
        var settings = new Dictionary<string, string?> { ["Storage:DataPath"] = dataPath, ["Seed:DemoCatalog"] = "false" };
        string accessToken, refreshToken, userId;
        byte[] key;
        IReadOnlyDictionary<string, string?> databaseSettings;

        using (var first = new StoreApp(settings, ShopperApp.FastPasswordHashing) { KeepDataFolder = true })
        {
            using var customer = await first.RegisterCustomerAsync();
            (accessToken, refreshToken, userId) = (customer.AccessToken, customer.RefreshToken, customer.UserId);
            key = first.ReadKey();
            databaseSettings = first.DatabaseSettings;
            Assert.True(key.Length >= 32);
            Assert.True((await Tokens.ValidateAsync(accessToken, key)).IsValid);
            Assert.False(File.Exists(Path.Combine(first.DataPath, "keys", "jwt-signing.key")), "The key is not kept in a file of one instance.");
        }

        foreach (var (name, value) in databaseSettings) settings[name] = value;
        using var second = ShopperApp.Create(settings);
        using var client = second.CreateBearerClient(accessToken);
        var profile = (await client.GetApiAsync("/api/v1/users/profile")).Data();
        Assert.Equal(userId, profile.Str("id"));
        Assert.Equal(key, second.ReadKey());

        using var anonymous = second.CreateRawClient();
        (await anonymous.PostApiAsync("/api/v1/auth/refresh", new { refreshToken })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_an_older_version_kept_in_the_data_folder_is_taken_over()
    {
        var dataPath = ShopperApp.NewDataPath();
        var legacy = RandomNumberGenerator.GetBytes(64);
        Directory.CreateDirectory(Path.Combine(dataPath, "keys"));
        await File.WriteAllTextAsync(Path.Combine(dataPath, "keys", "jwt-signing.key"), Convert.ToBase64String(legacy));

        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Storage:DataPath"] = dataPath });
        using var customer = await app.RegisterCustomerAsync();
        Assert.Equal(legacy, app.ReadKey());
        Assert.True((await Tokens.ValidateAsync(customer.AccessToken, legacy)).IsValid);
    }

    [Fact]
    public async Task Jwt_access_token_minutes_sets_the_lifetime()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Jwt:AccessTokenMinutes"] = "5" });
        using var anonymous = app.CreateRawClient();
        var email = ApiSessions.NewEmail();
        (await anonymous.PostApiAsync("/api/v1/auth/register", new { email, password = ApiSessions.CustomerPassword, firstName = "A", lastName = "B" }))
            .Expect(HttpStatusCode.Created);
        var data = (await anonymous.PostApiAsync("/api/v1/auth/login", new { email, password = ApiSessions.CustomerPassword })).Data();
        Assert.Equal(300, data.Int("expiresIn"));
        var payload = Tokens.Payload(data.Str("accessToken"));
        Assert.Equal(300, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
        Assert.Equal(300, (await anonymous.PostApiAsync("/api/v1/auth/refresh", new { refreshToken = data.Str("refreshToken") })).Data().Int("expiresIn"));
    }

    [Fact]
    public async Task Another_database_means_another_key()
    {
        using var one = ShopperApp.Create();
        using var customer = await one.RegisterCustomerAsync();
        using var other = ShopperApp.Create();
        using var client = other.CreateBearerClient(customer.AccessToken);
        (await client.GetApiAsync("/api/v1/users/profile")).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.NotEqual(one.ReadKey(), other.ReadKey());
    }
}
