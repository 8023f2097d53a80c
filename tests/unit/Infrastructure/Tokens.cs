using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>Reading and forging API access tokens in tests.</summary>
public static class Tokens
{
    public const string Issuer = "Ecommerce.Web";
    public const string Audience = "Ecommerce.Api";

    /// <summary>The key the app generated into its database when Jwt:SigningKey is not set (null when there is none).</summary>
    public static byte[]? StoredSigningKey(this StoreApp app)
    {
        var stored = app.WithDbAsync(db => db.StoreSecrets.Where(s => s.Name == Ecommerce.Api.Auth.SigningKeyProvider.SecretName)
            .Select(s => s.Value).FirstOrDefaultAsync()).GetAwaiter().GetResult();
        return stored is null ? null : Convert.FromBase64String(stored);
    }

    /// <summary>The key the app generated into its database (after it issued or checked a token).</summary>
    public static byte[] ReadKey(this StoreApp app) =>
        app.StoredSigningKey() ?? throw new InvalidOperationException("The app has no stored signing key yet.");

    /// <summary>
    /// A signed HS256 token with the app's issuer and audience (unless given) and the given lifetime; with
    /// <paramref name="stampHash"/> (see <see cref="StampHashAsync"/>) it names the account's current security stamp
    /// as the app's own tokens do.
    /// </summary>
    public static string Forge(byte[] key, string subject, IEnumerable<string> roles, DateTime notBefore, DateTime expires,
        string issuer = Issuer, string audience = Audience, string? stampHash = null)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject) };
        if (stampHash is not null) claims.Add(new Claim(StampClaim, stampHash));
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }

    public const string StampClaim = "sstamp";

    /// <summary>What the app's tokens carry for the account's current security stamp.</summary>
    public static async Task<string> StampHashAsync(this StoreApp app, string userId)
    {
        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());
        return Ecommerce.Shared.Customers.AccountAccessCache.HashStamp(stamp);
    }

    /// <summary>The decoded JSON payload (second part) of a JWT.</summary>
    public static JsonElement Payload(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]);
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(bytes));
        return document.RootElement.Clone();
    }

    /// <summary>The values of a claim that may be written as a string or as an array of strings.</summary>
    public static IReadOnlyList<string> ClaimValues(JsonElement payload, string name) =>
        !payload.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!).ToList()
        : [value.GetString()!];

    public static async Task<TokenValidationResult> ValidateAsync(string jwt, byte[] key) =>
        await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = new SymmetricSecurityKey(key),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        });
}
