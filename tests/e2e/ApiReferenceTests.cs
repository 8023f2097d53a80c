using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

[Collection(StoreCollection.Name)]
public sealed class ApiReferenceTests(StoreFixture store, ITestOutputHelper output)
{
    [Fact]
    public async Task Api_reference_renders_offline()
    {
        await using var session = await store.OpenAsync(output, nameof(Api_reference_renders_offline), StoreFixtureBase.Desktop);
        var page = session.Page;
        IResponse? openApi = null;
        page.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath == "/openapi/v1.json") openApi = response;
        };

        await session.StepAsync("interactive reference", async () =>
        {
            var response = await page.GotoAsync("/api/docs");
            Assert.Equal(200, response!.Status);

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "E-Commerce Platform API", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "List products", Exact = true })).ToBeVisibleAsync();
            // The "Operations" overview lists each endpoint as a link, e.g. "GET /api/v1/products".
            var operation = page.GetByRole(AriaRole.Link, new() { Name = "get /api/v1/products", Exact = true });
            await Expect(operation).ToBeVisibleAsync();
            await Expect(operation).ToHaveAttributeAsync("href", "#tag/products/GET/api/v1/products");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            Assert.NotNull(openApi);
            Assert.Equal(200, openApi!.Status);
            Assert.Contains("\"E-Commerce Platform API\"", await openApi.TextAsync());
        });

        await session.StepAsync("no request left the machine", () =>
        {
            Assert.True(session.ExternalRequests.IsEmpty,
                "The API reference must work offline, but it requested: " + string.Join(" | ", session.ExternalRequests.Distinct()));
            return Task.CompletedTask;
        });
    }
}
