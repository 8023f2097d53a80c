using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Orders;

namespace Ecommerce.Web.Components.Shared;

/// <summary>
/// A postal address as the store prints it everywhere — the shopper's order page and address book, the checkout's
/// choices, the back office's order and customer pages — in the order of a shipping label: name, street, line 2,
/// "City, State ZIP", country, phone. Empty optional parts leave no empty line and no stray comma.
/// </summary>
public static class AddressDisplay
{
    /// <summary>An order's address as the lines of a label.</summary>
    public static IReadOnlyList<string> Lines(OrderAddress address) =>
        Lines(address.FirstName, address.LastName, address.Street, address.Street2, address.City, address.State, address.ZipCode,
            address.Country, address.Phone);

    /// <summary>A saved address as the lines of a label; without the name where the name is shown apart (a card's heading).</summary>
    public static IReadOnlyList<string> Lines(AddressView address, bool includeName = true) =>
        Lines(includeName ? address.FirstName : null, includeName ? address.LastName : null, address.Street, address.Street2,
            address.City, address.State, address.ZipCode, address.Country, address.Phone);

    public static IReadOnlyList<string> Lines(string? firstName, string? lastName, string street, string? street2, string city,
        string? state, string zipCode, string country, string? phone)
    {
        var lines = new List<string>(6);
        if (Name(firstName, lastName) is { } name) lines.Add(name);
        AddPostalLines(lines, street, street2, city, state, zipCode, country);
        if (!string.IsNullOrWhiteSpace(phone)) lines.Add(phone.Trim());
        return lines;
    }

    /// <summary>
    /// "1 Harbor Way, Unit 4, Bar Harbor, ME 04609, United States": a saved address on one line, where there is room for
    /// one only (a choice at checkout, a list in the back office). No name and no phone: those are shown apart.
    /// </summary>
    public static string SingleLine(AddressView address)
    {
        var parts = new List<string>(5);
        AddPostalLines(parts, address.Street, address.Street2, address.City, address.State, address.ZipCode, address.Country);
        return string.Join(", ", parts);
    }

    /// <summary>
    /// "Bar Harbor, ME 04609" as on an envelope: the state and the ZIP code share one part after the city's comma.
    /// Without a state, "Lyon 69002": no comma is left standing before the postal code.
    /// </summary>
    public static string CityLine(string city, string? state, string zipCode) =>
        string.IsNullOrWhiteSpace(state)
            ? Join(" ", city, zipCode)
            : Join(", ", city, Join(" ", state, zipCode));

    /// <summary>"Casey Shopper", "Casey", or null when neither name is given.</summary>
    public static string? Name(string? firstName, string? lastName) =>
        Join(" ", firstName, lastName) is { Length: > 0 } name ? name : null;

    private static void AddPostalLines(List<string> lines, string street, string? street2, string city, string? state,
        string zipCode, string country)
    {
        lines.Add(street.Trim());
        if (!string.IsNullOrWhiteSpace(street2)) lines.Add(street2.Trim());
        lines.Add(CityLine(city, state, zipCode));
        lines.Add(country.Trim());
    }

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
