using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

[Collection(StoreCollection.Name)]
public sealed class AccountTests(StoreFixture store, ITestOutputHelper output)
{
    private const string Password = "E2e-Customer-Pass1!";

    [Fact]
    public async Task Customer_registers_signs_out_and_signs_in_again()
    {
        await using var session = await store.OpenAsync(output, nameof(Customer_registers_signs_out_and_signs_in_again), StoreFixtureBase.Desktop);
        var page = session.Page;
        var email = $"e2e-{Guid.NewGuid():N}@example.com";
        const string firstName = "Marisol";

        var accountMenu = page.AppBar().GetByLabel("Account menu");
        var signInLink = page.AppBar().GetByRole(AriaRole.Link, new() { Name = "Sign in" });

        await session.StepAsync("empty register form shows the inline messages", async () =>
        {
            await session.GotoAsync("/account/register");
            await Expect(page.H1()).ToHaveTextAsync("Create an account");
            await Expect(signInLink).ToBeVisibleAsync();
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex("/account/register$"));
            await Expect(page.GetByText("Enter your first name.", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText("Enter your last name.", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText("Enter your email address.", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText("Choose a password.", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText("Type the password again.", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(signInLink).ToBeVisibleAsync();
        });

        await session.StepAsync("register a new customer", async () =>
        {
            await page.GetByLabel("First name").FillAsync(firstName);
            await page.GetByLabel("Last name").FillAsync("Quintero");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByLabel("Confirm password").FillAsync(Password);
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex(@"^http://127\.0\.0\.1:\d+/$"));
            await Expect(accountMenu).ToBeVisibleAsync();
            await Expect(accountMenu).ToContainTextAsync(firstName);
            await Expect(signInLink).ToHaveCountAsync(0);
        });

        await session.StepAsync("sign out from the account menu", async () =>
        {
            await accountMenu.ClickAsync();
            var signOut = page.AppBar().GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" });
            await Expect(signOut).ToBeVisibleAsync();
            await session.NavigateAsync(() => signOut.ClickAsync());

            await Expect(signInLink).ToBeVisibleAsync();
            await Expect(accountMenu).ToBeHiddenAsync(); // on a shared page it is there, hidden, for store.js
        });

        await session.StepAsync("wrong password is refused", async () =>
        {
            await session.GotoAsync("/account/login");
            await Expect(page.H1()).ToHaveTextAsync("Sign in");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync("Not-The-Password-9!");
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync());

            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is not right.");
            await Expect(page).ToHaveURLAsync(new Regex("/account/login$"));
            await Expect(signInLink).ToBeVisibleAsync();
        });

        await session.StepAsync("sign in again", async () =>
        {
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(Password);
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex(@"^http://127\.0\.0\.1:\d+/$"));
            await Expect(accountMenu).ToContainTextAsync(firstName);
            var cookies = await session.Context.CookiesAsync();
            Assert.Contains(cookies, c => c.Name == "store.auth" && c.HttpOnly);
        });

        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_locked_out_shoppers_open_session_ends()
    {
        await using var session = await store.OpenAsync(output, nameof(A_locked_out_shoppers_open_session_ends), StoreFixtureBase.Desktop);
        var page = session.Page;
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, "Lockie", "Outram");

        await session.StepAsync("the shopper is signed in and looks at their orders", async () =>
        {
            await session.SignInAsync(customer, returnUrl: "/account/orders");
            await Expect(page).ToHaveURLAsync(new Regex("/account/orders$"));
            await Expect(page.AccountMenu()).ToContainTextAsync("Lockie");
        });

        await session.StepAsync("the shop owner locks the account through the API", async () =>
        {
            using var admin = await StoreApi.SignInAsAdminAsync(store.BaseAddress);
            var found = await admin.GetAsync($"admin/customers?search={Uri.EscapeDataString(customer.Email)}");
            var id = found.GetProperty("items")[0].GetProperty("id").GetString();
            var locked = await admin.PostAsync($"admin/customers/{id}/lock", new { });
            Assert.True(locked.GetProperty("isLocked").GetBoolean());
        });

        await session.StepAsync("the next click in the open browser lands on the sign-in page", async () =>
        {
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "My account" });
            await session.NavigateAsync(() => nav.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
            await Expect(page.H1()).ToHaveTextAsync("Sign in");
            await Expect(page.AccountMenu()).ToHaveCountAsync(0);
            await Expect(page.AppBar().GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        });

        await session.StepAsync("signing in again is refused", async () =>
        {
            await page.GetByLabel("Email").FillAsync(customer.Email);
            await page.GetByLabel("Password").FillAsync(customer.Password);
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex("/account/lockout$"));
            await Expect(page.H1()).ToHaveTextAsync("Account locked for a while");
        });
    }

    [Fact]
    public async Task A_new_customer_verifies_the_e_mail_address_from_the_account_page_on_a_phone()
    {
        await using var session = await store.OpenAsync(output, nameof(A_new_customer_verifies_the_e_mail_address_from_the_account_page_on_a_phone),
            StoreFixtureBase.Phone);
        var page = session.Page;
        var email = $"e2e-{Guid.NewGuid():N}@example.com";
        var verifyCard = page.GetByRole(AriaRole.Region, new() { Name = "Verify your e-mail address" });

        await session.StepAsync("register: a link is on its way", async () =>
        {
            await session.GotoAsync("/account/register");
            await page.GetByLabel("First name").FillAsync("Vera");
            await page.GetByLabel("Last name").FillAsync("Fye");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByLabel("Confirm password").FillAsync(Password);
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync());
            await Expect(page.Flash()).ToContainTextAsync($"We sent a link to {email} to verify your e-mail address.");
        });

        await session.StepAsync("the account page says the address is not verified yet", async () =>
        {
            await session.GotoAsync("/account");
            await Expect(verifyCard).ToBeVisibleAsync();
            await Expect(page.Locator(".email-state")).ToHaveTextAsync("Not verified yet");
        });

        await session.StepAsync("a new link can be sent", async () =>
        {
            await session.NavigateAsync(() => verifyCard.GetByRole(AriaRole.Button, new() { Name = "Send a new link" }).ClickAsync());
            await Expect(page.Flash()).ToContainTextAsync($"We sent a new verification link to {email}.");
            Assert.Equal(2, VerificationMails(email).Count);
        });

        await session.StepAsync("the link in the newest e-mail verifies the address", async () =>
        {
            var body = VerificationMails(email)[^1].TextBody;
            var link = Regex.Match(body, @"https?://\S+/account/verify-email\?token=\S+").Value;
            Assert.False(string.IsNullOrEmpty(link), body);
            await session.GotoAsync(new Uri(link).PathAndQuery);
            await Expect(page.H1()).ToHaveTextAsync("Your e-mail address is verified");
        });

        await session.StepAsync("the account page shows it verified", async () =>
        {
            await session.GotoAsync("/account");
            await Expect(page.Locator(".email-state")).ToHaveTextAsync("Verified");
            await Expect(verifyCard).ToHaveCountAsync(0);
        });
    }

    /// <summary>The verification e-mails the store wrote for an address into its mail pickup folder, oldest first.</summary>
    private List<MimeKit.MimeMessage> VerificationMails(string email)
    {
        var folder = Path.Combine(store.Server.DataPath, "mail");
        return Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => MimeKit.MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == email) && m.Subject.StartsWith("Verify your e-mail address", StringComparison.Ordinal))
            .ToList();
    }
}
