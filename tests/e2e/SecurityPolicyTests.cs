using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>
/// The Content-Security-Policy lets every page work: no page of the storefront, the account area, the back office
/// or the API reference reports a violation in Chromium (and a violation would be seen: the last step makes one).
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class SecurityPolicyTests(StoreFixture store, ITestOutputHelper output)
{
    [Fact]
    public async Task No_page_reports_a_content_security_policy_violation()
    {
        await using var session = await store.OpenAsync(output, nameof(No_page_reports_a_content_security_policy_violation), StoreFixtureBase.Desktop);
        var page = session.Page;

        async Task VisitAsync(string url)
        {
            var response = await session.GotoAsync(url);
            Assert.True(response is { Status: 200 }, $"{url} answered {response?.Status}");
            Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await session.StepAsync("storefront pages", async () =>
        {
            await VisitAsync("/");
            var category = await page.Locator("a[href^='/c/']").First.GetAttributeAsync("href");
            var product = await page.Locator("a[href^='/products/']").First.GetAttributeAsync("href");
            foreach (var url in new[] { category!, product!, "/search?q=lamp", "/cart", "/account/login", "/account/register", "/account/forgot-password" })
                await VisitAsync(url);
        });

        await session.StepAsync("API reference", async () =>
        {
            await VisitAsync("/api/docs/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "E-Commerce Platform API", Level = 1 })).ToBeVisibleAsync();
        });

        await session.StepAsync("account area and back office", async () =>
        {
            await session.SignInAsync(AdminUi.Admin);
            foreach (var url in new[]
                     {
                         "/account", "/account/orders", "/account/addresses", "/account/favorites", "/account/password", "/checkout",
                         "/admin", "/admin/orders", "/admin/products", "/admin/products/new", "/admin/categories", "/admin/customers",
                         "/admin/coupons", "/admin/reviews", "/admin/audit",
                     })
                await VisitAsync(url);
        });

        await session.StepAsync("no violations", () =>
        {
            Assert.True(session.CspViolations.IsEmpty, "CSP violations: " + string.Join(" | ", session.CspViolations));
            session.AssertPageHealthy();
            return Task.CompletedTask;
        });

        await session.StepAsync("an injected inline script is blocked and reported", async () =>
        {
            await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.appendChild(s); }");
            await Expect(page.Locator("body")).ToBeVisibleAsync();
            Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
            for (var i = 0; i < 20 && session.CspViolations.IsEmpty; i++) await Task.Delay(100);
            Assert.Contains(session.CspViolations, v => v.Contains("script-src", StringComparison.Ordinal));
        });
    }
}
