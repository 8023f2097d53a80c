using System.Net;
using System.Text.Json;
using Ecommerce.Web.Hosting;
using AngleSharp.Html.Dom;
using Ecommerce.Shared.Customers;
using Ecommerce.Tests.Unit.Infrastructure;
using static Ecommerce.Tests.Unit.Infrastructure.AccountForms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Web;

/// <summary>A store without the demo catalog for the account pages; every test uses its own email address.</summary>
public sealed class AccountFixture : StoreAppFixture
{
    public AccountFixture() : base(new Dictionary<string, string?> { ["Seed:DemoCatalog"] = "false" }) { }
}

public class AccountPagesTests(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    [Theory]
    [InlineData("/account/login", "login-email", "login-password")]
    [InlineData("/account/register", "register-email", "register-password")]
    public async Task Account_pages_have_labelled_email_and_password_inputs(string url, string emailId, string passwordId)
    {
        var (response, document) = await fixture.App.CreateRawClient().GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal("Email", document.QuerySelector($"label[for='{emailId}']")!.Text());
        var email = (IHtmlInputElement)document.GetElementById(emailId)!;
        Assert.Equal("email", email.Type);
        Assert.Equal("Password", document.QuerySelector($"label[for='{passwordId}']")!.Text());
        var password = (IHtmlInputElement)document.GetElementById(passwordId)!;
        Assert.Equal("password", password.Type);

        var form = document.QuerySelector("form.form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("button[type='submit']"));
    }

    [Fact]
    public async Task Register_asks_for_first_and_last_name_and_a_confirmation()
    {
        var (_, document) = await fixture.App.CreateRawClient().GetPageAsync("/account/register");
        Assert.Equal("First name", document.QuerySelector("label[for='register-first']")!.Text());
        Assert.Equal("Last name", document.QuerySelector("label[for='register-last']")!.Text());
        Assert.Equal("Confirm password", document.QuerySelector("label[for='register-confirm']")!.Text());
        Assert.Equal("password", ((IHtmlInputElement)document.GetElementById("register-confirm")!).Type);
    }

    [Fact]
    public async Task Registering_signs_the_customer_in()
    {
        var client = fixture.App.CreateBrowserClient();
        var email = NewEmail();

        using var response = await RegisterAsync(client, email, firstName: "Marina");
        Assert.Equal("/", RedirectPath(response));
        Assert.Contains(response.SetCookies(), c => c.StartsWith("store.auth=", StringComparison.Ordinal));

        var (account, document) = await client.GetPageAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Equal("Marina", document.QuerySelector("details.store-menu .store-action__label")!.Text());
        Assert.Null(document.QuerySelector("a[href='/account/login']"));
        // Catalog pages are the same for everyone: the shopper's name reaches them through the summary.
        var summary = await client.GetJsonAsync(VisitorSummary.Path);
        Assert.True(summary.GetProperty("signedIn").GetBoolean());
        Assert.Equal("Marina", summary.GetProperty("firstName").GetString());

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.Equal("Marina", user.FirstName);
        Assert.Equal("Keel", user.LastName);
        Assert.True(await users.IsInRoleAsync(user, Roles.Customer));
        Assert.False(await users.IsInRoleAsync(user, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(user, Password));
    }

    [Fact]
    public async Task Registering_goes_back_to_a_local_return_url_only()
    {
        var client = fixture.App.CreateBrowserClient();
        using var local = await SubmitAsync(client, "/account/register?returnUrl=%2Fc%2Faudio", "form.form", new()
        {
            ["Input.FirstName"] = "Ana", ["Input.LastName"] = "Keel", ["Input.Email"] = NewEmail(),
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });
        Assert.Equal("/c/audio", RedirectPath(local));

        var other = fixture.App.CreateBrowserClient();
        using var external = await SubmitAsync(other, "/account/register?returnUrl=https%3A%2F%2Fevil.example%2F", "form.form", new()
        {
            ["Input.FirstName"] = "Ana", ["Input.LastName"] = "Keel", ["Input.Email"] = NewEmail(),
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });
        // Never off the site (RedirectPath checks the host); IdentityRedirectManagerTests pins where exactly it lands.
        var path = RedirectPath(external);
        Assert.StartsWith("/", path);
        Assert.False(path.StartsWith("//", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registering_an_email_twice_shows_an_error()
    {
        var email = NewEmail();
        using (var first = await RegisterAsync(fixture.App.CreateBrowserClient(), email))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var second = await RegisterAsync(fixture.App.CreateBrowserClient(), email.ToUpperInvariant(), firstName: "Other");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain(second.SetCookies(), c => c.StartsWith("store.auth=", StringComparison.Ordinal));
        var document = await second.ReadHtmlAsync();
        var alert = document.QuerySelector(".notice--error[role='alert']");
        Assert.NotNull(alert);
        Assert.Contains("An account with this email already exists", alert.Text());
        // The form keeps what was typed, except the password.
        Assert.Equal(email.ToUpperInvariant(), ((IHtmlInputElement)document.GetElementById("register-email")!).Value);
        Assert.DoesNotContain(Password, await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Registering_with_different_passwords_shows_an_error()
    {
        using var response = await RegisterAsync(fixture.App.CreateBrowserClient(), NewEmail(), confirm: "Something-Else-1!");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadHtmlAsync();
        Assert.Contains("The two passwords are not the same.", document.QuerySelectorAll(".field__error").Select(e => e.Text()));
    }

    [Fact]
    public async Task Registering_with_a_weak_password_shows_the_rule()
    {
        var email = NewEmail();
        using var response = await RegisterAsync(fixture.App.CreateBrowserClient(), email, password: "alllowercase");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadHtmlAsync();
        Assert.NotNull(document.QuerySelector(".notice--error[role='alert']"));

        await using var scope = fixture.App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_shows_an_error()
    {
        var email = NewEmail();
        using (await RegisterAsync(fixture.App.CreateBrowserClient(), email)) { }

        var client = fixture.App.CreateBrowserClient();
        using var response = await LoginAsync(client, email, "Wrong-Passw0rd!");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.SetCookies(), c => c.StartsWith("store.auth=", StringComparison.Ordinal));
        var document = await response.ReadHtmlAsync();
        Assert.Equal("The email or password is not right.", document.QuerySelector(".notice--error[role='alert']")!.Text());
        Assert.Equal("", ((IHtmlInputElement)document.GetElementById("login-password")!).Value);

        using var unknown = await LoginAsync(fixture.App.CreateBrowserClient(), NewEmail(), Password);
        Assert.Contains("The email or password is not right.", (await unknown.ReadHtmlAsync()).QuerySelector(".notice--error")!.Text());
    }

    [Fact]
    public async Task Signing_in_with_the_right_password_works()
    {
        var client = fixture.App.CreateBrowserClient();
        using var response = await LoginAsync(client, StoreApp.AdminEmail, StoreApp.AdminPassword);
        Assert.Equal("/", RedirectPath(response));
        Assert.Contains(response.SetCookies(), c => c.StartsWith("store.auth=", StringComparison.Ordinal));

        var (_, document) = await client.GetPageAsync("/account/orders");
        Assert.Equal("Store", document.QuerySelector("details.store-menu .store-action__label")!.Text());
        Assert.NotNull(document.QuerySelector("details.store-menu a[href='/api/docs']"));
        Assert.True((await client.GetJsonAsync(VisitorSummary.Path)).GetProperty("isAdmin").GetBoolean());
    }

    [Fact]
    public async Task Five_wrong_passwords_make_that_address_wait_but_not_the_owner_elsewhere()
    {
        var email = NewEmail();
        using (await RegisterAsync(fixture.App.CreateBrowserClient(), email)) { }

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await LoginAsync(fixture.App.CreateBrowserClient().From("203.0.113.30"), email, $"Wrong-Passw0rd-{i}!");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The email or password is not right", await wrong.Content.ReadAsStringAsync());
        }

        // From that address even the right password must wait now, and no session is made.
        using var right = await LoginAsync(fixture.App.CreateBrowserClient().From("203.0.113.30"), email, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter);
        Assert.Contains("Too many failed sign-ins from your network", await right.Content.ReadAsStringAsync());
        Assert.DoesNotContain(right.SetCookies(), c => c.StartsWith("store.auth=", StringComparison.Ordinal));

        // The owner, from another address, signs in.
        using var owner = await LoginAsync(fixture.App.CreateBrowserClient().From("198.51.100.31"), email, Password);
        Assert.Equal("/", RedirectPath(owner));
        Assert.Contains(owner.SetCookies(), c => c.StartsWith("store.auth=", StringComparison.Ordinal));

        var (lockout, page) = await fixture.App.CreateRawClient().GetPageAsync("/account/lockout");
        Assert.Equal(HttpStatusCode.OK, lockout.StatusCode);
        Assert.Contains("locked", page.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = fixture.App.CreateBrowserClient();
        using (var registered = await RegisterAsync(client, NewEmail(), firstName: "Oskar"))
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var (_, signedIn) = await client.GetPageAsync("/account");
        var form = signedIn.QuerySelector("form[action='/account/logout']");
        Assert.NotNull(form);
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("Sign out", form.QuerySelector("button[type='submit']")!.Text());

        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(form.HiddenFields()));
        Assert.Equal("/", RedirectPath(response));
        Assert.Contains(response.SetCookies(), c => c.StartsWith("store.auth=;", StringComparison.Ordinal));

        var (_, after) = await client.GetPageAsync("/cart");
        Assert.Null(after.QuerySelector("details.store-menu"));
        Assert.NotNull(after.QuerySelector("a[href^='/account/login']"));
        Assert.DoesNotContain("Oskar", after.Body!.TextContent);
        var summary = await client.GetJsonAsync(VisitorSummary.Path);
        Assert.False(summary.GetProperty("signedIn").GetBoolean());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("firstName").ValueKind);
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused()
    {
        var client = fixture.App.CreateBrowserClient();
        using (await RegisterAsync(client, NewEmail(), firstName: "Ines")) { }

        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, still) = await client.GetPageAsync("/account");
        Assert.Equal("Ines", still.QuerySelector("details.store-menu .store-action__label")!.Text());
    }

    [Fact]
    public async Task A_signed_in_customers_own_pages_name_them_and_catalog_pages_name_no_one()
    {
        var client = fixture.App.CreateBrowserClient();
        using (await RegisterAsync(client, NewEmail(), firstName: "Wren")) { }
        var (_, own) = await client.GetPageAsync("/account/orders");
        Assert.Equal("Wren", own.QuerySelector("details.store-menu .store-action__label")!.Text());
        var (_, catalog) = await client.GetPageAsync("/c/anything");
        Assert.DoesNotContain("Wren", catalog.Source.Text);
        Assert.Equal("Account", catalog.QuerySelector("a[data-store-account-link] .store-action__label")!.Text());
    }
}
