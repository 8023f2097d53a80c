using Bunit;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Ecommerce.Tests.Unit.Web.Components.Shared;

/// <summary>
/// The address fields of checkout and the address book: plain labelled inputs with the autocomplete tokens and the
/// lengths of <see cref="Limits.Address"/>, bound to an <see cref="AddressFormModel"/>, with the service's errors under
/// the fields they name. (The pages that use them are tested in CheckoutPageTests and AddressFormPagesTests.)
/// </summary>
public class AddressFieldsTests : MudTestContext
{
    public static readonly string[] Labels =
        ["First name", "Last name", "Street", "Address line 2", "City", "State / region", "ZIP / postal code", "Country", "Phone"];

    /// <summary>What a page holds: the address inside its form's model, in an EditContext the fields report to.</summary>
    private sealed class Form
    {
        public AddressFormModel Address { get; set; } = new();
    }

    private readonly Form _form = new();
    private EditContext? _context;
    private ValidationMessageStore? _messages;

    private IRenderedComponent<CascadingValue<EditContext>> RenderFields(AddressFormModel? model = null, string idPrefix = "shipping",
        string? section = "shipping")
    {
        if (model is not null) _form.Address = model;
        _context = new EditContext(_form);
        _messages = new ValidationMessageStore(_context);
        return Render<CascadingValue<EditContext>>(ps => ps
            .Add(p => p.Value, _context)
            .Add(p => p.IsFixed, true)
            .AddChildContent<AddressFields>(fields => fields
                .Add(p => p.Value, _form.Address)
                .Add(p => p.ValueExpression, () => _form.Address)
                .Add(p => p.ValueChanged, value => _form.Address = value)
                .Add(p => p.IdPrefix, idPrefix)
                .Add(p => p.AutocompleteSection, section)));
    }

    private void ShowErrors(params Error[] errors)
    {
        _form.Address.ShowErrors(_messages!, errors);
        _context!.NotifyValidationStateChanged();
    }

    [Fact]
    public void Every_field_has_its_label_in_order()
    {
        var cut = RenderFields();
        Assert.Equal(Labels, cut.Find(".address-fields").FieldLabels());
        foreach (var label in Labels) Assert.Equal("input", cut.FieldByLabel(label).LocalName);
    }

    [Theory]
    [InlineData("Street", true)]
    [InlineData("City", true)]
    [InlineData("ZIP / postal code", true)]
    [InlineData("Country", true)]
    [InlineData("First name", false)]
    [InlineData("Last name", false)]
    [InlineData("Address line 2", false)]
    [InlineData("State / region", false)]
    [InlineData("Phone", false)]
    public void The_fields_the_service_requires_are_marked_required(string label, bool required)
    {
        var cut = RenderFields();
        var input = cut.FieldByLabel(label);
        Assert.Equal(required ? "true" : null, input.GetAttribute("aria-required"));
        Assert.Equal(required ? 1 : 0, cut.FindAll($"label[for='{input.Id}'] .field__required").Count);
    }

