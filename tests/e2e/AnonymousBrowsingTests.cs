using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>Browsing the catalog is static server-side rendering: no interactive (SignalR) circuit is opened.</summary>
[Collection(StoreCollection.Name)]
public sealed class AnonymousBrowsingTests(StoreFixture store, ITestOutputHelper output)
{
    [Fact]
    public async Task Anonymous_browsing_opens_no_interactive_circuit()
    {
        await using var session = await store.OpenAsync(output, nameof(Anonymous_browsing_opens_no_interactive_circuit), StoreFixtureBase.Desktop);
        var page = session.Page;
        var circuitTraffic = new ConcurrentBag<string>();
        var webSockets = new ConcurrentBag<string>();
        IResponse? blazorScript = null;

        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.StartsWith("/_blazor", StringComparison.OrdinalIgnoreCase))
                circuitTraffic.Add($"{request.Method} {request.Url}");
        };
        page.WebSocket += (_, socket) => webSockets.Add(socket.Url);
        page.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath.StartsWith("/_framework/blazor.web", StringComparison.OrdinalIgnoreCase))
                blazorScript = response;
        };

        await session.StepAsync("home page", async () =>
        {
            await session.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Featured" }).ProductCards().First).ToBeVisibleAsync();

            // The test only means something if Blazor's script is really there (it serves enhanced navigation).
            Assert.NotNull(blazorScript);
            Assert.Equal(200, blazorScript!.Status);
            Assert.True((await blazorScript.BodyAsync()).Length > 10_000, "blazor.web.js came back (nearly) empty.");
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"), "window.Blazor is not defined.");
        });

        await session.StepAsync("category", async () =>
        {
            await session.NavigateAsync(() =>
                page.CategoryBar().GetByRole(AriaRole.Link, new() { Name = "Home & Kitchen", Exact = true }).ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync("Home & Kitchen");
            await Expect(page.ListingResults().ProductCards().First).ToBeVisibleAsync();
        });

        await session.StepAsync("product", async () =>
        {
            var link = page.ListingResults().ProductCards().First.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link);
            var name = (await link.InnerTextAsync()).Trim();
            await session.NavigateAsync(() => link.ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync(name);
        });

        await session.StepAsync("search", async () =>
        {
            await page.HeaderSearchBox().FillAsync("mug");
            await session.NavigateAsync(() => page.HeaderSearchButton().ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync("Results for “mug”");
            await Expect(page.Locator("main").ProductCards().First).ToBeVisibleAsync();
        });

        await session.StepAsync("no circuit was opened", async () =>
        {
            // Give a late circuit start every chance to show up before concluding there was none.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(circuitTraffic.IsEmpty, "Requests to /_blazor while browsing anonymously: " + string.Join(" | ", circuitTraffic));
            Assert.True(webSockets.IsEmpty, "WebSockets opened while browsing anonymously: " + string.Join(" | ", webSockets));
            await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        });

        session.AssertPageHealthy();
    }
}
