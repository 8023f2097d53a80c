using System.Globalization;
using Microsoft.Playwright;

namespace Ecommerce.Tests.E2E.Infrastructure;

/// <summary>Locators for the storefront's markup, by role and accessible name where the markup allows.</summary>
public static class StoreUi
{
    public const string StoreName = "Harbor Supply";

    private static readonly CultureInfo Prices = CultureInfo.GetCultureInfo("en-US");

    public static ILocator AppBar(this IPage page) => page.Locator("header.store-appbar");

    public static ILocator HeaderSearchBox(this IPage page) =>
        page.AppBar().GetByRole(AriaRole.Searchbox, new() { Name = "Search products" });

    public static ILocator HeaderSearchButton(this IPage page) =>
        page.AppBar().GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true });

    public static ILocator CategoryBar(this IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Categories", Exact = true });

    public static ILocator H1(this IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The product cards of a listing region (a category's "Products", the home page's "Featured").</summary>
    public static ILocator ProductCards(this ILocator scope) => scope.GetByRole(AriaRole.Article);

    public static ILocator ListingResults(this IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Products" });

    public static ILocator CardPrices(this ILocator scope) => scope.Locator(".price-tag__now");

    public static decimal ParsePrice(string text)
    {
        var trimmed = text.Trim();
        Assert.True(decimal.TryParse(trimmed, NumberStyles.Currency, Prices, out var value),
            $"\"{trimmed}\" is not a US-dollar price.");
        return value;
    }

    public static async Task<decimal[]> ReadPricesAsync(this ILocator prices) =>
        (await prices.AllInnerTextsAsync()).Select(ParsePrice).ToArray();
}
