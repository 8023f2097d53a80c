using System.Net;
using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>
/// A shopper's whole way from an anonymous cart to a shipped order: cards and the product page fill the cart, the
/// cart page changes it live, signing up keeps it, a coupon discounts it, checkout turns it into an order, and the
/// order page follows what the admin does through the API.
/// </summary>
[Collection(StoreCollection.Name)]
[Trait("Category", "PostgresSmoke")] // also run on PostgreSQL by ./test.sh
public sealed class ShopperJourneyTests(StoreFixture store, ITestOutputHelper output)
{
    private const string CouponCode = "E2E10";
    private const string CardProduct = "Pier & Pour Morning Tide Coffee Beans 500 g";
    private const string PageProduct = "Pier & Pour Sea Fog Earl Grey Tea Tin";
    private const string OrderNote = "Please leave the parcel with the harbor office.";
    private const string TrackingNumber = "1Z-E2E-42";

    private static readonly Address ShipTo = new("Rowan", "Lindqvist", "12 Quay Street", "Portsmouth", "NH", "03801", "United States");

    [Fact]
    public async Task Shopper_fills_a_cart_signs_up_checks_out_with_a_coupon_and_sees_the_order_ship()
    {
        using var admin = await StoreApi.SignInAsAdminAsync(store.BaseAddress);
        await using var session = await store.OpenAsync(output, nameof(Shopper_fills_a_cart_signs_up_checks_out_with_a_coupon_and_sees_the_order_ship), StoreFixtureBase.Desktop);
        var page = session.Page;
        var customer = new Customer($"e2e-{Guid.NewGuid():N}@example.com", Customer.DefaultPassword, "Rowan", "Lindqvist");

        int cardProductId = 0, pageProductId = 0, cardStockBefore = 0, pageStockBefore = 0;
        decimal cardPrice = 0, pagePrice = 0;
        Totals cartTotals = default!;
        string orderNumber = "";

        await session.StepAsync("admin creates the coupon E2E10 through the API", async () =>
        {
            var coupon = await admin.PostAsync("coupons",
                new { code = CouponCode, description = "E2E: 10% off", type = "percentage", value = 10 }, HttpStatusCode.Created);
            Assert.Equal(CouponCode, coupon.GetProperty("code").GetString());
            Assert.Equal(10m, coupon.GetProperty("value").GetDecimal());

            await session.GotoAsync("/");
            await page.ExpectCartCountAsync(0);
        });

        await session.StepAsync("category Coffee & Tea", async () =>
        {
            await session.NavigateAsync(() =>
                page.CategoryBar().GetByRole(AriaRole.Link, new() { Name = "Home & Kitchen", Exact = true }).ClickAsync());
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Navigation, new() { Name = "Sub-categories" })
                .GetByRole(AriaRole.Link, new() { Name = "Coffee & Tea", Exact = true }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex("/c/coffee-tea$"));
            await Expect(page.H1()).ToHaveTextAsync("Coffee & Tea");
            await Expect(page.ListingResults().ProductCard(CardProduct)).ToBeVisibleAsync();
            await Expect(page.Flash()).ToHaveCountAsync(0);
        });

        await session.StepAsync("add to cart from a product card", async () =>
        {
            var card = page.ListingResults().ProductCard(CardProduct);
            cardPrice = StoreUi.ParsePrice(await card.CardPrices().InnerTextAsync());
            cardProductId = await ShoppingUi.ProductIdOfAsync(card);
            cardStockBefore = await admin.StockOfAsync(cardProductId);

            await session.NavigateAsync(() => card.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex("/c/coffee-tea$"));
            await Expect(page.Flash()).ToContainTextAsync($"Added {CardProduct} to your cart.");
            await Expect(page.Flash().GetByRole(AriaRole.Link, new() { Name = "View cart" })).ToHaveAttributeAsync("href", "/cart");
            await page.ExpectCartCountAsync(1);
        });

