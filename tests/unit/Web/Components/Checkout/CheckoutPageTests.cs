using AngleSharp.Dom;
using Bunit;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Orders;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Pages.Checkout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Web.Components.Checkout;

public class CheckoutPageTests : ShopComponentContext
{
    private string _user = "";
    private CartStateRecorder? _published;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>A signed-in customer (with a user row) whose cart holds these lines.</summary>
    private async Task SignInWithCartAsync(string? coupon = null, params (Product Product, int Quantity)[] lines)
    {
        _user = await Shop.AddUserAsync("Casey", "Shopper");
        SignIn(_user);
        if (lines.Length > 0) await Shop.AddCartAsync(CartOwner.ForUser(_user), coupon, lines);
    }

    private static readonly string[] AddressFieldsLabels =
        ["First name", "Last name", "Street", "Address line 2", "City", "State / region", "ZIP / postal code", "Country", "Phone"];

    private IRenderedComponent<CheckoutPage> RenderPage()
    {
        _published = new CartStateRecorder(CartState);
        var cut = Render<CheckoutPage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-skeleton")));
        return cut;
    }

    private static async Task TypeAsync(IRenderedComponent<CheckoutPage> cut, string label, string value) =>
        await cut.FieldByLabel(label).ChangeAsync(new ChangeEventArgs { Value = value });

    private static async Task FillAddressAsync(IRenderedComponent<CheckoutPage> cut)
    {
        await TypeAsync(cut, "First name", "Casey");
        await TypeAsync(cut, "Last name", "Shopper");
        await TypeAsync(cut, "Street", "1 Harbor Way");
        await TypeAsync(cut, "City", "Portland");
        await TypeAsync(cut, "State / region", "OR");
        await TypeAsync(cut, "ZIP / postal code", "97201");
        await TypeAsync(cut, "Country", "USA");
    }

    // Found and clicked on the renderer's thread: a render that lands in between (the page's loads finish at their own
    // pace, later on PostgreSQL) would otherwise leave the click with the handler of a button that is gone.
    private static Task PlaceOrderAsync(IRenderedComponent<CheckoutPage> cut) =>
        cut.InvokeAsync(() => cut.ButtonByText("Place order").ClickAsync(new MouseEventArgs()));

    private static string? Alert(IRenderedComponent<CheckoutPage> cut) =>
        cut.FindAll(".mud-alert[role='alert'], .mud-alert").FirstOrDefault()?.Trimmed();

    [Fact]
    public async Task An_empty_cart_has_nothing_to_check_out()
    {
        await SignInWithCartAsync();
        var cut = RenderPage();

        Assert.Equal("Your cart is empty, so there is nothing to check out.", cut.Find(".empty-state p").Trimmed());
        Assert.Equal("/", cut.Find(".empty-state a").GetAttribute("href"));
        Assert.Empty(cut.FindAll(".checkout"));
        Assert.DoesNotContain("Place order", cut.Markup);
        Assert.Equal([0], _published!.Published);
    }

