using System.ComponentModel.DataAnnotations;

namespace Ecommerce.Api.Auth;

/// <summary>API token settings (configuration section "Jwt").</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>Base64 (or any string of at least 32 characters) HMAC-SHA256 key. Empty: generated once and kept in the data folder.</summary>
    [MinLength(32, ErrorMessage = "Jwt:SigningKey must be at least 32 characters.")]
    public string? SigningKey { get; set; }
    [Required]
    public string Issuer { get; set; } = "Ecommerce.Web";
    [Required]
    public string Audience { get; set; } = "Ecommerce.Api";
    [Range(1, 24 * 60)]
    public int AccessTokenMinutes { get; set; } = 15;
    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 14;
}
