using System.Net;
using System.Text.RegularExpressions;
using Ecommerce.Tests.Unit.Infrastructure;
using MimeKit;
using static Ecommerce.Tests.Unit.Infrastructure.AccountForms;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// E-mail verification (issue 8, item 14): registration mails a link, the link and POST /auth/verify-email confirm the
/// address, POST /auth/resend-verification answers the same for every address, and Auth:RequireVerifiedEmailToOrder
/// decides whether an unverified account may order.
/// </summary>
public partial class EmailVerificationTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;
    private HttpClient Anonymous { get; } = fixture.App.CreateRawClient();

    /// <summary>The token of the newest verification e-mail to the address (from its link).</summary>
    private static string TokenIn(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody);
        Assert.True(match.Success, $"No verification link in: {message.TextBody}");
        Assert.Contains("/account/verify-email?token=", message.HtmlBody);
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    private string LatestToken(string email) => TokenIn(App.MailsTo(email, Mailbox.VerificationSubject).Last());

    private async Task<bool> VerifiedAsync(ApiSession session) =>
        (await session.Client.GetApiAsync("/api/v1/users/profile")).Data().GetProperty("emailVerified").GetBoolean();

    [Fact]
    public async Task Registration_mails_a_link_and_the_api_confirms_the_address_with_its_token()
    {
        using var customer = await App.RegisterCustomerAsync();
        Assert.False(await VerifiedAsync(customer));
        var mail = Assert.Single(App.MailsTo(customer.Email, Mailbox.VerificationSubject));
        Assert.StartsWith("http://localhost:5080/account/verify-email?token=", LinkPattern().Match(mail.TextBody).Value);

        var verified = await Anonymous.PostApiAsync("/api/v1/auth/verify-email", new { token = TokenIn(mail) });
        Assert.Equal("Email verified successfully", verified.Expect(HttpStatusCode.OK).Body.Str("message"));
        Assert.True(await VerifiedAsync(customer));

        // Using the link again is harmless.
        (await Anonymous.PostApiAsync("/api/v1/auth/verify-email", new { token = TokenIn(mail) })).Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !!")]
    [InlineData("bm8tc2VwYXJhdG9y")]                   // "no-separator"
    [InlineData("c29tZW9uZTpzb21ldGhpbmc")]            // "someone:something": an unknown account
    public async Task A_bad_token_is_400_naming_token(string token)
    {
        var reply = await Anonymous.PostApiAsync("/api/v1/auth/verify-email", new { token });
        reply.Error(HttpStatusCode.BadRequest, token.Length == 0 ? "REQUIRED_FIELD" : "INVALID_TOKEN", "token");
    }

    [Fact]
    public async Task Another_accounts_token_or_a_forged_one_does_not_verify_this_account()
    {
        using var victim = await App.RegisterCustomerAsync();
        using var attacker = await App.RegisterCustomerAsync();
        var attackersIdentityToken = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(LatestToken(attacker.Email))).Split(':', 2)[1];
        var forged = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"{victim.UserId}:{attackersIdentityToken}"));

        (await Anonymous.PostApiAsync("/api/v1/auth/verify-email", new { token = forged })).Error(HttpStatusCode.BadRequest, "INVALID_TOKEN", "token");
        Assert.False(await VerifiedAsync(victim));
    }

    [Fact]
    public async Task Resend_answers_the_same_for_every_address_and_mails_only_unverified_accounts()
    {
        using var unverified = await App.RegisterCustomerAsync();
        using var verified = await App.RegisterCustomerAsync();
        (await Anonymous.PostApiAsync("/api/v1/auth/verify-email", new { token = LatestToken(verified.Email) })).Expect(HttpStatusCode.OK);
        var nobody = ApiSessions.NewEmail("nobody");

        var replies = new[]
        {
            await Anonymous.PostApiAsync("/api/v1/auth/resend-verification", new { email = unverified.Email }),
            await Anonymous.PostApiAsync("/api/v1/auth/resend-verification", new { email = verified.Email }),
            await Anonymous.PostApiAsync("/api/v1/auth/resend-verification", new { email = nobody }),
        };
        Assert.All(replies, r => r.Expect(HttpStatusCode.OK));
        Assert.Single(replies.Select(r => r.Body.Str("message")).Distinct());

        Assert.Equal(2, App.MailsTo(unverified.Email, Mailbox.VerificationSubject).Count);
        Assert.Single(App.MailsTo(verified.Email, Mailbox.VerificationSubject));
        Assert.Empty(App.MailsTo(nobody));

        // The newest link works.
        (await Anonymous.PostApiAsync("/api/v1/auth/verify-email", new { token = LatestToken(unverified.Email) })).Expect(HttpStatusCode.OK);
        Assert.True(await VerifiedAsync(unverified));
    }

    [Fact]
    public async Task Resend_with_a_missing_or_malformed_email_is_400()
    {
        (await Anonymous.PostApiAsync("/api/v1/auth/resend-verification", new { })).Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "email");
        (await Anonymous.PostApiAsync("/api/v1/auth/resend-verification", new { email = "not an email" })).Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "email");
    }

    [Fact]
    public async Task The_link_opens_a_page_that_verifies_and_a_bad_link_says_so()
    {
        using var customer = await App.RegisterCustomerAsync();
        var link = LinkPattern().Match(App.MailsTo(customer.Email, Mailbox.VerificationSubject).Single().TextBody).Value;

        var (response, page) = await App.CreateRawClient().GetPageAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Your e-mail address is verified", page.QuerySelector("h1")!.Text());
        Assert.True(await VerifiedAsync(customer));

        var (bad, badPage) = await App.CreateRawClient().GetPageAsync("/account/verify-email?token=bm9wZQ");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("This link does not work", badPage.QuerySelector("h1")!.Text());
        Assert.Contains("not valid or has expired", badPage.QuerySelector("[role=alert]")!.Text());
    }

    [Fact]
    public async Task The_account_page_shows_the_state_and_sends_a_new_link()
    {
        var browser = App.CreateBrowserClient();
        var email = NewEmail();
        using (var registered = await RegisterAsync(browser, email)) Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var (_, page) = await browser.GetPageAsync("/account");
        Assert.Equal("Not verified yet", page.QuerySelector(".email-state")!.Text());
        var form = page.QuerySelector("form[name='resend-verification'], section.verify-card form")!;
        Assert.Equal("Send a new link", form.QuerySelector("button")!.Text());

        using var sent = await browser.PostAsync("/account", new FormUrlEncodedContent(form.HiddenFields()));
        Assert.Equal("/account", RedirectPath(sent));
        Assert.Equal(2, App.MailsTo(email, Mailbox.VerificationSubject).Count);
        var (_, after) = await browser.GetPageAsync("/account");
        Assert.Contains($"We sent a new verification link to {email}.", after.Body!.TextContent);

        (await Anonymous.PostApiAsync("/api/v1/auth/verify-email", new { token = LatestToken(email) })).Expect(HttpStatusCode.OK);
        var (_, verified) = await browser.GetPageAsync("/account");
        Assert.Equal("Verified", verified.QuerySelector(".email-state")!.Text());
        Assert.Null(verified.QuerySelector("section.verify-card"));
    }

    [Fact]
    public async Task Without_the_setting_an_unverified_account_orders_and_registration_says_verification_is_not_required()
    {
        var data = (await Anonymous.PostApiAsync("/api/v1/auth/register",
            new { email = ApiSessions.NewEmail(), password = ApiSessions.CustomerPassword, firstName = "A", lastName = "B" })).Data(HttpStatusCode.Created);
        Assert.False(data.GetProperty("emailVerificationRequired").GetBoolean());

        using var customer = await App.RegisterCustomerAsync();
        var product = await App.AddProductAsync(9m);
        await customer.AddToCartAsync(product);
        Assert.Equal("pending", (await customer.PlaceOrderAsync()).Str("status"));
    }

    [GeneratedRegex(@"https?://[^\s/]+/account/verify-email\?token=(?<token>[^\s&]+)")]
    private static partial Regex LinkPattern();
}