    [Theory]
    [InlineData("First name", Limits.Address.FirstName)]
    [InlineData("Last name", Limits.Address.LastName)]
    [InlineData("Street", Limits.Address.Street)]
    [InlineData("Address line 2", Limits.Address.Street2)]
    [InlineData("City", Limits.Address.City)]
    [InlineData("State / region", Limits.Address.State)]
    [InlineData("ZIP / postal code", Limits.Address.ZipCode)]
    [InlineData("Country", Limits.Address.Country)]
    [InlineData("Phone", Limits.Address.Phone)]
    public void Each_field_takes_at_most_the_length_the_store_keeps(string label, int limit)
    {
        var cut = RenderFields();
        Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.FieldByLabel(label).GetAttribute("maxlength"));
    }

    [Theory]
    [InlineData("First name", "given-name")]
    [InlineData("Last name", "family-name")]
    [InlineData("Street", "address-line1")]
    [InlineData("Address line 2", "address-line2")]
    [InlineData("City", "address-level2")]
    [InlineData("State / region", "address-level1")]
    [InlineData("ZIP / postal code", "postal-code")]
    [InlineData("Country", "country-name")]
    [InlineData("Phone", "tel")]
    public void Each_field_tells_the_browser_what_to_fill_in_for_which_address(string label, string token)
    {
        Assert.Equal($"billing {token}", RenderFields(section: "billing").FieldByLabel(label).GetAttribute("autocomplete"));
        Assert.Equal(token, RenderFields(section: null).FieldByLabel(label).GetAttribute("autocomplete"));
    }

    [Fact]
    public void The_phone_is_a_telephone_input_and_the_rest_are_text()
    {
        var cut = RenderFields();
        Assert.Equal("tel", cut.FieldByLabel("Phone").GetAttribute("type"));
        Assert.All(Labels.Except(["Phone"]), l => Assert.Equal("text", cut.FieldByLabel(l).GetAttribute("type") ?? "text"));
    }

    [Fact]
    public void The_ids_carry_the_prefix_so_two_addresses_can_share_a_page()
    {
        var shipping = RenderFields(idPrefix: "shipping");
        var billing = RenderFields(idPrefix: "billing");

        var shippingIds = shipping.FindAll("[id]").Select(e => e.Id!).ToList();
        var billingIds = billing.FindAll("[id]").Select(e => e.Id!).ToList();
        Assert.All(shippingIds, id => Assert.StartsWith("shipping-", id));
        Assert.All(billingIds, id => Assert.StartsWith("billing-", id));
        Assert.Equal(shippingIds.Count, shippingIds.Distinct().Count());
        Assert.Equal("shipping-street", shipping.FieldByLabel("Street").Id);
    }

    [Fact]
    public void The_input_names_follow_the_bound_model_so_a_static_form_posts_them_back_into_it()
    {
        var cut = RenderFields();
        Assert.Equal(
            new[] { "FirstName", "LastName", "Street", "Street2", "City", "State", "ZipCode", "Country", "Phone" }
                .Select(p => $"_form.Address.{p}"),
            Labels.Select(l => cut.FieldByLabel(l).GetAttribute("name")));
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
        var cut = RenderFields();

        cut.FieldByLabel(label).Change(new ChangeEventArgs { Value = value });

        var model = _form.Address;
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
        var cut = RenderFields();
        cut.FieldByLabel("Street").Change(new ChangeEventArgs { Value = "1 Harbor Way" });
        cut.FieldByLabel("City").Change(new ChangeEventArgs { Value = "Portland" });
        cut.FieldByLabel("ZIP / postal code").Change(new ChangeEventArgs { Value = "97201" });
        cut.FieldByLabel("Country").Change(new ChangeEventArgs { Value = "USA" });

        var input = _form.Address.ToInput(isDefault: true);
        Assert.Empty(input.Validate());
        Assert.Equal(("1 Harbor Way", "Portland", "97201", "USA", true), (input.Street, input.City, input.ZipCode, input.Country, input.IsDefault));
    }

    [Fact]
    public void A_saved_address_opens_with_its_values()
    {
        var saved = new AddressView(3, "Casey", null, "1 Harbor Way", null, "Portland", "OR", "97201", "USA", "+1 503 555 0100", true);
        var model = AddressFormModel.From(saved);
        Assert.Equal(
            ("Casey", null, "1 Harbor Way", null, "Portland", "OR", "97201", "USA", "+1 503 555 0100"),
            (model.FirstName, model.LastName, model.Street, model.Street2, model.City, model.State, model.ZipCode, model.Country, model.Phone));
    }

    [Fact]
    public void Without_errors_no_field_is_invalid()
    {
        var cut = RenderFields();
        Assert.All(Labels, l => Assert.Null(cut.ErrorUnder(l)));
        Assert.All(Labels, l => Assert.Null(cut.FieldByLabel(l).GetAttribute("aria-invalid")));
    }

    [Fact]
    public void The_services_errors_are_shown_under_the_fields_they_name_only()
    {
        var cut = RenderFields(new() { Street = "1 Harbor Way" });

        cut.InvokeAsync(() => ShowErrors(new AddressInput { Street = "1 Harbor Way" }.Validate().ToArray()));

        Assert.Equal("City is required.", cut.ErrorUnder("City"));
        Assert.Equal("true", cut.FieldByLabel("City").GetAttribute("aria-invalid"));
        Assert.Equal("ZIP / postal code is required.", cut.ErrorUnder("ZIP / postal code"));
        Assert.Equal("Country is required.", cut.ErrorUnder("Country"));
        foreach (var label in Labels.Except(["City", "ZIP / postal code", "Country"]))
        {
            Assert.Null(cut.ErrorUnder(label));
            Assert.Null(cut.FieldByLabel(label).GetAttribute("aria-invalid"));
        }
        Assert.Equal("1 Harbor Way", cut.FieldByLabel("Street").GetAttribute("value"));
    }

    [Fact]
    public void An_error_is_read_out_with_its_field()
    {
        var cut = RenderFields();
        cut.InvokeAsync(() => ShowErrors(Error.Validation("city", "City is required.")));

        var describedBy = cut.FieldByLabel("City").GetAttribute("aria-describedby")!.Split(' ');
        Assert.Contains(describedBy, id => cut.Find($"#{id}").TextContent.Trim() == "City is required.");
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
        var cut = RenderFields();
        cut.InvokeAsync(() => ShowErrors(Error.Validation(field, "Problem here.")));

        Assert.Equal("Problem here.", cut.ErrorUnder(label));
        Assert.Single(cut.FindAll(".field__error"));
    }

    [Fact]
    public void Errors_are_placed_by_prefix_and_the_others_are_left_to_the_page()
    {
        RenderFields();
        Error[] errors =
        [
            Error.Validation("shippingAddress.city", "City is required."),
            Error.Validation("billingAddress.country", "Country is required."),
            Error.Validation("expectedTotal", "The total changed."),
            Error.Validation("shippingAddress.unknown", "Not a field of the form."),
        ];

        var placed = _form.Address.ShowErrors(_messages!, errors, "shippingAddress.");

        Assert.Equal([errors[0]], placed);
        Assert.Equal(["City is required."], _context!.GetValidationMessages());
        Assert.Equal(["City is required."], _context.GetValidationMessages(new FieldIdentifier(_form.Address, nameof(AddressFormModel.City))));
    }

    [Fact]
    public void Errors_go_away_when_the_page_clears_them()
    {
        var cut = RenderFields();
        cut.InvokeAsync(() => ShowErrors(Error.Validation("city", "City is required.")));
        Assert.Equal("City is required.", cut.ErrorUnder("City"));

        cut.InvokeAsync(() =>
        {
            _messages!.Clear();
            _context!.NotifyValidationStateChanged();
        });

        Assert.Null(cut.ErrorUnder("City"));
        Assert.Null(cut.FieldByLabel("City").GetAttribute("aria-invalid"));
    }
}
