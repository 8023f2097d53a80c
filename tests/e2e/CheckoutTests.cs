using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>Checkout when stock runs out behind the shopper's back, and the cart and checkout at phone width.</summary>
[Collection(StoreCollection.Name)]
public sealed class CheckoutTests(StoreFixture store, ITestOutputHelper output)
{
    private static readonly Address ShipTo = new("Mads", "Okonkwo", "48 Breakwater Lane", "Bar Harbor", "ME", "04609", "United States");

    [Fact]
    public async Task Failed_checkout_keeps_the_typed_address_and_the_cart()
    {
        const string slug = "little-mariner-wooden-sailboat";
        const string name = "Little Mariner Wooden Sailboat";
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, "Mads", "Okonkwo");
        await using var session = await store.OpenAsync(output, nameof(Failed_checkout_keeps_the_typed_address_and_the_cart), StoreFixtureBase.Desktop);
        var page = session.Page;
        int? originalStock = null;

        try
        {
            await session.StepAsync("three in the cart", async () =>
            {
                await session.SignInAsync(customer);
                await session.GotoAsync($"/products/{slug}");
                await Expect(page.H1()).ToHaveTextAsync(name);
                var purchase = page.Locator(".purchase");
                await purchase.GetByLabel("Quantity").FillAsync("3");
                await session.NavigateAsync(() => purchase.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync());
                await Expect(page.Flash()).ToContainTextAsync($"Added 3 × {name} to your cart.");
                await page.ExpectCartCountAsync(3);
            });

            await session.StepAsync("checkout with a new address", async () =>
            {
                await session.GotoAsync("/checkout");
                await Expect(page.H1()).ToHaveTextAsync("Checkout");
                await ShoppingUi.WaitForInteractiveAsync(page.PlaceOrderButton());
                await page.FillNewAddressAsync(ShipTo);
                await page.PaymentMethod("Pay on delivery").CheckAsync();
                await Expect(page.PaymentMethod("Pay on delivery")).ToBeCheckedAsync();
            });

            await session.StepAsync("stock drops to 2 behind the shopper's back, place order fails", async () =>
            {
                originalStock = await ShoppingUi.SetStockAsync(store.Server, slug, 2);
                Assert.True(originalStock >= 3, $"The test needs at least 3 {name} in stock, there are {originalStock}.");

                await page.PlaceOrderButton().ClickAsync();

                var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "available" });
                await Expect(alert).ToContainTextAsync($"Only 2 of {name} available, requested 3.");
                await Expect(page).ToHaveURLAsync(new Regex("/checkout$"));
                await Expect(page.PlaceOrderButton()).ToBeEnabledAsync();
            });

            await session.StepAsync("the page still shows what was typed", async () =>
            {
                // "Save this address" was ticked, so the address went into the address book before the order was
                // tried; the page now offers it as the chosen saved address instead of the empty form.
                var shipping = page.ShippingStep();
                var saved = shipping.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex(Regex.Escape(ShipTo.Street)) });
                await Expect(saved).ToHaveCountAsync(1);
                await Expect(saved).ToBeCheckedAsync();
                await Expect(shipping).ToContainTextAsync($"{ShipTo.Street}");
                await Expect(shipping).ToContainTextAsync(ShipTo.City);
                await Expect(shipping).ToContainTextAsync(ShipTo.ZipCode);
                await Expect(shipping.GetByRole(AriaRole.Radio, new() { Name = "Use a new address" })).Not.ToBeCheckedAsync();
                await Expect(page.PaymentMethod("Pay on delivery")).ToBeCheckedAsync();
                await Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("Review$") })).ToContainTextAsync($"{name} × 3");
                await page.ExpectCartCountAsync(3);
            });

            await session.StepAsync("the cart still has the line and says how many are left", async () =>
            {
                await session.NavigateAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Back to cart" }).ClickAsync());
                await Expect(page).ToHaveURLAsync(new Regex("/cart$"));
                await ShoppingUi.WaitForInteractiveAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Remove {name}" }));
                await Expect(page.CartLines()).ToHaveCountAsync(1);
                await Expect(page.CartLine(name).QuantityField()).ToHaveValueAsync("3");
                await Expect(page.CartLine(name).GetByRole(AriaRole.Alert)).ToHaveTextAsync("Only 2 left: lower the quantity to check out.");
                // Checkout is closed until the quantity fits the stock (the link turns into a disabled button).
                await Expect(page.OrderSummary().GetByRole(AriaRole.Button, new() { Name = "Checkout" })).ToBeDisabledAsync();
                await Expect(page.OrderSummary().GetByRole(AriaRole.Link, new() { Name = "Checkout" })).ToHaveCountAsync(0);
                await page.ExpectCartCountAsync(3);

                using var api = await StoreApi.SignInAsync(store.BaseAddress, customer.Email, customer.Password);
                var orders = await api.GetAsync("orders");
                Assert.Equal(0, orders.GetProperty("totalCount").GetInt32());
            });

            await session.StepAsync("lowering the quantity to the stock opens checkout again", async () =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = $"Decrease quantity of {name}" }).ClickAsync();
                await Expect(page.CartLine(name).QuantityField()).ToHaveValueAsync("2");
                await Expect(page.CartLine(name).GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
                await Expect(page.OrderSummary().GetByRole(AriaRole.Link, new() { Name = "Checkout" })).ToHaveAttributeAsync("href", "/checkout");
                await page.ExpectCartCountAsync(2);
            });
        }
        finally
        {
            if (originalStock is { } stock) await ShoppingUi.SetStockAsync(store.Server, slug, stock);
        }

        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Cart_and_checkout_at_phone_width()
    {
        const string slug = "ridgeback-beacon-400-headlamp";
        const string name = "Ridgeback Beacon 400 Headlamp";
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, "Priya", "Haldane");
        await using var session = await store.OpenAsync(output, nameof(Cart_and_checkout_at_phone_width), StoreFixtureBase.Phone);
        var page = session.Page;

        await session.StepAsync("add to cart on the product page", async () =>
        {
            await session.SignInAsync(customer);
            await session.GotoAsync($"/products/{slug}");
            await Expect(page.H1()).ToHaveTextAsync(name);
            await session.NavigateAsync(() => page.Locator(".purchase").GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync());
            await Expect(page.Flash()).ToContainTextAsync($"Added {name} to your cart.");
            await page.ExpectCartCountAsync(1);
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("cart", async () =>
        {
            await session.NavigateAsync(() => page.Flash().GetByRole(AriaRole.Link, new() { Name = "View cart" }).ClickAsync());
            var increase = page.GetByRole(AriaRole.Button, new() { Name = $"Increase quantity of {name}" });
            await ShoppingUi.WaitForInteractiveAsync(increase);
            await Expect(page.CartLines()).ToHaveCountAsync(1);
            await session.AssertNoHorizontalScrollAsync();

            await increase.ClickAsync();
            await Expect(page.CartLine(name).QuantityField()).ToHaveValueAsync("2");
            await page.ExpectCartCountAsync(2);
            var totals = await page.OrderSummary().ReadTotalsAsync();
            Assert.Equal(await page.CartLine(name).LineTotalAsync(), totals.Subtotal);
            ShoppingUi.AssertArithmetic(totals);
            await session.AssertNoHorizontalScrollAsync();
            await AssertInsideViewportAsync(page, page.OrderSummary().GetByRole(AriaRole.Link, new() { Name = "Checkout" }), "the Checkout button");
        });

        await session.StepAsync("checkout", async () =>
        {
            await session.NavigateAsync(() => page.OrderSummary().GetByRole(AriaRole.Link, new() { Name = "Checkout" }).ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync("Checkout");
            await ShoppingUi.WaitForInteractiveAsync(page.PlaceOrderButton());
            await session.AssertNoHorizontalScrollAsync();

            await page.FillNewAddressAsync(ShipTo with { FirstName = "Priya", LastName = "Haldane" });
            await page.PaymentMethod("Pay on delivery").CheckAsync();
            await session.AssertNoHorizontalScrollAsync();
            foreach (var label in new[] { "Street", "City", "ZIP / postal code", "Country" })
                await AssertInsideViewportAsync(page, page.ShippingStep().Field(label), $"the {label} field");
        });

        await session.StepAsync("place order is reachable and works", async () =>
        {
            var button = page.PlaceOrderButton();
            await button.ScrollIntoViewIfNeededAsync();
            await AssertInsideViewportAsync(page, button, "the Place order button");
            var box = (await button.BoundingBoxAsync())!;
            Assert.True(box.Height >= 40, $"The Place order button is only {box.Height} px tall: too small to tap.");
            // Nothing covers the button where a finger would tap it.
            var onTop = await button.EvaluateAsync<bool>("""
                b => { const r = b.getBoundingClientRect();
                       const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                       return hit === b || b.contains(hit); }
                """);
            Assert.True(onTop, "Something covers the middle of the Place order button.");

            await button.TapAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/checkout/confirmation/ORD-\d{4}-\d{6}$"), new() { Timeout = 20_000 });
            await Expect(page.H1()).ToHaveTextAsync("Thank you for your order!");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment: Pay on delivery" })).ToBeVisibleAsync();
            await page.ExpectCartCountAsync(0);
            await session.AssertNoHorizontalScrollAsync();
        });

        session.AssertPageHealthy();
    }

    private static async Task AssertInsideViewportAsync(IPage page, ILocator element, string what)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{what} has no box.");
        var width = page.ViewportSize!.Width;
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5,
            $"{what} spans {box.X:0}–{box.X + box.Width:0} px, outside the {width} px viewport.");
    }
}
