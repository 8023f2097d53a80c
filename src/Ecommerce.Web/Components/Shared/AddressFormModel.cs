using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Microsoft.AspNetCore.Components.Forms;

namespace Ecommerce.Web.Components.Shared;

/// <summary>
/// A postal address as it is being typed into <see cref="AddressFields"/>: every field a string, nothing checked
/// here. The rules are <see cref="AddressInput.Validate"/>'s, applied by the service; their errors come back by
/// field name and <see cref="ShowErrors"/> puts each under its input.
/// </summary>
public sealed class AddressFormModel
{
    /// <summary>The service's field names ("zipCode", as in the API) and the properties that hold them.</summary>
    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        ["firstName"] = nameof(FirstName),
        ["lastName"] = nameof(LastName),
        ["street"] = nameof(Street),
        ["street2"] = nameof(Street2),
        ["city"] = nameof(City),
        ["state"] = nameof(State),
        ["zipCode"] = nameof(ZipCode),
        ["country"] = nameof(Country),
        ["phone"] = nameof(Phone),
    };

    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Street { get; set; }
    public string? Street2 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? ZipCode { get; set; }
    public string? Country { get; set; }
    public string? Phone { get; set; }

    public static AddressFormModel From(AddressView address) => new()
    {
        FirstName = address.FirstName,
        LastName = address.LastName,
        Street = address.Street,
        Street2 = address.Street2,
        City = address.City,
        State = address.State,
        ZipCode = address.ZipCode,
        Country = address.Country,
        Phone = address.Phone,
    };

    public AddressInput ToInput(bool isDefault = false) => new()
    {
        FirstName = FirstName,
        LastName = LastName,
        Street = Street,
        Street2 = Street2,
        City = City,
        State = State,
        ZipCode = ZipCode,
        Country = Country,
        Phone = Phone,
        IsDefault = isDefault,
    };

    /// <summary>
    /// Adds each error that names one of this address's fields (after <paramref name="prefix"/>, e.g.
    /// "shippingAddress." at checkout) to <paramref name="messages"/>, under that field, and returns the errors it
    /// placed; the caller shows the others above the form. The form's inputs then say they are invalid.
    /// </summary>
    public IReadOnlyList<Error> ShowErrors(ValidationMessageStore messages, IEnumerable<Error> errors, string prefix = "")
    {
        var placed = new List<Error>();
        foreach (var error in errors)
        {
            if (error.Field is not { } field || !field.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (!Properties.TryGetValue(field[prefix.Length..], out var property)) continue;
            messages.Add(new FieldIdentifier(this, property), error.Message);
            placed.Add(error);
        }
        return placed;
    }
}
