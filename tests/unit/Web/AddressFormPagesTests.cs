using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using static Ecommerce.Tests.Unit.Infrastructure.AccountForms;

namespace Ecommerce.Tests.Unit.Web;

/// <summary>
/// The one address form on the two pages that ask for an address, over HTTP as a browser meets them: checkout and the
/// address book render the same fields (labels, autocomplete, lengths from <see cref="Limits.Address"/>, required
/// markers); the address book is a static page whose form posts work without a circuit, keep what was typed when the
/// service refuses it, and save, change, delete and make default through antiforgery-checked posts.
/// </summary>
public class AddressFormPagesTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;

    /// <summary>What a shopper meets in each field: label, input type, autofill token (without its section), maxlength, required.</summary>
    private sealed record FieldShape(string Label, string Type, string Autocomplete, string? MaxLength, bool Required);

    private static string Max(int limit) => limit.ToString(CultureInfo.InvariantCulture);

    private static readonly FieldShape[] ExpectedFields =
    [
        new("First name", "text", "given-name", Max(Limits.Address.FirstName), false),
        new("Last name", "text", "family-name", Max(Limits.Address.LastName), false),
        new("Street", "text", "address-line1", Max(Limits.Address.Street), true),
        new("Address line 2", "text", "address-line2", Max(Limits.Address.Street2), false),
        new("City", "text", "address-level2", Max(Limits.Address.City), true),
        new("State / region", "text", "address-level1", Max(Limits.Address.State), false),
        new("ZIP / postal code", "text", "postal-code", Max(Limits.Address.ZipCode), true),
        new("Country", "text", "country-name", Max(Limits.Address.Country), true),
        new("Phone", "tel", "tel", Max(Limits.Address.Phone), false),
    ];

    private static List<FieldShape> FieldsOf(IElement addressFields) =>
        addressFields.QuerySelectorAll(".field > label[for]").Select(label =>
        {
            var input = (IHtmlInputElement)addressFields.QuerySelector($"#{label.GetAttribute("for")}")!;
            return new FieldShape(
                label.Text().TrimEnd('*').Trim(),
                input.Type,
                input.GetAttribute("autocomplete")!.Split(' ')[^1],
                input.GetAttribute("maxlength"),
                input.GetAttribute("aria-required") == "true");
        }).ToList();

    /// <summary>A new customer signed in through the sign-in page (cookie) and through the API (bearer), as the same account.</summary>
    private async Task<(HttpClient Browser, ApiSession Api)> CustomerAsync()
    {
        var api = await App.RegisterCustomerAsync();
        var browser = App.CreateBrowserClient();
        using (var signedIn = await LoginAsync(browser, api.Email, api.Password)) Assert.Equal("/", RedirectPath(signedIn));
        return (browser, api);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient browser, string url, Dictionary<string, string> fields) =>
        SubmitAsync(browser, url, ".address-editor form", fields);

    private static Dictionary<string, string> Typed(string street = "48 Breakwater Lane", string city = "Bar Harbor", string zip = "04609",
        string country = "United States") => new()
    {
        ["Input.Address.FirstName"] = "Mads",
        ["Input.Address.LastName"] = "Okonkwo",
        ["Input.Address.Street"] = street,
        ["Input.Address.City"] = city,
        ["Input.Address.State"] = "ME",
        ["Input.Address.ZipCode"] = zip,
        ["Input.Address.Country"] = country,
    };

    private static string? ValueOf(IHtmlDocument page, string name) =>
        ((IHtmlInputElement?)page.QuerySelector($"input[name='{name}']"))?.Value;

    private static string? ErrorUnder(IHtmlDocument page, string inputId) =>
        page.GetElementById(inputId)!.Closest(".field")!.QuerySelector(".field__error")?.Text();

    [Fact]
    public async Task Checkout_and_the_address_book_render_the_same_address_fields()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;
        await api.AddToCartAsync(await App.AddProductAsync(8m, stock: 5));

        var (checkoutResponse, checkout) = await browser.GetPageAsync("/checkout");
        var (bookResponse, book) = await browser.GetPageAsync("/account/addresses?edit=new");

        Assert.Equal(HttpStatusCode.OK, checkoutResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bookResponse.StatusCode);
        var atCheckout = FieldsOf(checkout.QuerySelector("section[aria-labelledby='step-shipping'] .address-fields")!);
        var inTheBook = FieldsOf(book.QuerySelector(".address-editor .address-fields")!);
        Assert.Equal(ExpectedFields, atCheckout);
        Assert.Equal(ExpectedFields, inTheBook);
        // The browser fills both from the shopper's saved shipping address.
        Assert.All(checkout.QuerySelectorAll(".address-fields input"), i => Assert.StartsWith("shipping ", i.GetAttribute("autocomplete")));
        Assert.All(book.QuerySelectorAll(".address-fields input"), i => Assert.StartsWith("shipping ", i.GetAttribute("autocomplete")));
    }

    [Fact]
    public async Task The_address_book_is_a_static_page_whose_form_posts_without_a_circuit()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;

        using var response = await browser.GetAsync("/account/addresses?edit=new");
        var html = await response.Content.ReadAsStringAsync();
        var page = HttpTestExtensions.ParseHtml(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("\"type\":\"server\"", html); // no interactive component on the page
        var form = page.QuerySelector(".address-editor form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("address", form.HiddenFields()["_handler"]);
        Assert.NotNull(form.QuerySelector("button[type='submit']"));
        Assert.Equal(
            ["Input.Address.FirstName", "Input.Address.LastName", "Input.Address.Street", "Input.Address.Street2", "Input.Address.City",
             "Input.Address.State", "Input.Address.ZipCode", "Input.Address.Country", "Input.Address.Phone"],
            form.QuerySelectorAll(".address-fields input").Select(i => i.GetAttribute("name")));
        // The first address becomes the default unless the shopper says otherwise.
        Assert.True(((IHtmlInputElement)form.QuerySelector("input[name='Input.IsDefault']")!).IsChecked);
    }

    [Fact]
    public async Task A_refused_address_keeps_what_was_typed_and_shows_each_error_under_its_field()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;
        var typed = Typed(city: "", zip: "", country: "");
        typed["Input.Address.Street2"] = "Unit 4";
        typed["Input.Address.Phone"] = "+1 207 555 0100";

        using var response = await SaveAsync(browser, "/account/addresses?edit=new", typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("City is required.", ErrorUnder(page, "address-city"));
        Assert.Equal("ZIP / postal code is required.", ErrorUnder(page, "address-zip-code"));
        Assert.Equal("Country is required.", ErrorUnder(page, "address-country"));
        Assert.Null(ErrorUnder(page, "address-street"));
        Assert.Equal("true", page.GetElementById("address-city")!.GetAttribute("aria-invalid"));
        foreach (var (name, value) in typed.Where(t => t.Value.Length > 0))
            Assert.Equal(value, ValueOf(page, name));
        Assert.Equal("New address", page.QuerySelector("#address-editor-title")!.Text());
        Assert.Equal(0, (await api.Client.GetApiAsync("/api/v1/users/addresses")).Data().GetArrayLength());
    }

    [Fact]
    public async Task A_value_longer_than_the_store_keeps_is_refused_with_the_limit_and_kept_for_correction()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;
        var tooLong = new string('x', Limits.Address.Street + 1);

        using var response = await SaveAsync(browser, "/account/addresses?edit=new", Typed(street: tooLong));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal($"Street can be at most {Limits.Address.Street} characters.", ErrorUnder(page, "address-street"));
        Assert.Equal(tooLong, ValueOf(page, "Input.Address.Street"));
    }

    [Fact]
    public async Task A_new_address_is_saved_and_listed_as_a_label_prints_it()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;

        using var saved = await SaveAsync(browser, "/account/addresses?edit=new", Typed());

        Assert.Equal("/account/addresses", RedirectPath(saved));
        var (_, page) = await browser.GetPageAsync("/account/addresses");
        Assert.Equal("Address added.", page.QuerySelector(".flash")!.Text());
        Assert.Null(page.QuerySelector(".address-editor")); // the form closed
        var card = Assert.Single(page.QuerySelectorAll(".address-card"));
        Assert.Equal("Mads Okonkwo", card.QuerySelector("h2")!.Text());
        Assert.Equal("Default", card.QuerySelector(".address-card__default")!.Text());
        Assert.Equal(["48 Breakwater Lane", "Bar Harbor, ME 04609", "United States"],
            card.QuerySelectorAll(".address-lines span").Select(s => s.Text()));
    }

    [Fact]
    public async Task Editing_opens_the_saved_address_filled_in_and_saves_the_change()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;
        var id = await api.AddAddressAsync("1 Harbor Way", "Portland");

        var (_, form) = await browser.GetPageAsync($"/account/addresses?edit={id}");
        Assert.Equal("Edit address", form.QuerySelector("#address-editor-title")!.Text());
        Assert.Equal("1 Harbor Way", ValueOf(form, "Input.Address.Street"));
        Assert.Equal("Portland", ValueOf(form, "Input.Address.City"));
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), ValueOf(form, "Input.Id"));

        using var saved = await SaveAsync(browser, $"/account/addresses?edit={id}", new()
        {
            ["Input.Address.Street"] = "9 Pier Road", ["Input.Address.City"] = "Portland", ["Input.Address.ZipCode"] = "97201",
            ["Input.Address.Country"] = "USA", ["Input.IsDefault"] = "true",
        });

        Assert.Equal("/account/addresses", RedirectPath(saved));
        var address = (await api.Client.GetApiAsync($"/api/v1/users/addresses")).Data().EnumerateArray().Single();
        Assert.Equal(("9 Pier Road", id), (address.Str("street"), address.Id()));
    }

    [Fact]
    public async Task Another_customers_address_cannot_be_opened_or_changed()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;
        using var other = await App.RegisterCustomerAsync();
        var theirs = await other.AddAddressAsync("5 Someone Else Street");

        var (_, opened) = await browser.GetPageAsync($"/account/addresses?edit={theirs}");
        Assert.Null(opened.QuerySelector(".address-editor"));
        Assert.Equal("This address no longer exists; it may have been deleted in another window.", opened.QuerySelector(".notice--error")!.Text());

        // A crafted post for it is answered as for an address that is gone, and changes nothing.
        var fields = Typed(street: "1 Hijacked Way");
        fields["Input.Id"] = theirs.ToString(CultureInfo.InvariantCulture);
        using var posted = await SaveAsync(browser, "/account/addresses?edit=new", fields);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await posted.ReadHtmlAsync();
        Assert.Equal("This address no longer exists; it may have been deleted in another window.", page.QuerySelector(".address-editor .notice--error")!.Text());
        Assert.Equal("5 Someone Else Street", (await other.Client.GetApiAsync("/api/v1/users/addresses")).Data().EnumerateArray().Single().Str("street"));
    }

    [Fact]
    public async Task Deleting_asks_first_then_deletes()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;
        var keep = await api.AddAddressAsync("1 Harbor Way");
        var doomed = await api.AddAddressAsync("9 Pier Road");

        var (_, question) = await browser.GetPageAsync($"/account/addresses?delete={doomed}");
        Assert.Equal("Delete this address?", question.QuerySelector(".address-delete h2")!.Text());
        Assert.Contains("9 Pier Road", question.QuerySelector(".address-delete address")!.Text());
        Assert.Equal(2, (await api.Client.GetApiAsync("/api/v1/users/addresses")).Data().GetArrayLength()); // asking deleted nothing

        using var deleted = await SubmitAsync(browser, $"/account/addresses?delete={doomed}", ".address-delete form", new());

        Assert.Equal("/account/addresses", RedirectPath(deleted));
        var (_, page) = await browser.GetPageAsync("/account/addresses");
        Assert.Equal("Address deleted.", page.QuerySelector(".flash")!.Text());
        Assert.Equal([keep], (await api.Client.GetApiAsync("/api/v1/users/addresses")).Data().EnumerateArray().Select(a => a.Id()));
    }

    [Fact]
    public async Task Make_default_moves_the_default_to_that_address()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;
        await api.AddAddressAsync("1 Harbor Way", isDefault: true);
        var other = await api.AddAddressAsync("9 Pier Road");
        var (_, before) = await browser.GetPageAsync("/account/addresses");
        Assert.Single(before.QuerySelectorAll("button[name='DefaultId']")); // only the address that is not the default offers it
        Assert.Equal(other.ToString(CultureInfo.InvariantCulture), before.QuerySelector("button[name='DefaultId']")!.GetAttribute("value"));

        using var made = await SubmitAsync(browser, "/account/addresses", "form.address-book",
            new() { ["DefaultId"] = other.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal("/account/addresses", RedirectPath(made));
        var (_, after) = await browser.GetPageAsync("/account/addresses");
        Assert.Equal("Default address changed.", after.QuerySelector(".flash")!.Text());
        var first = after.QuerySelectorAll(".address-card")[0];
        Assert.Equal("9 Pier Road", first.QuerySelector("h2")!.Text());
        Assert.NotNull(first.QuerySelector(".address-card__default"));
    }

    [Fact]
    public async Task An_address_without_a_name_is_headed_by_its_street_printed_once()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;
        await api.AddAddressAsync("1 Harbor Way", "Portland");

        var (_, page) = await browser.GetPageAsync("/account/addresses");

        var card = Assert.Single(page.QuerySelectorAll(".address-card"));
        Assert.Equal("1 Harbor Way", card.QuerySelector("h2")!.Text());
        Assert.Equal(["Portland, OR 97201", "USA"], card.QuerySelectorAll(".address-lines span").Select(s => s.Text()));
        Assert.Equal(["Edit 1 Harbor Way", "Delete 1 Harbor Way"], card.QuerySelectorAll(".address-card__actions a").Select(a => a.Text()));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var (browser, api) = await CustomerAsync();
        using var _ = api;
        var fields = Typed();
        fields["_handler"] = "address";

        using var response = await browser.PostAsync("/account/addresses?edit=new", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await api.Client.GetApiAsync("/api/v1/users/addresses")).Data().GetArrayLength());
    }
}
