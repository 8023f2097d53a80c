using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Orders;
using Ecommerce.Web.Components.Shared;

namespace Ecommerce.Tests.Unit.Web.Components.Shared;

/// <summary>An address as the store prints it on every page: the lines of a shipping label, no empty line, no stray comma.</summary>
public class AddressDisplayTests
{
    private static OrderAddress Order(string? first = "Casey", string? last = "Shopper", string? street2 = "Unit 4", string? state = "ME",
        string? phone = "+1 207 555 0100") => new()
    {
        FirstName = first, LastName = last, Street = "48 Breakwater Lane", Street2 = street2, City = "Bar Harbor", State = state,
        ZipCode = "04609", Country = "United States", Phone = phone,
    };

    private static AddressView Saved(string? first = "Casey", string? last = "Shopper", string? street2 = "Unit 4", string? state = "ME",
        string? phone = "+1 207 555 0100") =>
        new(7, first, last, "48 Breakwater Lane", street2, "Bar Harbor", state, "04609", "United States", phone, IsDefault: true);

    [Fact]
    public void A_full_address_prints_name_street_line_2_city_line_country_and_phone()
    {
        Assert.Equal(
            ["Casey Shopper", "48 Breakwater Lane", "Unit 4", "Bar Harbor, ME 04609", "United States", "+1 207 555 0100"],
            AddressDisplay.Lines(Order()));
    }

    [Fact]
    public void Without_the_optional_parts_there_is_no_empty_line()
    {
        Assert.Equal(
            ["48 Breakwater Lane", "Bar Harbor 04609", "United States"],
            AddressDisplay.Lines(Order(first: null, last: null, street2: null, state: null, phone: null)));
    }

    [Fact]
    public void Blank_optional_parts_count_as_missing_and_the_rest_is_trimmed()
    {
        var address = Order(first: "  ", last: " Shopper ", street2: "   ", state: " ", phone: "  ");
        address.Street = " 48 Breakwater Lane ";

        Assert.Equal(["Shopper", "48 Breakwater Lane", "Bar Harbor 04609", "United States"], AddressDisplay.Lines(address));
    }

    [Theory]
    [InlineData("Casey", null, "Casey")]
    [InlineData(null, "Shopper", "Shopper")]
    [InlineData("Casey", "Shopper", "Casey Shopper")]
    [InlineData(null, null, null)]
    [InlineData(" ", "", null)]
    public void The_name_is_what_is_given_of_it(string? first, string? last, string? name) =>
        Assert.Equal(name, AddressDisplay.Name(first, last));

    [Theory]
    [InlineData("Bar Harbor", "ME", "04609", "Bar Harbor, ME 04609")]
    [InlineData("Lyon", null, "69002", "Lyon 69002")]
    [InlineData("Lyon", "", "69002", "Lyon 69002")]
    [InlineData("Toronto", "ON", "M5V 2T6", "Toronto, ON M5V 2T6")]
    public void The_city_line_keeps_state_and_zip_together_after_the_city(string city, string? state, string zip, string line) =>
        Assert.Equal(line, AddressDisplay.CityLine(city, state, zip));

    [Fact]
    public void A_saved_address_prints_as_an_order_address_does()
    {
        Assert.Equal(AddressDisplay.Lines(Order()), AddressDisplay.Lines(Saved()));
        Assert.Equal(AddressDisplay.Lines(Order(first: null, last: null, street2: null, state: null, phone: null)),
            AddressDisplay.Lines(Saved(first: null, last: null, street2: null, state: null, phone: null)));
    }

    [Fact]
    public void A_card_with_the_name_as_its_heading_prints_the_rest()
    {
        Assert.Equal(
            ["48 Breakwater Lane", "Unit 4", "Bar Harbor, ME 04609", "United States", "+1 207 555 0100"],
            AddressDisplay.Lines(Saved(), includeName: false));
    }

    [Fact]
    public void On_one_line_the_parts_are_separated_by_commas_without_name_or_phone()
    {
        Assert.Equal("48 Breakwater Lane, Unit 4, Bar Harbor, ME 04609, United States", AddressDisplay.SingleLine(Saved()));
        Assert.Equal("48 Breakwater Lane, Bar Harbor 04609, United States",
            AddressDisplay.SingleLine(Saved(street2: null, state: null)));
    }
}
