namespace Ecommerce.Shared.Instances;

/// <summary>
/// A secret the store generates once and every instance shares (e.g. the API token signing key when
/// <c>Jwt:SigningKey</c> is not configured). Written once, never changed: the first instance to store it wins.
/// </summary>
public class StoreSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// Who runs a background job now: an instance holds the lease until <see cref="LeasedUntil"/> and renews it while it
/// works; when it stops or dies, the lease runs out and another instance takes it over.
/// </summary>
public class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime LeasedUntil { get; set; }
}
