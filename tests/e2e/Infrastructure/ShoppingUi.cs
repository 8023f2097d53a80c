using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ecommerce.Shared.Data;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E.Infrastructure;

/// <summary>The cart's or an order's money lines as the page shows them ("Free" shipping is 0).</summary>
public sealed record Totals(decimal Subtotal, decimal Discount, decimal Tax, decimal Shipping, decimal Total)
{
    /// <summary>Half away from zero to the cent, as the store rounds every amount.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public override string ToString() =>
        $"subtotal {Subtotal}, discount {Discount}, tax {Tax}, shipping {Shipping}, total {Total}";
}

/// <summary>Locators and steps for the cart, checkout, account and product pages.</summary>
public static class ShoppingUi
{
    /// <summary>The app bar's cart link; its aria-label carries the count ("Cart, 3 items").</summary>
    public static ILocator AppBarCart(this IPage page) => page.AppBar().Locator("a.store-cart");

    public static Task ExpectCartCountAsync(this IPage page, int count) =>
        Expect(page.AppBarCart()).ToHaveAttributeAsync("aria-label", count == 1 ? "Cart, 1 item" : $"Cart, {count} items");

    public static ILocator Flash(this IPage page) => page.Locator(".flash");

    public static ILocator AccountMenu(this IPage page) => page.AppBar().GetByLabel("Account menu");

    /// <summary>A product card of a listing, by the product's name (the card is labelled by its title).</summary>
    public static ILocator ProductCard(this ILocator scope, string productName) =>
        scope.GetByRole(AriaRole.Article, new() { Name = productName, Exact = true });

    public static async Task<int> ProductIdOfAsync(ILocator formScope) =>
        int.Parse(await formScope.Locator("form[action='/cart/add'] input[name='productId']").InputValueAsync(),
            System.Globalization.CultureInfo.InvariantCulture);

    // ---- cart page ----

    public static ILocator CartLines(this IPage page) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Items in your cart" }).GetByRole(AriaRole.Article);

    public static ILocator CartLine(this IPage page, string productName) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Items in your cart" }).GetByRole(AriaRole.Article, new() { Name = productName, Exact = true });

    /// <summary>A cart line's quantity field (its buttons' labels also mention "quantity").</summary>
    public static ILocator QuantityField(this ILocator cartLine) =>
        cartLine.GetByRole(AriaRole.Spinbutton, new() { Name = "Quantity", Exact = true });

    public static ILocator OrderSummary(this IPage page) => page.GetByRole(AriaRole.Complementary, new() { Name = "Order summary" });

    /// <summary>
    /// The cart page and checkout render first on the server (prerendering: buttons disabled) and come alive
    /// when the circuit connects; a click before that would do nothing.
    /// </summary>
    public static Task WaitForInteractiveAsync(ILocator buttonEnabledOnceLive) =>
        Expect(buttonEnabledOnceLive).ToBeEnabledAsync(new() { Timeout = 20_000 });

    public static async Task<Totals> ReadTotalsAsync(this ILocator scope)
    {
        var list = scope.Locator("dl.totals, dl.order-totals").First;
        await Expect(list).ToBeVisibleAsync();
        var values = new Dictionary<string, decimal>();
        foreach (var row in await list.Locator(":scope > div").AllAsync())
        {
            var label = (await row.Locator("dt").InnerTextAsync()).Trim();
            var text = (await row.Locator("dd").InnerTextAsync()).Trim().Replace("\u2212", "").Replace("-", "");
            var key = label.Split(' ', '(')[0];
            values[key] = text == "Free" ? 0m : StoreUi.ParsePrice(text);
        }
        Assert.True(values.ContainsKey("Subtotal") && values.ContainsKey("Tax") && values.ContainsKey("Shipping") && values.ContainsKey("Total"),
            "The totals lack a line: " + string.Join(", ", values.Keys));
        return new Totals(values["Subtotal"], values.GetValueOrDefault("Discount"), values["Tax"], values["Shipping"], values["Total"]);
    }

