using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Customers;

/// <summary>A postal address saved in a customer's address book. At most one per customer is the default.</summary>
public class Address : IHasTimestamps
{
    public int Id { get; set; }
    public required string UserId { get; set; }

    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public required string Street { get; set; }
    public string? Street2 { get; set; }
    public required string City { get; set; }
    public string? State { get; set; }
    public required string ZipCode { get; set; }
    public required string Country { get; set; }
    public string? Phone { get; set; }
    public bool IsDefault { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
