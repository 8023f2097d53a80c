namespace Ecommerce.Api.Auth;

/// <summary>API token settings (configuration section "Jwt").</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>Base64 (or any string of at least 32 characters) HMAC-SHA256 key. Empty: generated once and kept in the data folder.</summary>
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "Ecommerce.Web";
    public string Audience { get; set; } = "Ecommerce.Api";
    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 14;
}