    /// <summary>Checks total = subtotal − discount + tax + shipping with tax = 8 % of (subtotal − discount), to the cent.</summary>
    public static void AssertArithmetic(Totals totals, decimal taxRate = 0.08m)
    {
        Assert.True(Totals.Round((totals.Subtotal - totals.Discount) * taxRate) == totals.Tax,
            $"Tax should be {taxRate:P0} of subtotal − discount ({totals.Subtotal} − {totals.Discount}) = {Totals.Round((totals.Subtotal - totals.Discount) * taxRate)}, the page says {totals.Tax} ({totals}).");
        Assert.True(totals.Subtotal - totals.Discount + totals.Tax + totals.Shipping == totals.Total,
            $"Total should be subtotal − discount + tax + shipping = {totals.Subtotal - totals.Discount + totals.Tax + totals.Shipping}, the page says {totals.Total} ({totals}).");
    }

    public static async Task<decimal> LineTotalAsync(this ILocator cartLine) =>
        StoreUi.ParsePrice(await cartLine.Locator(".cart-line__total").InnerTextAsync());

    // ---- account ----

    /// <summary>Signs in through /account/login and waits for the account menu.</summary>
    public static async Task SignInAsync(this BrowserSession session, Customer customer, string? returnUrl = null)
    {
        var page = session.Page;
        await session.GotoAsync(returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await Expect(page.H1()).ToHaveTextAsync("Sign in");
        await page.GetByLabel("Email").FillAsync(customer.Email);
        await page.GetByLabel("Password").FillAsync(customer.Password);
        await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync());
        await Expect(page.AccountMenu()).ToContainTextAsync(customer.FirstName);
    }

    // ---- checkout ----

    public static ILocator PlaceOrderButton(this IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Place order" });

    public static ILocator ShippingStep(this IPage page) => page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("Shipping address$") });

    /// <summary>A text field (MudBlazor's or a plain one, as the address fields are) by its label; required fields add " *" to the label.</summary>
    public static ILocator Field(this ILocator scope, string label) =>
        scope.GetByLabel(new Regex($"^{Regex.Escape(label)}( ?\\*)?$"));

    public static async Task FillNewAddressAsync(this IPage page, Address address)
    {
        var step = page.ShippingStep();
        await step.Field("First name").FillAsync(address.FirstName);
        await step.Field("Last name").FillAsync(address.LastName);
        await step.Field("Street").FillAsync(address.Street);
        await step.Field("City").FillAsync(address.City);
        await step.Field("State / region").FillAsync(address.State);
        await step.Field("ZIP / postal code").FillAsync(address.ZipCode);
        await step.Field("Country").FillAsync(address.Country);
        // The fields bind on change (blur): leave the last one so its value reaches the circuit.
        await step.Field("Country").BlurAsync();
    }

    public static async Task ExpectAddressFieldsAsync(this IPage page, Address address)
    {
        var step = page.ShippingStep();
        await Expect(step.Field("First name")).ToHaveValueAsync(address.FirstName);
        await Expect(step.Field("Last name")).ToHaveValueAsync(address.LastName);
        await Expect(step.Field("Street")).ToHaveValueAsync(address.Street);
        await Expect(step.Field("City")).ToHaveValueAsync(address.City);
        await Expect(step.Field("State / region")).ToHaveValueAsync(address.State);
        await Expect(step.Field("ZIP / postal code")).ToHaveValueAsync(address.ZipCode);
        await Expect(step.Field("Country")).ToHaveValueAsync(address.Country);
    }

    /// <summary>A payment method radio by the method's name ("Bank transfer").</summary>
    public static ILocator PaymentMethod(this IPage page, string name) =>
        page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("Payment method$") })
            .GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^" + Regex.Escape(name)) });

    public static readonly Regex OrderNumber = new(@"ORD-\d{4}-\d{6}");

    // ---- data behind the UI ----

    /// <summary>Sets a product's stock straight in the database; returns the stock it had.</summary>
    public static async Task<int> SetStockAsync(StoreServer server, string slug, int stock)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var before = await db.Products.Where(p => p.Slug == slug).Select(p => p.Stock).SingleAsync();
        var changed = await db.Products.Where(p => p.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, stock));
        Assert.Equal(1, changed);
        return before;
    }
}

public sealed record Address(string FirstName, string LastName, string Street, string City, string State, string ZipCode, string Country);
