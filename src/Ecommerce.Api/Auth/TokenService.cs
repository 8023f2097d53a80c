using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.Api.Auth;

public sealed record IssuedTokens(string AccessToken, string RefreshToken, int ExpiresIn);

/// <summary>
/// Access tokens (signed JWTs, short-lived) and refresh tokens (random, stored hashed, rotated on every use;
/// a reused one revokes its whole family).
/// </summary>
public sealed class TokenService(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    SigningKeyProvider keys,
    IOptions<JwtOptions> options,
    TimeProvider clock)
{
    /// <summary>The claim that ties an access token to the account's security stamp (hashed, see <see cref="AccountAccessCache.HashStamp"/>).</summary>
    public const string StampClaim = "sstamp";

    public async Task<IssuedTokens> IssueAsync(ApplicationUser user, CancellationToken cancellationToken = default) =>
        await IssueAsync(user, Guid.NewGuid(), cancellationToken);

    /// <summary>
    /// Exchanges a refresh token for new tokens. Each refresh token works once; presenting one that was already
    /// used or revoked revokes every token of its family and fails.
    /// </summary>
    public async Task<IssuedTokens?> RefreshAsync(string? refreshToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(refreshToken)) return null;
        var hash = Hash(refreshToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (stored is null) return null;

        // Claim the token with a conditional update, so two parallel refreshes cannot both succeed.
        var claimed = stored.RevokedAt is null && stored.ExpiresAt > now
            && await db.RefreshTokens.Where(t => t.Id == stored.Id && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "rotated"), cancellationToken) == 1;
        if (!claimed)
        {
            if (stored.RevokedAt is not null)
            {
                // A used or revoked token came back: treat the family as stolen.
                await db.RefreshTokens.Where(t => t.FamilyId == stored.FamilyId && t.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "reused"), cancellationToken);
            }
            return null;
        }

        // A lockout after failed sign-ins stops new sign-ins only; an admin's lock ends the session.
        var user = await users.FindByIdAsync(stored.UserId);
        if (user is null || IdentityRules.IsLockedByAdmin(user.LockoutEnd)) return null;
        return await IssueAsync(user, stored.FamilyId, cancellationToken);
    }

    /// <summary>Revokes one refresh token of the user (sign-out). Unknown tokens are ignored.</summary>
    public async Task RevokeAsync(string userId, string? refreshToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(refreshToken)) return;
        var hash = Hash(refreshToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.RefreshTokens.Where(t => t.TokenHash == hash && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "logout"), cancellationToken);
    }

    private async Task<IssuedTokens> IssueAsync(ApplicationUser user, Guid family, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var roles = await users.GetRolesAsync(user);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id),
            new(JwtRegisteredClaimNames.Email, user.Email ?? ""),
            new(JwtRegisteredClaimNames.Name, user.DisplayName),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(StampClaim, AccountAccessCache.HashStamp(await users.GetSecurityStampAsync(user))),
        };
        if (!string.IsNullOrEmpty(user.FirstName)) claims.Add(new Claim(JwtRegisteredClaimNames.GivenName, user.FirstName));
        if (!string.IsNullOrEmpty(user.LastName)) claims.Add(new Claim(JwtRegisteredClaimNames.FamilyName, user.LastName));
        claims.AddRange(roles.Select(role => new Claim("role", role)));

        var lifetime = TimeSpan.FromMinutes(Math.Max(1, settings.AccessTokenMinutes));
        var accessToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });

        var refreshToken = Base64Url(RandomNumberGenerator.GetBytes(48));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = user.Id,
            TokenHash = Hash(refreshToken),
            FamilyId = family,
            CreatedAt = now,
            ExpiresAt = now.AddDays(Math.Max(1, settings.RefreshTokenDays)),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedTokens(accessToken, refreshToken, (int)lifetime.TotalSeconds);
    }

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
