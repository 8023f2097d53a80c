using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Identity;

namespace Ecommerce.Shared.Customers;

/// <summary>A person with an account: a customer, an admin or both. Identity keeps email, password and phone.</summary>
public class ApplicationUser : IdentityUser, IHasTimestamps
{
    [PersonalData] public string? FirstName { get; set; }
    [PersonalData] public string? LastName { get; set; }
    [PersonalData] public DateOnly? DateOfBirth { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<Address> Addresses { get; set; } = [];

    public string DisplayName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } name
            ? name
            : Email ?? UserName ?? "Customer";
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Customer = "Customer";

    public static readonly IReadOnlyList<string> All = [Admin, Customer];
}