/// <summary>A store that wants verified addresses before orders (Auth:RequireVerifiedEmailToOrder = true).</summary>
public class RequiredEmailVerificationTests
{
    [Fact]
    public async Task An_unverified_account_cannot_order_until_it_verifies()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Auth:RequireVerifiedEmailToOrder"] = "true" });
        using var anonymous = app.CreateRawClient();
        var email = ApiSessions.NewEmail();
        var registered = await anonymous.PostApiAsync("/api/v1/auth/register",
            new { email, password = ApiSessions.CustomerPassword, firstName = "A", lastName = "B" });
        Assert.True(registered.Data(HttpStatusCode.Created).GetProperty("emailVerificationRequired").GetBoolean());
        Assert.Equal("Registration successful. Please verify your email.", registered.Body.Str("message"));

        using var customer = await app.SignInAsync(email, ApiSessions.CustomerPassword);
        var product = await app.AddProductAsync(9m, stock: 3);
        await customer.AddToCartAsync(product);
        var body = new { shippingAddress = ShopData.AddressBody(), paymentMethodId = "bank_transfer" };

        var refused = await customer.Client.PostApiAsync("/api/v1/orders", body);
        Assert.Contains("Verify your e-mail address", refused.Error(HttpStatusCode.Forbidden, "EMAIL_NOT_VERIFIED").ErrorMessage());
        Assert.Equal(3, await app.StockOfAsync(product));
        Assert.Single((await customer.CartAsync()).GetProperty("items").EnumerateArray());

        var mail = app.MailsTo(email, Mailbox.VerificationSubject).Single();
        var token = Uri.UnescapeDataString(Regex.Match(mail.TextBody, @"verify-email\?token=(?<t>[^\s&]+)").Groups["t"].Value);
        (await anonymous.PostApiAsync("/api/v1/auth/verify-email", new { token })).Expect(HttpStatusCode.OK);

        (await customer.Client.PostApiAsync("/api/v1/orders", body)).Expect(HttpStatusCode.Created);
    }
}

/// <summary>Asking for verification links is capped per address, silently (with the rate limits on).</summary>
public class VerificationMailCapTests
{
    [Fact]
    public async Task Verification_mails_to_one_address_are_capped_silently()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "true" });
        using var customer = await app.RegisterCustomerAsync();
        using var client = app.CreateRawClient();

        var messages = new List<string>();
        for (var i = 0; i < 5; i++)
            messages.Add((await client.From($"192.0.2.{40 + i}").PostApiAsync("/api/v1/auth/resend-verification", new { email = customer.Email }))
                .Expect(HttpStatusCode.OK).Body.Str("message"));

        Assert.Single(messages.Distinct());
        // The one sent at registration, then RateLimiting:VerificationMailsPerAddress (3) in this hour.
        Assert.Equal(4, app.MailsTo(customer.Email, Mailbox.VerificationSubject).Count);
    }
}