    [Fact]
    public async Task Without_saved_addresses_a_new_address_is_asked_for()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 2));
        var cut = RenderPage();

        var shipping = cut.Find("section[aria-labelledby='step-shipping']");
        Assert.Equal(["Use a new address"], shipping.QuerySelectorAll("label.mud-radio").Select(l => l.Trimmed()));
        Assert.True(cut.RadioByText("Use a new address").HasAttribute("checked"));
        Assert.Equal(AddressFieldsLabels, shipping.FieldLabels());
        Assert.Contains("Save this address to my address book", shipping.TextContent);

        // The rest of the page: billing as shipping, the first payment method, the review and the totals.
        Assert.True(cut.Find("section[aria-labelledby='step-billing'] input[type='checkbox']").HasAttribute("checked"));
        Assert.Contains(cut.CheckedRadios(), r => r.StartsWith("Bank transfer", StringComparison.Ordinal));
        Assert.Equal("Harbor Mug × 2", string.Join(' ', cut.Find(".checkout-lines__name").Trimmed().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("$27.00", cut.Find(".totals__total dd").Trimmed());
        Assert.False(cut.ButtonByText("Place order").IsDisabledControl());
        Assert.Equal([2], _published!.Published);
    }

    [Fact]
    public async Task The_default_saved_address_is_preselected()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 2));
        await Shop.AddAddressAsync(_user, "1 Harbor Way");
        await Shop.AddAddressAsync(_user, "9 Pier Road", isDefault: true, firstName: "Casey", lastName: "Shopper");
        await Shop.AddAddressAsync(_user, "3 Dock Street");
        var cut = RenderPage();

        var shipping = cut.Find("section[aria-labelledby='step-shipping']");
        var checkedShipping = shipping.QuerySelectorAll("label.mud-radio").Where(l => l.QuerySelector("input")!.HasAttribute("checked")).ToList();
        var preselected = Assert.Single(checkedShipping).Trimmed();
        Assert.StartsWith("Casey Shopper 9 Pier Road, Portland", preselected);
        Assert.EndsWith("(default)", preselected);
        Assert.Equal(4, shipping.QuerySelectorAll("label.mud-radio").Length);
        Assert.Empty(shipping.FieldLabels());
        Assert.DoesNotContain("Save this address", shipping.TextContent);
    }

    [Fact]
    public async Task Choosing_a_new_address_shows_the_address_fields()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 2));
        await Shop.AddAddressAsync(_user, "9 Pier Road", isDefault: true);
        var cut = RenderPage();

        await cut.InvokeAsync(() => cut.RadioByText("Use a new address").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.True(cut.HasFieldLabelled("Street")));
        Assert.True(cut.RadioByText("Use a new address").HasAttribute("checked"));
    }

    [Fact]
    public async Task A_new_address_missing_required_fields_shows_field_errors_keeps_what_was_typed_and_places_no_order()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 2));
        var cut = RenderPage();

        await TypeAsync(cut, "First name", "Casey");
        await TypeAsync(cut, "Street", "1 Harbor Way");
        await TypeAsync(cut, "State / region", "OR");
        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal("City is required.", cut.ErrorUnder("City")));
        Assert.Equal("ZIP / postal code is required.", cut.ErrorUnder("ZIP / postal code"));
        Assert.Equal("Country is required.", cut.ErrorUnder("Country"));
        Assert.Null(cut.ErrorUnder("Street"));
        Assert.Null(cut.ErrorUnder("First name"));
        Assert.Equal("Check the shipping address.", Alert(cut));

        Assert.Equal("Casey", cut.FieldByLabel("First name").GetAttribute("value"));
        Assert.Equal("1 Harbor Way", cut.FieldByLabel("Street").GetAttribute("value"));
        Assert.Equal("OR", cut.FieldByLabel("State / region").GetAttribute("value"));
        Assert.False(cut.ButtonByText("Place order").IsDisabledControl());

        Assert.Empty(await Shop.OrdersOfAsync(_user));
        Assert.Empty(await Shop.AddressesOfAsync(_user));
        Assert.Equal([(mug.Id, 2)], await Shop.CartLinesAsync(CartOwner.ForUser(_user)));
        Assert.Equal(5, await Shop.StockOfAsync(mug.Id));
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    [Fact]
    public async Task Changing_a_field_clears_its_error_and_only_its_error()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 2));
        var cut = RenderPage();
        await TypeAsync(cut, "Street", "1 Harbor Way");
        await PlaceOrderAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal("City is required.", cut.ErrorUnder("City")));

        await TypeAsync(cut, "City", "Portland");

        Assert.Null(cut.ErrorUnder("City"));
        Assert.Null(cut.FieldByLabel("City").GetAttribute("aria-invalid"));
        Assert.Equal("ZIP / postal code is required.", cut.ErrorUnder("ZIP / postal code"));
        Assert.Equal("true", cut.FieldByLabel("ZIP / postal code").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task A_refused_billing_address_shows_its_errors_under_the_billing_fields_and_keeps_both_typed_addresses()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 1));
        var cut = RenderPage();
        await FillAddressAsync(cut);
        // Not saved to the address book (which would swap the typed shipping address for the saved one).
        await cut.Find("section[aria-labelledby='step-shipping'] input[type='checkbox']").ChangeAsync(new ChangeEventArgs { Value = false });
        await cut.Find("section[aria-labelledby='step-billing'] input[type='checkbox']").ChangeAsync(new ChangeEventArgs { Value = false });
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".address-fields").Count));
        var billing = cut.Find("section[aria-labelledby='step-billing'] .address-fields");
        Assert.Equal(AddressFieldsLabels, billing.FieldLabels());
        await cut.FieldByLabel("Street", 1).ChangeAsync(new ChangeEventArgs { Value = "9 Invoice Row" });
        await cut.FieldByLabel("Country", 1).ChangeAsync(new ChangeEventArgs { Value = "USA" });

        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal("Check the billing address.", Alert(cut)));
        billing = cut.Find("section[aria-labelledby='step-billing'] .address-fields");
        Assert.Equal(["City is required.", "ZIP / postal code is required."], billing.QuerySelectorAll(".field__error").Select(e => e.Trimmed()));
        Assert.Equal("billing-city", billing.QuerySelector("[aria-invalid='true']")!.Id);
        Assert.Empty(cut.Find("section[aria-labelledby='step-shipping']").QuerySelectorAll(".field__error"));
        Assert.Equal("1 Harbor Way", cut.FieldByLabel("Street", 0).GetAttribute("value"));
        Assert.Equal("9 Invoice Row", cut.FieldByLabel("Street", 1).GetAttribute("value"));
        Assert.Equal("USA", cut.FieldByLabel("Country", 1).GetAttribute("value"));
        Assert.Empty(await Shop.OrdersOfAsync(_user));
        Assert.Empty(await Shop.AddressesOfAsync(_user));
    }

    [Fact]
    public async Task Fixing_the_address_after_errors_places_the_order()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 2));
        var cut = RenderPage();
        await TypeAsync(cut, "Street", "1 Harbor Way");
        await PlaceOrderAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal("City is required.", cut.ErrorUnder("City")));

        await FillAddressAsync(cut);
        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("http://localhost/checkout/confirmation/ORD-", Navigation.Uri));
        Assert.Single(await Shop.OrdersOfAsync(_user));
    }

    [Fact]
    public async Task Placing_an_order_with_a_new_address_creates_it_empties_the_cart_and_goes_to_the_confirmation()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var lamp = await Shop.AddProductAsync("Brass Lamp", 80m, stock: 3);
        await SignInWithCartAsync(null, (mug, 2), (lamp, 1));
        var cut = RenderPage();

        await FillAddressAsync(cut);
        await cut.FieldByLabel("Order notes").ChangeAsync(new ChangeEventArgs { Value = "Leave it at the door" });
        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("http://localhost/checkout/confirmation/ORD-", Navigation.Uri));
        var order = Assert.Single(await Shop.OrdersOfAsync(_user));
        Assert.Equal($"http://localhost/checkout/confirmation/{order.OrderNumber}", Navigation.Uri);
        Assert.Equal("ORD-2026-000001", order.OrderNumber);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal([(mug.Id, 2), (lamp.Id, 1)], order.Lines.OrderBy(l => l.Id).Select(l => (l.ProductId, l.Quantity)));
        Assert.Equal(10_500, order.SubtotalCents);
        Assert.Equal(11_340, order.TotalCents);
        Assert.Equal("bank_transfer", order.PaymentMethod);
        Assert.Equal("Leave it at the door", order.Notes);
        Assert.Equal(("1 Harbor Way", "Portland", "97201", "USA", "Casey"),
            (order.ShippingAddress.Street, order.ShippingAddress.City, order.ShippingAddress.ZipCode, order.ShippingAddress.Country, order.ShippingAddress.FirstName));
        Assert.Equal("1 Harbor Way", order.BillingAddress.Street);

        Assert.Equal(3, await Shop.StockOfAsync(mug.Id));
        Assert.Equal(2, await Shop.StockOfAsync(lamp.Id));
        Assert.Empty(await Shop.CartLinesAsync(CartOwner.ForUser(_user)));
        Assert.Equal([3, 0], _published!.Published);
        Assert.Equal(0, CartState.Count);

        // "Save this address" is on by default: the first saved address becomes the default.
        var saved = Assert.Single(await Shop.AddressesOfAsync(_user));
        Assert.Equal(("1 Harbor Way", true), (saved.Street, saved.IsDefault));
        Assert.Single(Shop.Mail.Sent);
    }

    [Fact]
    public async Task Placing_an_order_to_the_preselected_saved_address_with_another_payment_method()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 1));
        await Shop.AddAddressAsync(_user, "1 Harbor Way");
        await Shop.AddAddressAsync(_user, "9 Pier Road", city: "Seattle", isDefault: true);
        var cut = RenderPage();

        await cut.InvokeAsync(() => cut.RadioByText("Pay on delivery").ClickAsync(new MouseEventArgs()));
        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("http://localhost/checkout/confirmation/ORD-", Navigation.Uri));
        var order = Assert.Single(await Shop.OrdersOfAsync(_user));
        Assert.Equal(("9 Pier Road", "Seattle"), (order.ShippingAddress.Street, order.ShippingAddress.City));
        Assert.Equal("cash_on_delivery", order.PaymentMethod);
        Assert.Equal(2, (await Shop.AddressesOfAsync(_user)).Count);
    }

    [Fact]
    public async Task Not_enough_stock_shows_what_is_available_and_keeps_the_page_and_the_cart()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 3));
        await Shop.AddAddressAsync(_user, "9 Pier Road", isDefault: true);
        var cut = RenderPage();
        await Shop.SetStockAsync(mug.Id, 2); // sold elsewhere after the page loaded

        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal("Only 2 of Harbor Mug available, requested 3.", Alert(cut)));
        Assert.Equal("http://localhost/", Navigation.Uri);
        Assert.Empty(cut.FindAll(".empty-state"));
        Assert.Contains("Harbor Mug", cut.Find(".checkout-lines").TextContent);
        Assert.False(cut.ButtonByText("Place order").IsDisabledControl());
        Assert.Empty(await Shop.OrdersOfAsync(_user));
        Assert.Equal([(mug.Id, 3)], await Shop.CartLinesAsync(CartOwner.ForUser(_user)));
        Assert.Equal(2, await Shop.StockOfAsync(mug.Id));
        Assert.Equal(3, CartState.Count);
        Assert.Empty(Shop.Mail.Sent);
    }

    [Fact]
    public async Task An_out_of_stock_product_is_named()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 1));
        await Shop.AddAddressAsync(_user, "9 Pier Road", isDefault: true);
        var cut = RenderPage();
        await Shop.SetStockAsync(mug.Id, 0);

        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal("Harbor Mug is out of stock.", Alert(cut)));
        Assert.Empty(await Shop.OrdersOfAsync(_user));
    }

    [Fact]
    public async Task A_coupon_on_the_cart_is_shown_and_carried_into_the_order()
    {
        await Shop.AddCouponAsync("SPRING10", percentOff: 10);
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync("SPRING10", (mug, 2));
        await Shop.AddAddressAsync(_user, "9 Pier Road", isDefault: true);
        var cut = RenderPage();

        Assert.Contains("coupon SPRING10", cut.Find(".checkout__summary").TextContent);
        Assert.Equal("Discount (SPRING10)", cut.Find(".totals__discount dt").Trimmed());
        Assert.Equal("$24.30", cut.Find(".totals__total dd").Trimmed());

        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("http://localhost/checkout/confirmation/ORD-", Navigation.Uri));
        var order = Assert.Single(await Shop.OrdersOfAsync(_user));
        Assert.Equal(("SPRING10", 250L, 2_430L), (order.CouponCode, order.DiscountCents, order.TotalCents));
    }

    [Fact]
    public async Task A_coupon_that_stopped_applying_after_the_page_loaded_is_named_with_the_new_total_and_the_second_press_places_the_order()
    {
        await Shop.AddCouponAsync("SPRING10", percentOff: 10);
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync("SPRING10", (mug, 2));
        var cut = RenderPage();
        Assert.Equal("$24.30", cut.Find(".totals__total dd").Trimmed());
        await FillAddressAsync(cut);
        await cut.FieldByLabel("Order notes").ChangeAsync(new ChangeEventArgs { Value = "Ring twice" });
        await using (var db = Database.CreateContext())
            await db.Coupons.Where(c => c.Code == "SPRING10").ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false)); // disabled meanwhile

        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal(
            "Coupon 'SPRING10' is no longer active. It is no longer on your cart, so your total is now $27.00; place the order again to pay that.", Alert(cut)));
        Assert.Equal("$27.00", cut.Find(".totals__total dd").Trimmed());
        Assert.Empty(cut.FindAll(".totals__discount"));
        Assert.Equal("Ring twice", cut.FieldByLabel("Order notes").GetAttribute("value"));
        Assert.Empty(await Shop.OrdersOfAsync(_user));

        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("http://localhost/checkout/confirmation/ORD-", Navigation.Uri));
        var order = Assert.Single(await Shop.OrdersOfAsync(_user));
        Assert.Equal((null, 0L, 2_700L, "Ring twice"), (order.CouponCode, order.DiscountCents, order.TotalCents, order.Notes));
    }

    [Fact]
    public async Task A_price_changed_since_the_mug_was_added_is_shown_as_was_and_now_and_the_order_waits_for_a_second_press()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 2));
        await Shop.AddAddressAsync(_user, "9 Pier Road", isDefault: true);
        await using (var db = Database.CreateContext())
            await db.Products.Where(p => p.Id == mug.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceCents, 1400));
        var cut = RenderPage();

        Assert.Equal("Price went up: was $12.50, now $14.00", cut.Find(".checkout-lines .price-change").Trimmed());
        Assert.Equal("$30.24", cut.Find(".totals__total dd").Trimmed());

        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal(
            "A price changed since you added it to your cart: Harbor Mug now $14.00 (was $12.50). Your total is now $30.24; place the order again to buy at the new price.",
            Alert(cut)));
        Assert.Empty(cut.FindAll(".checkout-lines .price-change")); // acknowledged
        Assert.Empty(await Shop.OrdersOfAsync(_user));

        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("http://localhost/checkout/confirmation/ORD-", Navigation.Uri));
        Assert.Equal(3_024L, Assert.Single(await Shop.OrdersOfAsync(_user)).TotalCents);
    }

    [Fact]
    public async Task A_total_changed_after_the_page_loaded_is_refused_and_the_page_shows_the_new_one()
    {
        await Shop.AddCouponAsync("SPRING10", percentOff: 10);
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync("SPRING10", (mug, 2));
        await Shop.AddAddressAsync(_user, "9 Pier Road", isDefault: true);
        var cut = RenderPage();
        Assert.Equal("$24.30", cut.Find(".totals__total dd").Trimmed());
        await using (var db = Database.CreateContext())
            await db.Coupons.Where(c => c.Code == "SPRING10").ExecuteUpdateAsync(s => s.SetProperty(c => c.PercentOff, 5)); // still valid, worth less

        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal("The order's total is $25.65, not the $24.30 you expected. Check the cart and place the order again.", Alert(cut)));
        Assert.Equal("$25.65", cut.Find(".totals__total dd").Trimmed());
        Assert.Empty(await Shop.OrdersOfAsync(_user));

        await PlaceOrderAsync(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("http://localhost/checkout/confirmation/ORD-", Navigation.Uri));
        Assert.Equal(2_565L, Assert.Single(await Shop.OrdersOfAsync(_user)).TotalCents);
    }

    [Fact]
    public async Task Before_the_page_is_interactive_the_order_cannot_be_placed()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        await SignInWithCartAsync(null, (mug, 2));
        var cut = RenderPage();

        Assert.True(cut.ButtonByText("Place order").IsDisabledControl());
        Assert.Empty(_published!.Published);
    }
}
