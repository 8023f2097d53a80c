namespace Ecommerce.Shared.Customers;

/// <summary>
/// An API refresh token, stored only as a hash. Tokens rotate: each works once and is replaced by a new one in
/// the same family; presenting a used one again revokes the whole family (it has been stolen or replayed).
/// </summary>
public class RefreshToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }
    /// <summary>All tokens descending from one sign-in share a family.</summary>
    public Guid FamilyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>"rotated", "reused", "logout", "password-changed".</summary>
    public string? RevokedReason { get; set; }
}
