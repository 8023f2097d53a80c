using System.Net;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Ecommerce.Tests.Unit.Infrastructure.AccountForms;

namespace Ecommerce.Tests.Unit.Web;

/// <summary>A store whose sign-in cookies are checked against the account on every request (Auth:SessionRevalidationSeconds = 0).</summary>
public sealed class RevalidatingFixture : ShopperAdminFixture
{
    public RevalidatingFixture() : base(new Dictionary<string, string?> { ["Auth:SessionRevalidationSeconds"] = "0" }) { }
}

/// <summary>
/// Storefront sessions end when access is taken away (issue 8, item 1): a copied sign-in cookie dies when its owner signs
/// out, a locked customer's and a demoted admin's cookies stop working.
/// </summary>
public class SessionRevocationTests(RevalidatingFixture fixture) : IClassFixture<RevalidatingFixture>
{
    private StoreApp App => fixture.App;

    /// <summary>Registers through the page and returns the browser client and a copy of its sign-in cookie.</summary>
    private async Task<(HttpClient Browser, string Cookie, string Email)> SignedInAsync(string firstName)
    {
        var browser = App.CreateBrowserClient();
        var email = NewEmail();
        using var registered = await RegisterAsync(browser, email, firstName);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var cookie = SetCookieValue(registered, "store.auth");
        Assert.False(string.IsNullOrEmpty(cookie));
        return (browser, cookie, email);
    }

    /// <summary>A client that sends only the given sign-in cookie, as a thief who copied it would.</summary>
    private HttpClient WithCookie(string cookie)
    {
        var client = App.CreateRawClient();
        client.DefaultRequestHeaders.Add("Cookie", $"store.auth={cookie}");
        return client;
    }

    private static async Task<bool> SignedInAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/account");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/login", RedirectPath(response));
            return false;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return true;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Ecommerce.Shared.Customers.ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task A_copied_sign_in_cookie_dies_when_its_owner_signs_out()
    {
        var (browser, cookie, _) = await SignedInAsync("Copy");
        using var thief = WithCookie(cookie);
        Assert.True(await SignedInAsync(thief));

        // The account page renders its sign-out form with the token (shared catalog pages leave that to store.js).
        var (_, page) = await browser.GetPageAsync("/account");
        var form = page.QuerySelector("form[action='/account/logout']")!;
        using (var signedOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(form.HiddenFields())))
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.False(await SignedInAsync(thief));
        Assert.False(await SignedInAsync(browser));
    }

    [Fact]
    public async Task A_locked_customers_open_session_ends()
    {
        var (browser, _, email) = await SignedInAsync("Locked");
        Assert.True(await SignedInAsync(browser));

        (await fixture.Admin.Client.PostApiAsync($"/api/v1/admin/customers/{await UserIdAsync(email)}/lock")).Expect(HttpStatusCode.OK);

        Assert.False(await SignedInAsync(browser));
    }

    [Fact]
    public async Task A_demoted_admins_cookie_no_longer_opens_the_back_office()
    {
        var (browser, _, email) = await SignedInAsync("Promoted");
        var userId = await UserIdAsync(email);
        (await fixture.Admin.Client.PutApiAsync($"/api/v1/admin/customers/{userId}/roles", new { roles = new[] { "Admin", "Customer" } })).Expect(HttpStatusCode.OK);
        // The promotion ended the old session too; sign in again to get an admin's cookie.
        Assert.False(await SignedInAsync(browser));
        using (var login = await LoginAsync(browser, email, Password)) Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using (var admin = await browser.GetAsync("/admin")) Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        (await fixture.Admin.Client.PutApiAsync($"/api/v1/admin/customers/{userId}/roles", new { roles = new[] { "Customer" } })).Expect(HttpStatusCode.OK);

        using var after = await browser.GetAsync("/admin");
        Assert.StartsWith("/account/login", RedirectPath(after));
    }

    [Fact]
    public void Cookies_are_checked_every_30_seconds_by_default()
    {
        using var app = ShopperApp.Create();
        var options = app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), options.ValidationInterval);
    }
}
