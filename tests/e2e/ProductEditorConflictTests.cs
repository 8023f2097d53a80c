using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>
/// The product editor never saves over someone else's change: with the editor open, the product is changed behind
/// it through the API; saving then says so on the page and keeps what the admin typed, and "Reload the product"
/// brings in the other change while keeping theirs, so the next save applies both.
/// </summary>
[Collection(BackOfficeCollection.Name)]
public sealed class ProductEditorConflictTests(BackOfficeFixture store, ITestOutputHelper output)
{
    private const string ProductName = "Walnut & Maple Chess Set";
    private const string RenamedBehind = "Walnut & Maple Tournament Chess Set";

    [Fact]
    public async Task Saving_over_a_product_changed_behind_the_open_editor_shows_the_conflict_and_reload_keeps_the_typed_price()
    {
        using var admin = await StoreApi.SignInAsAdminAsync(store.BaseAddress);
        var productId = await admin.ProductIdAsync(ProductName);

        await using var session = await store.OpenAsync(output, nameof(Saving_over_a_product_changed_behind_the_open_editor_shows_the_conflict_and_reload_keeps_the_typed_price),
            StoreFixtureBase.Desktop);
        var page = session.Page;
        var main = page.AdminMain();
        var save = main.GetByRole(AriaRole.Button, new() { Name = "Save changes" });

        await session.StepAsync("the editor is open and the admin types a new price", async () =>
        {
            await session.SignInAsync(AdminUi.Admin);
            await session.GotoAsync($"/admin/products/{productId}");
            await Expect(page.H1()).ToHaveTextAsync(ProductName);
            await ShoppingUi.WaitForInteractiveAsync(save);
            await main.Field("Price (USD)").FillAsync("77.50");
            await main.Field("Price (USD)").BlurAsync();
        });

        // Meanwhile another client renames the product through the admin API.
        var renamed = await admin.PutAsync($"products/{productId}", new { name = RenamedBehind });
        Assert.Equal(RenamedBehind, renamed.GetProperty("name").GetString());

        await session.StepAsync("saving says someone else changed the product and keeps the typed price", async () =>
        {
            await save.ClickAsync();
            var conflict = main.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Someone else changed" });
            await Expect(conflict).ToBeVisibleAsync();
            await Expect(conflict).ToContainTextAsync($"Someone else changed {RenamedBehind} while you were editing it, so nothing was saved.");
            await Expect(main.Field("Price (USD)")).ToHaveValueAsync("77.50");
            await Expect(main.Field("Name")).ToHaveValueAsync(ProductName);
            await Expect(page.Snackbar().Filter(new() { HasText = "Saved" })).ToHaveCountAsync(0);
        });
        var stored = await admin.GetAsync($"products/{productId}");
        Assert.Equal(RenamedBehind, stored.GetProperty("name").GetString());
        Assert.NotEqual(77.50m, stored.GetProperty("price").GetDecimal()); // nothing of the refused save was written

        await session.StepAsync("reload brings in the new name and keeps the typed price", async () =>
        {
            await main.GetByRole(AriaRole.Button, new() { Name = "Reload the product" }).ClickAsync();
            await Expect(main.Field("Name")).ToHaveValueAsync(RenamedBehind);
            await Expect(main.Field("Price (USD)")).ToHaveValueAsync("77.50");
            await Expect(main.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Someone else changed" })).ToHaveCountAsync(0);
            await Expect(main.GetByRole(AriaRole.Status).Filter(new() { HasText = "with your price kept" })).ToBeVisibleAsync();
        });

        await session.StepAsync("saving again applies the price over the new version", async () =>
        {
            await save.ClickAsync();
            await Expect(page.Snackbar().Filter(new() { HasText = $"Saved {RenamedBehind}." })).ToBeVisibleAsync();
        });
        stored = await admin.GetAsync($"products/{productId}");
        Assert.Equal((RenamedBehind, 77.50m), (stored.GetProperty("name").GetString(), stored.GetProperty("price").GetDecimal()));

        session.AssertPageHealthy();
    }
}