        await session.StepAsync("product page: quantity 2 and add to cart", async () =>
        {
            await session.NavigateAsync(() => page.ListingResults().ProductCard(PageProduct)
                .GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync(PageProduct);
            // The flash was shown once and is gone.
            await Expect(page.Flash()).ToHaveCountAsync(0);
            await page.ExpectCartCountAsync(1);

            var purchase = page.Locator(".purchase");
            pagePrice = StoreUi.ParsePrice(await page.Locator(".product__price .price-tag__now").InnerTextAsync());
            pageProductId = await ShoppingUi.ProductIdOfAsync(purchase);
            pageStockBefore = await admin.StockOfAsync(pageProductId);

            await purchase.GetByLabel("Quantity").FillAsync("2");
            await session.NavigateAsync(() => purchase.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync());

            await Expect(page.H1()).ToHaveTextAsync(PageProduct);
            await Expect(page.Flash()).ToContainTextAsync($"Added 2 × {PageProduct} to your cart.");
            await page.ExpectCartCountAsync(3);
        });

        await session.StepAsync("cart holds both lines", async () =>
        {
            await session.NavigateAsync(() => page.Flash().GetByRole(AriaRole.Link, new() { Name = "View cart" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex("/cart$"));
            await Expect(page.H1()).ToHaveTextAsync("Your cart");
            await ShoppingUi.WaitForInteractiveAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Increase quantity of {CardProduct}" }));

            await Expect(page.CartLines()).ToHaveCountAsync(2);
            await Expect(page.CartLine(CardProduct).QuantityField()).ToHaveValueAsync("1");
            await Expect(page.CartLine(PageProduct).QuantityField()).ToHaveValueAsync("2");
            Assert.Equal(cardPrice, await page.CartLine(CardProduct).LineTotalAsync());
            Assert.Equal(2 * pagePrice, await page.CartLine(PageProduct).LineTotalAsync());

            var totals = await page.OrderSummary().ReadTotalsAsync();
            Assert.Equal(cardPrice + 2 * pagePrice, totals.Subtotal);
            Assert.Equal(0m, totals.Discount);
            ShoppingUi.AssertArithmetic(totals);
            await page.ExpectCartCountAsync(3);
        });

        await session.StepAsync("increase a quantity: line, totals and app bar follow live", async () =>
        {
            await page.EvaluateAsync("() => { window.__e2eSamePage = true; }");
            var increase = page.GetByRole(AriaRole.Button, new() { Name = $"Increase quantity of {CardProduct}" });
            await increase.ClickAsync();

            var line = page.CartLine(CardProduct);
            await Expect(line.QuantityField()).ToHaveValueAsync("2");
            await Expect(line.Locator(".cart-line__total")).ToHaveTextAsync(Money(2 * cardPrice));
            await Expect(page.OrderSummary().Locator("dl.totals > div").First.Locator("dd")).ToHaveTextAsync(Money(2 * cardPrice + 2 * pagePrice));
            await page.ExpectCartCountAsync(4);
            await Expect(increase).ToBeEnabledAsync();

            var totals = await page.OrderSummary().ReadTotalsAsync();
            Assert.Equal(2 * cardPrice + 2 * pagePrice, totals.Subtotal);
            ShoppingUi.AssertArithmetic(totals);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__e2eSamePage === true"),
                "The page reloaded to change the quantity; the cart should update in place.");
        });

        await session.StepAsync("sign up from the app bar", async () =>
        {
            await session.NavigateAsync(() => page.AppBar().GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex(@"/account/login\?returnUrl=%2Fcart$"));
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex(@"/account/register\?returnUrl=%2Fcart$"));
            await Expect(page.H1()).ToHaveTextAsync("Create an account");

            await page.GetByLabel("First name").FillAsync(customer.FirstName);
            await page.GetByLabel("Last name").FillAsync(customer.LastName);
            await page.GetByLabel("Email").FillAsync(customer.Email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(customer.Password);
            await page.GetByLabel("Confirm password").FillAsync(customer.Password);
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex("/cart$"));
            await Expect(page.AccountMenu()).ToContainTextAsync(customer.FirstName);
        });

        await session.StepAsync("the cart was kept at sign-up", async () =>
        {
            await ShoppingUi.WaitForInteractiveAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Increase quantity of {CardProduct}" }));
            await Expect(page.CartLines()).ToHaveCountAsync(2);
            await Expect(page.CartLine(CardProduct).QuantityField()).ToHaveValueAsync("2");
            await Expect(page.CartLine(PageProduct).QuantityField()).ToHaveValueAsync("2");
            Assert.Equal(2 * cardPrice, await page.CartLine(CardProduct).LineTotalAsync());
            Assert.Equal(2 * pagePrice, await page.CartLine(PageProduct).LineTotalAsync());
            await page.ExpectCartCountAsync(4);
        });

        await session.StepAsync("an unknown coupon does not exist", async () =>
        {
            var code = page.OrderSummary().Field("Coupon code");
            await Expect(code).ToBeEnabledAsync();
            await code.FillAsync("NOPE404");
            var apply = page.GetByRole(AriaRole.Button, new() { Name = "Apply coupon" });
            await Expect(apply).ToBeEnabledAsync();
            await apply.ClickAsync();

            await Expect(page.OrderSummary().GetByText(new Regex("does not exist"))).ToBeVisibleAsync();
            await Expect(page.OrderSummary().Locator(".totals__discount")).ToHaveCountAsync(0);
        });

        await session.StepAsync("coupon E2E10 takes 10 percent off", async () =>
        {
            var code = page.OrderSummary().Field("Coupon code");
            await code.FillAsync(CouponCode.ToLowerInvariant());
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply coupon" }).ClickAsync();

            var discount = page.OrderSummary().Locator(".totals__discount");
            await Expect(discount).ToBeVisibleAsync();
            await Expect(discount.Locator("dt")).ToHaveTextAsync($"Discount ({CouponCode})");
            await Expect(page.OrderSummary().GetByRole(AriaRole.Button, new() { Name = "Remove coupon" })).ToBeVisibleAsync();
            await Expect(page.OrderSummary().GetByText(new Regex("does not exist"))).ToHaveCountAsync(0);

            cartTotals = await page.OrderSummary().ReadTotalsAsync();
            Assert.Equal(2 * cardPrice + 2 * pagePrice, cartTotals.Subtotal);
            Assert.Equal(Totals.Round(cartTotals.Subtotal * 0.10m), cartTotals.Discount);
            ShoppingUi.AssertArithmetic(cartTotals);
            output.WriteLine($"  cart with coupon: {cartTotals}");
        });

        await session.StepAsync("checkout page", async () =>
        {
            await session.NavigateAsync(() => page.OrderSummary().GetByRole(AriaRole.Link, new() { Name = "Checkout" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex("/checkout$"));
            await Expect(page.H1()).ToHaveTextAsync("Checkout");
            await ShoppingUi.WaitForInteractiveAsync(page.PlaceOrderButton());

            await Expect(page.ShippingStep().GetByRole(AriaRole.Radio, new() { Name = "Use a new address" })).ToBeCheckedAsync();
            var review = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("Review$") });
            await Expect(review.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
            await Expect(review.GetByRole(AriaRole.Listitem).Filter(new() { HasText = CardProduct })).ToContainTextAsync("× 2");
            await Expect(review.GetByRole(AriaRole.Listitem).Filter(new() { HasText = PageProduct })).ToContainTextAsync("× 2");
            await Expect(page.OrderSummary()).ToContainTextAsync($"4 items · coupon {CouponCode}");
            Assert.Equal(cartTotals, await page.OrderSummary().ReadTotalsAsync());
            await page.ExpectCartCountAsync(4);
        });

        await session.StepAsync("new shipping address, bank transfer and a note", async () =>
        {
            await page.FillNewAddressAsync(ShipTo);
            await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Save this address to my address book" })).ToBeCheckedAsync();
            await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Billing address is the same as shipping" })).ToBeCheckedAsync();

            await page.PaymentMethod("Bank transfer").CheckAsync();
            await Expect(page.PaymentMethod("Bank transfer")).ToBeCheckedAsync();
            await Expect(page.PaymentMethod("Pay on delivery")).Not.ToBeCheckedAsync();

            var notes = page.GetByLabel("Order notes");
            await notes.FillAsync(OrderNote);
            await notes.BlurAsync();
            await page.ExpectAddressFieldsAsync(ShipTo);
            await Expect(notes).ToHaveValueAsync(OrderNote);
        });

        await session.StepAsync("place the order", async () =>
        {
            await page.PlaceOrderButton().ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(@"/checkout/confirmation/ORD-\d{4}-\d{6}$"), new() { Timeout = 20_000 });
            await session.WaitForStreamingAsync();
            await Expect(page.H1()).ToHaveTextAsync("Thank you for your order!");
            orderNumber = new Uri(page.Url).Segments[^1];
            Assert.Matches(new Regex(@"^ORD-\d{4}-\d{6}$"), orderNumber);
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"Your order {orderNumber} has been placed.");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(customer.Email);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment: Bank transfer" })).ToBeVisibleAsync();
            Assert.Equal(cartTotals, await page.GetByRole(AriaRole.Main).ReadTotalsAsync());
            await page.ExpectCartCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "View your order" })).ToHaveAttributeAsync("href", $"/account/orders/{orderNumber}");
        });

        await session.StepAsync("order history lists the pending order", async () =>
        {
            await page.AccountMenu().ClickAsync();
            await session.NavigateAsync(() => page.AppBar().GetByRole(AriaRole.Menuitem, new() { Name = "My orders" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex("/account/orders$"));
            await Expect(page.H1()).ToHaveTextAsync("My orders");

            var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = orderNumber });
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.Locator(".order-status")).ToHaveTextAsync("Pending");
            await Expect(rows.Locator(".orders__items")).ToHaveTextAsync("4 items");
            Assert.Equal(cartTotals.Total, StoreUi.ParsePrice(await rows.Locator(".orders__money").InnerTextAsync()));
            await Expect(page.GetByText("1 order", new() { Exact = true })).ToBeVisibleAsync();
        });

        await session.StepAsync("order detail while pending", async () =>
        {
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Link, new() { Name = orderNumber, Exact = true }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex($"/account/orders/{orderNumber}$"));
            await Expect(page.H1()).ToHaveTextAsync($"Order {orderNumber}");
            await Expect(page.Locator(".order-head .order-status")).ToHaveTextAsync("Pending");

            var lines = page.Locator(".order-line");
            await Expect(lines).ToHaveCountAsync(2);
            await Expect(lines.Filter(new() { HasText = CardProduct }).Locator(".order-line__meta").Last).ToHaveTextAsync($"2 × {Money(cardPrice)}");
            await Expect(lines.Filter(new() { HasText = PageProduct }).Locator(".order-line__meta").Last).ToHaveTextAsync($"2 × {Money(pagePrice)}");
            Assert.Equal(cartTotals, await page.GetByRole(AriaRole.Main).ReadTotalsAsync());
            await Expect(page.Locator(".order-totals__coupon")).ToHaveTextAsync(CouponCode);

            var shipping = page.Locator(".order-addresses address").First;
            await Expect(shipping).ToContainTextAsync($"{ShipTo.FirstName} {ShipTo.LastName}");
            await Expect(shipping).ToContainTextAsync(ShipTo.Street);
            await Expect(shipping).ToContainTextAsync($"{ShipTo.City}, {ShipTo.State} {ShipTo.ZipCode}");
            await Expect(page.GetByText("Same as the shipping address")).ToBeVisibleAsync();
            await Expect(page.Locator(".order-note")).ToContainTextAsync(OrderNote);
            await Expect(page.Locator(".order-facts").Filter(new() { HasText = "Method" })).ToContainTextAsync("Bank transfer");

            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Tracking" })).ToHaveCountAsync(0);
            var timeline = page.Locator(".timeline__item");
            await Expect(timeline).ToHaveCountAsync(1);
            await Expect(timeline.First).ToContainTextAsync("Pending");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" })).ToBeVisibleAsync();

            // "Save this address to my address book" was kept ticked: the address is in the customer's book.
            using var customerApi = await StoreApi.SignInAsync(store.BaseAddress, customer.Email, customer.Password);
            var addresses = await customerApi.GetAsync("users/addresses");
            Assert.Contains(addresses.EnumerateArray(), a => a.GetProperty("street").GetString() == ShipTo.Street);
        });

        await session.StepAsync("admin marks it paid, processing and shipped through the API", async () =>
        {
            var order = await admin.GetAsync($"orders/{orderNumber}");
            Assert.Equal("pending", order.GetProperty("status").GetString());
            Assert.Equal(CouponCode, order.GetProperty("couponCode").GetString());
            Assert.Equal(OrderNote, order.GetProperty("notes").GetString());
            Assert.Equal(cartTotals.Total, order.GetProperty("total").GetDecimal());
            var id = order.GetProperty("id").GetString();

            var paid = await admin.PutAsync($"orders/{id}/status", new { status = "paid", note = "Bank transfer received" });
            Assert.Equal("paid", paid.GetProperty("status").GetString());
            var processing = await admin.PutAsync($"orders/{id}/status", new { status = "processing", note = "Packing" });
            Assert.Equal("processing", processing.GetProperty("status").GetString());
            var shipped = await admin.PutAsync($"orders/{id}/status",
                new { status = "shipped", note = "Shipped with UPS", trackingNumber = TrackingNumber, carrier = "UPS" });
            Assert.Equal("shipped", shipped.GetProperty("status").GetString());
            Assert.Equal(TrackingNumber, shipped.GetProperty("trackingNumber").GetString());
            Assert.Equal("UPS", shipped.GetProperty("carrier").GetString());
        });

        await session.StepAsync("customer reloads the order: shipped with tracking", async () =>
        {
            await page.ReloadAsync();
            await session.WaitForStreamingAsync();
            await Expect(page.H1()).ToHaveTextAsync($"Order {orderNumber}");
            await Expect(page.Locator(".order-head .order-status")).ToHaveTextAsync("Shipped");

            var timeline = page.Locator(".timeline__item");
            await Expect(timeline).ToHaveCountAsync(4);
            var latest = timeline.First;
            await Expect(latest.Locator("strong")).ToHaveTextAsync("Shipped");
            await Expect(latest).ToContainTextAsync("Shipped with UPS");
            await Expect(latest.Locator(".timeline__tracking")).ToContainTextAsync("UPS");
            await Expect(latest.Locator(".timeline__tracking code")).ToHaveTextAsync(TrackingNumber);
            Assert.Equal(["Shipped", "Processing", "Paid", "Pending"], (await timeline.Locator("strong").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray());

            var tracking = page.GetByRole(AriaRole.Region, new() { Name = "Tracking" });
            await Expect(tracking).ToBeVisibleAsync();
            await Expect(tracking.Locator("div").Filter(new() { HasText = "Carrier" }).Locator("dd")).ToHaveTextAsync("UPS");
            await Expect(tracking.Locator("div").Filter(new() { HasText = "Tracking number" }).Locator("dd")).ToHaveTextAsync(TrackingNumber);
            await Expect(page.Locator(".order-facts").Filter(new() { HasText = "Payment status" })).ToContainTextAsync("Paid");
            // A shipped order can no longer be cancelled.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" })).ToHaveCountAsync(0);
        });

        await session.StepAsync("the stock of the ordered products went down", async () =>
        {
            Assert.Equal(cardStockBefore - 2, await admin.StockOfAsync(cardProductId));
            Assert.Equal(pageStockBefore - 2, await admin.StockOfAsync(pageProductId));
        });

        session.AssertPageHealthy();
    }

    private static string Money(decimal amount) => amount.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
}
