using Bunit;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Pages.Checkout;
using Microsoft.AspNetCore.Components;

namespace Ecommerce.Tests.Unit.Web.Components.Checkout;

public class AddressFieldsTests : MudTestContext
{
    private static readonly string[] Labels =
        ["First name", "Last name", "Street", "Address line 2", "City", "State / region", "ZIP / postal code", "Country", "Phone"];

    private IRenderedComponent<AddressFields> RenderFields(AddressFields.AddressModel model, Dictionary<string, string>? errors = null) =>
        Render<AddressFields>(ps =>
        {
            ps.Add(p => p.Model, model);
            if (errors is not null) ps.Add(p => p.Errors, errors);
        });

    [Fact]
    public void Every_field_has_its_label_in_order()
    {
        var cut = RenderFields(new());
        Assert.Equal(Labels, cut.Find(".address-fields").FieldLabels());
        foreach (var label in Labels) Assert.Equal("input", cut.FieldByLabel(label).LocalName);
    }

    [Theory]
    [InlineData("Street", true)]
    [InlineData("City", true)]
    [InlineData("ZIP / postal code", true)]
    [InlineData("Country", true)]
    [InlineData("First name", false)]
    [InlineData("Address line 2", false)]
    [InlineData("State / region", false)]
    [InlineData("Phone", false)]
    public void The_fields_the_service_requires_are_marked_required(string label, bool required)
    {
        var cut = RenderFields(new());
        Assert.Equal(required ? "true" : "false", cut.FieldByLabel(label).GetAttribute("aria-required"));
    }

    [Fact]
    public void The_phone_is_a_telephone_input()
    {
        var cut = RenderFields(new());
        Assert.Equal("tel", cut.FieldByLabel("Phone").GetAttribute("type"));
    }

    [Fact]
    public void Shows_the_values_of_the_model()
    {
        var cut = RenderFields(new()
        {
            FirstName = "Casey", LastName = "Shopper", Street = "1 Harbor Way", Street2 = "Unit 4", City = "Portland",
            State = "OR", ZipCode = "97201", Country = "USA", Phone = "+1 503 555 0100",
        });
        Assert.Equal(
            ["Casey", "Shopper", "1 Harbor Way", "Unit 4", "Portland", "OR", "97201", "USA", "+1 503 555 0100"],
            Labels.Select(l => cut.FieldByLabel(l).GetAttribute("value")));
    }

    [Theory]
    [InlineData("First name", "Casey")]
    [InlineData("Last name", "Shopper")]
    [InlineData("Street", "1 Harbor Way")]
    [InlineData("Address line 2", "Unit 4")]
    [InlineData("City", "Portland")]
    [InlineData("State / region", "OR")]
    [InlineData("ZIP / postal code", "97201")]
    [InlineData("Country", "USA")]
    [InlineData("Phone", "+1 503 555 0100")]
    public void Typing_into_a_field_writes_into_the_model(string label, string value)
    {
        var model = new AddressFields.AddressModel();
        var cut = RenderFields(model);

        cut.FieldByLabel(label).Change(new ChangeEventArgs { Value = value });

        var written = new Dictionary<string, string?>
        {
            ["First name"] = model.FirstName, ["Last name"] = model.LastName, ["Street"] = model.Street,
            ["Address line 2"] = model.Street2, ["City"] = model.City, ["State / region"] = model.State,
            ["ZIP / postal code"] = model.ZipCode, ["Country"] = model.Country, ["Phone"] = model.Phone,
        };
        Assert.Equal(value, written[label]);
        Assert.All(written.Where(w => w.Key != label), w => Assert.Null(w.Value));
        Assert.Equal(value, cut.FieldByLabel(label).GetAttribute("value"));
    }

    [Fact]
    public void The_model_feeds_the_address_input()
    {
        var model = new AddressFields.AddressModel();
        var cut = RenderFields(model);
        cut.FieldByLabel("Street").Change(new ChangeEventArgs { Value = "1 Harbor Way" });
        cut.FieldByLabel("City").Change(new ChangeEventArgs { Value = "Portland" });
        cut.FieldByLabel("ZIP / postal code").Change(new ChangeEventArgs { Value = "97201" });
        cut.FieldByLabel("Country").Change(new ChangeEventArgs { Value = "USA" });

        var input = model.ToInput(isDefault: true);
        Assert.Empty(input.Validate());
        Assert.Equal(("1 Harbor Way", "Portland", "97201", "USA", true), (input.Street, input.City, input.ZipCode, input.Country, input.IsDefault));
    }

    [Fact]
    public void Without_errors_no_field_is_invalid()
    {
        var cut = RenderFields(new());
        Assert.All(Labels, l => Assert.Null(cut.ErrorUnder(l)));
        Assert.All(Labels, l => Assert.Equal("false", cut.FieldByLabel(l).GetAttribute("aria-invalid")));
    }

    [Fact]
    public void An_error_is_shown_under_the_field_it_names_only()
    {
        var cut = RenderFields(new() { Street = "1 Harbor Way" }, new() { ["city"] = "City is required.", ["zipCode"] = "ZIP / postal code is required." });

        Assert.Equal("City is required.", cut.ErrorUnder("City"));
        Assert.Equal("true", cut.FieldByLabel("City").GetAttribute("aria-invalid"));
        Assert.Equal("ZIP / postal code is required.", cut.ErrorUnder("ZIP / postal code"));
        foreach (var label in Labels.Except(["City", "ZIP / postal code"]))
        {
            Assert.Null(cut.ErrorUnder(label));
            Assert.Equal("false", cut.FieldByLabel(label).GetAttribute("aria-invalid"));
        }
        Assert.Equal("1 Harbor Way", cut.FieldByLabel("Street").GetAttribute("value"));
    }

    [Theory]
    [InlineData("firstName", "First name")]
    [InlineData("lastName", "Last name")]
    [InlineData("street", "Street")]
    [InlineData("street2", "Address line 2")]
    [InlineData("city", "City")]
    [InlineData("state", "State / region")]
    [InlineData("zipCode", "ZIP / postal code")]
    [InlineData("country", "Country")]
    [InlineData("phone", "Phone")]
    public void Each_service_field_name_maps_to_its_field(string field, string label)
    {
        var cut = RenderFields(new(), new() { [field] = "Problem here." });
        Assert.Equal("Problem here.", cut.ErrorUnder(label));
        Assert.Single(cut.FindAll(".mud-input-helper-text.mud-input-error"));
    }

    [Fact]
    public void Errors_go_away_when_the_parent_clears_them()
    {
        var cut = RenderFields(new(), new() { ["city"] = "City is required." });
        cut.Render(ps => ps.Add(p => p.Errors, new Dictionary<string, string>()));
        Assert.Null(cut.ErrorUnder("City"));
    }
}
