using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ecommerce.Tests.Unit.Infrastructure;
using MimeKit;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>/api/v1/users: profile and passwords. Every test uses its own customer.</summary>
public partial class UserProfileApiTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;
    private HttpClient Anonymous { get; } = fixture.App.CreateRawClient();

    private Task<ApiReply> Login(string email, string password) => Anonymous.PostApiAsync("/api/v1/auth/login", new { email, password });
    private Task<ApiReply> Refresh(string refreshToken) => Anonymous.PostApiAsync("/api/v1/auth/refresh", new { refreshToken });

    [Fact]
    public async Task Profile_shows_the_account_with_its_addresses()
    {
        using var customer = await App.RegisterCustomerAsync(firstName: "John", lastName: "Doe");
        (await customer.Client.PutApiAsync("/api/v1/users/profile", new { firstName = "John", lastName = "Doe", phoneNumber = "+1 (555) 123-4567", dateOfBirth = "1990-01-15" }))
            .Expect(HttpStatusCode.OK);
        var addressId = await customer.AddAddressAsync("123 Main St", "New York");

        var profile = (await customer.Client.GetApiAsync("/api/v1/users/profile")).Data();
        Assert.Equal(["id", "email", "emailVerified", "firstName", "lastName", "phoneNumber", "dateOfBirth", "addresses", "createdAt", "updatedAt"],
            ApiAssert.PropertyNames(profile));
        Assert.Equal(customer.UserId, profile.Str("id"));
        Assert.Equal(customer.Email, profile.Str("email"));
        Assert.Equal("John", profile.Str("firstName"));
        Assert.Equal("Doe", profile.Str("lastName"));
        Assert.Equal("+1 (555) 123-4567", profile.Str("phoneNumber"));
        Assert.Equal("1990-01-15", profile.Str("dateOfBirth"));
        ApiAssert.UtcTimestamp(profile.GetProperty("createdAt"));
        ApiAssert.UtcTimestamp(profile.GetProperty("updatedAt"));

        var address = Assert.Single(profile.GetProperty("addresses").EnumerateArray());
        Assert.Equal(addressId, address.Id());
        Assert.Equal("123 Main St", address.Str("street"));
        Assert.Equal("New York", address.Str("city"));
        Assert.Equal("OR", address.Str("state"));
        Assert.Equal("97201", address.Str("zipCode"));
        Assert.Equal("USA", address.Str("country"));
        Assert.True(address.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task A_new_profile_has_no_date_of_birth_and_no_addresses()
    {
        using var customer = await App.RegisterCustomerAsync();
        var profile = (await customer.Client.GetApiAsync("/api/v1/users/profile")).Data();
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("dateOfBirth").ValueKind);
        Assert.Equal(0, profile.GetProperty("addresses").GetArrayLength());
    }

    [Fact]
    public async Task Updating_the_profile_changes_it()
    {
        using var customer = await App.RegisterCustomerAsync(firstName: "John", lastName: "Doe");
        var reply = await customer.Client.PutApiAsync("/api/v1/users/profile",
            new { firstName = " Jane ", lastName = "Smith", phoneNumber = "+44 20 7946 0958", dateOfBirth = "1985-12-31" });
        var data = reply.Data();
        Assert.Equal("Profile updated successfully", reply.Body.Str("message"));
        Assert.Equal("Jane", data.Str("firstName"));
        Assert.Equal("Smith", data.Str("lastName"));
        Assert.Equal("1985-12-31", data.Str("dateOfBirth"));

        var profile = (await customer.Client.GetApiAsync("/api/v1/users/profile")).Data();
        Assert.Equal("Jane", profile.Str("firstName"));
        Assert.Equal("Smith", profile.Str("lastName"));
        Assert.Equal("+44 20 7946 0958", profile.Str("phoneNumber"));
        Assert.Equal("1985-12-31", profile.Str("dateOfBirth"));
        // The e-mail is not part of the profile update.
        Assert.Equal(customer.Email, profile.Str("email"));
    }

    [Fact]
    public async Task A_missing_first_name_is_400_naming_first_name()
    {
        using var customer = await App.RegisterCustomerAsync(firstName: "John");
        var reply = await customer.Client.PutApiAsync("/api/v1/users/profile", new { lastName = "Doe" });
        reply.Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "firstName");
        Assert.Equal(["firstName"], reply.ErrorFields);
        Assert.Equal("John", (await customer.Client.GetApiAsync("/api/v1/users/profile")).Data().Str("firstName"));
    }

    [Fact]
    public async Task A_date_of_birth_in_the_future_is_400()
    {
        using var customer = await App.RegisterCustomerAsync();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd");
        (await customer.Client.PutApiAsync("/api/v1/users/profile", new { firstName = "A", lastName = "B", dateOfBirth = tomorrow }))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "dateOfBirth");
        (await customer.Client.PutApiAsync("/api/v1/users/profile", new { firstName = "A", lastName = "B", dateOfBirth = "1850-01-01" }))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "dateOfBirth");
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("12")]
    [InlineData("+1 555 CALL NOW")]
    public async Task A_bad_phone_number_is_400(string phoneNumber)
    {
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.PutApiAsync("/api/v1/users/profile", new { firstName = "A", lastName = "B", phoneNumber }))
            .Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "phoneNumber");
    }

    [Theory]
    [InlineData("\"15/01/1990\"")]
    [InlineData("\"1990-13-45\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("19900115")]
    public async Task A_malformed_date_of_birth_is_400_invalid_format_not_500(string value)
    {
        using var customer = await App.RegisterCustomerAsync();
        var reply = await customer.Client.PutApiAsync("/api/v1/users/profile",
            new RawJson($$"""{ "firstName": "A", "lastName": "B", "dateOfBirth": {{value}} }"""));
        reply.Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "dateOfBirth");
    }

    [Fact]
    public async Task Change_password_with_a_wrong_current_password_is_400_naming_current_password()
    {
        using var customer = await App.RegisterCustomerAsync();
        var reply = await customer.Client.PostApiAsync("/api/v1/users/change-password",
            new { currentPassword = "Not-The-Passw0rd!", newPassword = "Brand-New-Passw0rd!", confirmPassword = "Brand-New-Passw0rd!" });
        reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "currentPassword");
        (await Login(customer.Email, customer.Password)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Change_password_to_a_weak_one_is_400_naming_new_password()
    {
        using var customer = await App.RegisterCustomerAsync();
        var reply = await customer.Client.PostApiAsync("/api/v1/users/change-password",
            new { currentPassword = customer.Password, newPassword = "weak", confirmPassword = "weak" });
        reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "newPassword");
        Assert.Equal(["newPassword"], reply.ErrorFields);
    }

    [Fact]
    public async Task Change_password_with_a_mismatched_confirmation_is_400_naming_confirm_password()
    {
        using var customer = await App.RegisterCustomerAsync();
        var reply = await customer.Client.PostApiAsync("/api/v1/users/change-password",
            new { currentPassword = customer.Password, newPassword = "Brand-New-Passw0rd!", confirmPassword = "Brand-New-Passw0rd?" });
        reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "confirmPassword");
        Assert.Equal(["confirmPassword"], reply.ErrorFields);
        (await Login(customer.Email, customer.Password)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Changing_the_password_revokes_refresh_tokens_and_the_new_password_signs_in()
    {
        using var customer = await App.RegisterCustomerAsync();
        const string newPassword = "Brand-New-Passw0rd!";
        var reply = await customer.Client.PostApiAsync("/api/v1/users/change-password",
            new { currentPassword = customer.Password, newPassword, confirmPassword = newPassword });
        reply.Expect(HttpStatusCode.OK);
        Assert.True(reply.Body.GetProperty("success").GetBoolean());
        Assert.Equal("Password changed successfully", reply.Body.Str("message"));

        (await Refresh(customer.RefreshToken)).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");
        (await Login(customer.Email, customer.Password)).Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var login = (await Login(customer.Email, newPassword)).Data();
        (await Refresh(login.Str("refreshToken"))).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_known_and_unknown_emails_and_mails_only_the_known_one()
    {
        using var customer = await App.RegisterCustomerAsync();
        var unknown = ApiSessions.NewEmail("nobody");

        var known = await Anonymous.PostApiAsync("/api/v1/users/forgot-password", new { email = customer.Email });
        var other = await Anonymous.PostApiAsync("/api/v1/users/forgot-password", new { email = unknown });

        known.Expect(HttpStatusCode.OK);
        other.Expect(HttpStatusCode.OK);
        Assert.Equal(known.Body.Str("message"), other.Body.Str("message"));
        Assert.Equal(ApiAssert.PropertyNames(known.Body), ApiAssert.PropertyNames(other.Body));

        var mail = Assert.Single(MailsTo(customer.Email));
        Assert.Empty(MailsTo(unknown));
        var (email, token) = ResetLink(mail);
        Assert.Equal(customer.Email, email);
        Assert.False(string.IsNullOrWhiteSpace(token));
    }

    [Fact]
    public async Task The_reset_link_does_not_follow_a_host_header_sent_by_the_requester()
    {
        // Anyone can ask for a reset of someone else's account; if the mailed link took its host from the request,
        // an attacker could send the victim a genuine reset token pointing at the attacker's site.
        using var victim = await App.RegisterCustomerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users/forgot-password")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = victim.Email }),
        };
        request.Headers.Host = "attacker.example";
        using var response = await Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var mail = Assert.Single(MailsTo(victim.Email));
        Assert.DoesNotContain("attacker.example", mail.TextBody);
        Assert.DoesNotContain("attacker.example", mail.HtmlBody);
    }

    [Fact]
    public async Task Forgot_password_with_an_invalid_email_is_400()
    {
        (await Anonymous.PostApiAsync("/api/v1/users/forgot-password", new { email = "not an email" }))
            .Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "email");
        (await Anonymous.PostApiAsync("/api/v1/users/forgot-password", new { }))
            .Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "email");
    }

    [Fact]
    public async Task Resetting_with_the_mailed_token_sets_the_password_and_revokes_refresh_tokens()
    {
        using var customer = await App.RegisterCustomerAsync();
        (await Anonymous.PostApiAsync("/api/v1/users/forgot-password", new { email = customer.Email })).Expect(HttpStatusCode.OK);
        var (email, token) = ResetLink(Assert.Single(MailsTo(customer.Email)));

        const string newPassword = "Reset-Passw0rd-789!";
        var reply = await Anonymous.PostApiAsync("/api/v1/users/reset-password",
            new { email, token, newPassword, confirmPassword = newPassword });
        reply.Expect(HttpStatusCode.OK);
        Assert.True(reply.Body.GetProperty("success").GetBoolean());

        (await Login(customer.Email, newPassword)).Expect(HttpStatusCode.OK);
        (await Login(customer.Email, customer.Password)).Expect(HttpStatusCode.Unauthorized);
        (await Refresh(customer.RefreshToken)).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");

        // The token works once.
        (await Anonymous.PostApiAsync("/api/v1/users/reset-password", new { email, token, newPassword = "Another-Passw0rd-1!", confirmPassword = "Another-Passw0rd-1!" }))
            .Error(HttpStatusCode.BadRequest, "INVALID_TOKEN", "token");
    }

    [Fact]
    public async Task A_password_reset_unlocks_a_locked_account()
    {
        using var customer = await App.RegisterCustomerAsync();
        // Locked as many failed sign-ins from many places (Auth:LockoutThreshold) leave it.
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == customer.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(15))));
        (await Login(customer.Email, customer.Password)).Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        (await Anonymous.PostApiAsync("/api/v1/users/forgot-password", new { email = customer.Email })).Expect(HttpStatusCode.OK);
        var (email, token) = ResetLink(Assert.Single(MailsTo(customer.Email)));
        const string newPassword = "Unlocked-Passw0rd-1!";
        (await Anonymous.PostApiAsync("/api/v1/users/reset-password", new { email, token, newPassword, confirmPassword = newPassword }))
            .Expect(HttpStatusCode.OK);

        (await Login(customer.Email, newPassword)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reset_password_validates_the_new_password_and_its_confirmation()
    {
        using var customer = await App.RegisterCustomerAsync();
        var weak = await Anonymous.PostApiAsync("/api/v1/users/reset-password", new { email = customer.Email, token = "x", newPassword = "weak", confirmPassword = "weak" });
        weak.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "newPassword");
        var mismatch = await Anonymous.PostApiAsync("/api/v1/users/reset-password",
            new { email = customer.Email, token = "x", newPassword = "Good-Passw0rd-1!", confirmPassword = "Good-Passw0rd-2!" });
        mismatch.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "confirmPassword");
        var missing = await Anonymous.PostApiAsync("/api/v1/users/reset-password", new { });
        Assert.Equal(["email", "newPassword", "token"], missing.Expect(HttpStatusCode.BadRequest).ErrorFields.Order());
    }

    [Theory]
    [InlineData("not-base64-!!")]
    [InlineData("Q2ZESjhBQUFBQUFBQUFB")]
    public async Task Resetting_with_a_bad_token_is_400_naming_token(string token)
    {
        using var customer = await App.RegisterCustomerAsync();
        var reply = await Anonymous.PostApiAsync("/api/v1/users/reset-password",
            new { email = customer.Email, token, newPassword = "Reset-Passw0rd-789!", confirmPassword = "Reset-Passw0rd-789!" });
        reply.Error(HttpStatusCode.BadRequest, "INVALID_TOKEN", "token");
        (await Login(customer.Email, customer.Password)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_accounts_reset_token_does_not_reset_this_account()
    {
        using var victim = await App.RegisterCustomerAsync();
        using var attacker = await App.RegisterCustomerAsync();
        (await Anonymous.PostApiAsync("/api/v1/users/forgot-password", new { email = attacker.Email })).Expect(HttpStatusCode.OK);
        var (_, token) = ResetLink(Assert.Single(MailsTo(attacker.Email)));

        (await Anonymous.PostApiAsync("/api/v1/users/reset-password",
                new { email = victim.Email, token, newPassword = "Stolen-Passw0rd-1!", confirmPassword = "Stolen-Passw0rd-1!" }))
            .Error(HttpStatusCode.BadRequest, "INVALID_TOKEN", "token");
        (await Login(victim.Email, victim.Password)).Expect(HttpStatusCode.OK);
    }

    /// <summary>The password-reset messages in the app's mail pickup folder addressed to this address.</summary>
    private List<MimeMessage> MailsTo(string address) => App.MailsTo(address, Mailbox.ResetSubject);

    /// <summary>The email and token of the reset link in a message (decoded from its transfer encoding by MimeKit).</summary>
    private static (string Email, string Token) ResetLink(MimeMessage message)
    {
        var match = ResetLinkPattern().Match(message.TextBody);
        Assert.True(match.Success, $"No reset link in: {message.TextBody}");
        var html = message.HtmlBody;
        Assert.Contains("/account/reset-password?email=", html);
        return (Uri.UnescapeDataString(match.Groups["email"].Value), Uri.UnescapeDataString(match.Groups["token"].Value));
    }

    [GeneratedRegex(@"https?://[^\s/]+/account/reset-password\?email=(?<email>[^&\s]+)&token=(?<token>[^\s&]+)")]
    private static partial Regex ResetLinkPattern();
}

/// <summary>/api/v1/users/addresses: the address book. Every test uses its own customer.</summary>
public class AddressApiTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;

    private static async Task<List<JsonElement>> Addresses(ApiSession customer) =>
        (await customer.Client.GetApiAsync("/api/v1/users/addresses")).Data().EnumerateArray().ToList();

    [Fact]
    public async Task The_first_address_is_201_and_becomes_the_default()
    {
        using var customer = await App.RegisterCustomerAsync();
        var reply = await customer.Client.PostApiAsync("/api/v1/users/addresses",
            new { street = "456 Oak Ave", city = "Los Angeles", state = "CA", zipCode = "90001", country = "USA", isDefault = false });
        var data = reply.Data(HttpStatusCode.Created);
        var id = data.Id();
        Assert.Equal("456 Oak Ave", data.Str("street"));
        Assert.Equal("Los Angeles", data.Str("city"));
        Assert.Equal("CA", data.Str("state"));
        Assert.Equal("90001", data.Str("zipCode"));
        Assert.Equal("USA", data.Str("country"));
        Assert.True(data.GetProperty("isDefault").GetBoolean());

        var saved = Assert.Single(await Addresses(customer));
        Assert.Equal(id, saved.Id());
        Assert.True(saved.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task A_second_address_is_not_the_default_unless_asked()
    {
        using var customer = await App.RegisterCustomerAsync();
        var first = await customer.AddAddressAsync("1 First St");
        var second = await customer.AddAddressAsync("2 Second St");

        var all = await Addresses(customer);
        Assert.True(all.Single(a => a.Id() == first).GetProperty("isDefault").GetBoolean());
        Assert.False(all.Single(a => a.Id() == second).GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task A_new_default_address_makes_the_previous_one_not_default()
    {
        using var customer = await App.RegisterCustomerAsync();
        var first = await customer.AddAddressAsync("1 First St");
        var second = await customer.AddAddressAsync("2 Second St", isDefault: true);

        var all = await Addresses(customer);
        Assert.False(all.Single(a => a.Id() == first).GetProperty("isDefault").GetBoolean());
        Assert.True(all.Single(a => a.Id() == second).GetProperty("isDefault").GetBoolean());
        Assert.Single(all, a => a.GetProperty("isDefault").GetBoolean());

        // Making the first the default again through PUT moves the flag back: still at most one.
        (await customer.Client.PutApiAsync($"/api/v1/users/addresses/{first}", ShopData.AddressBody("1 First St", isDefault: true))).Data();
        all = await Addresses(customer);
        Assert.True(all.Single(a => a.Id() == first).GetProperty("isDefault").GetBoolean());
        Assert.Single(all, a => a.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Put_updates_the_address()
    {
        using var customer = await App.RegisterCustomerAsync();
        var id = await customer.AddAddressAsync("456 Oak Ave", "Los Angeles");
        var reply = await customer.Client.PutApiAsync($"/api/v1/users/addresses/{id}",
            new { street = "456 Oak Avenue", city = "Santa Monica", state = "CA", zipCode = "90401", country = "USA", isDefault = true });
        var data = reply.Data();
        Assert.Equal(id, data.Id());
        Assert.Equal("456 Oak Avenue", data.Str("street"));

        var saved = Assert.Single(await Addresses(customer));
        Assert.Equal("456 Oak Avenue", saved.Str("street"));
        Assert.Equal("Santa Monica", saved.Str("city"));
        Assert.Equal("90401", saved.Str("zipCode"));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("0")]
    public async Task Put_and_delete_of_an_unknown_address_are_404(string id)
    {
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.PutApiAsync($"/api/v1/users/addresses/{id}", ShopData.AddressBody())).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await customer.Client.DeleteApiAsync($"/api/v1/users/addresses/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Another_customers_address_is_404_everywhere_and_stays_unchanged()
    {
        using var owner = await App.RegisterCustomerAsync();
        using var other = await App.RegisterCustomerAsync();
        var id = await owner.AddAddressAsync("1 Owner Rd", "Salem");

        (await other.Client.PutApiAsync($"/api/v1/users/addresses/{id}", ShopData.AddressBody("Hijacked"))).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Client.DeleteApiAsync($"/api/v1/users/addresses/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Empty(await Addresses(other));
        Assert.DoesNotContain((await other.Client.GetApiAsync("/api/v1/users/profile")).Data().GetProperty("addresses").EnumerateArray(), a => a.Id() == id);

        // Ordering to it is refused too.
        var product = await App.AddProductAsync(10m);
        await other.AddToCartAsync(product);
        (await other.Client.PostApiAsync("/api/v1/orders", new { shippingAddressId = id.ToString(), paymentMethodId = "bank_transfer" }))
            .Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Client.PostApiAsync("/api/v1/orders", new { shippingAddress = ShopData.AddressBody(), billingAddressId = id.ToString(), paymentMethodId = "bank_transfer" }))
            .Error(HttpStatusCode.NotFound, "NOT_FOUND");

        var saved = Assert.Single(await Addresses(owner));
        Assert.Equal("1 Owner Rd", saved.Str("street"));
    }

    [Fact]
    public async Task Delete_is_204_then_404()
    {
        using var customer = await App.RegisterCustomerAsync();
        var id = await customer.AddAddressAsync();
        var reply = await customer.Client.DeleteApiAsync($"/api/v1/users/addresses/{id}");
        reply.Expect(HttpStatusCode.NoContent);
        Assert.Equal("", reply.RawBody);
        Assert.Empty(await Addresses(customer));
        (await customer.Client.DeleteApiAsync($"/api/v1/users/addresses/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Required_fields_are_listed_one_error_each()
    {
        using var customer = await App.RegisterCustomerAsync();
        var reply = await customer.Client.PostApiAsync("/api/v1/users/addresses", new { state = "CA", street = "   " });
        reply.Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["city", "country", "street", "zipCode"], reply.ErrorFields.Order());
        foreach (var field in new[] { "street", "city", "zipCode", "country" })
            reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
        Assert.Empty(await Addresses(customer));
    }

    [Theory]
    [InlineData("street")]
    [InlineData("city")]
    [InlineData("zipCode")]
    [InlineData("country")]
    public async Task Each_required_field_is_named_when_missing_on_post_and_put(string field)
    {
        using var customer = await App.RegisterCustomerAsync();
        var body = new Dictionary<string, object?> { ["street"] = "1 Main St", ["city"] = "Portland", ["zipCode"] = "97201", ["country"] = "USA" };
        body.Remove(field);

        var post = await customer.Client.PostApiAsync("/api/v1/users/addresses", body);
        post.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
        Assert.Equal([field], post.ErrorFields);

        var id = await customer.AddAddressAsync();
        var put = await customer.Client.PutApiAsync($"/api/v1/users/addresses/{id}", body);
        put.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
    }

    [Fact]
    public async Task An_address_book_holds_at_most_twenty_addresses()
    {
        using var customer = await App.RegisterCustomerAsync();
        for (var i = 0; i < 20; i++) await customer.AddAddressAsync($"{i} Main St");
        (await customer.Client.PostApiAsync("/api/v1/users/addresses", ShopData.AddressBody("21 Main St")))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "addresses");
        Assert.Equal(20, (await Addresses(customer)).Count);
        Assert.Single(await Addresses(customer), a => a.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Too_long_values_are_400_naming_the_field()
    {
        using var customer = await App.RegisterCustomerAsync();
        var reply = await customer.Client.PostApiAsync("/api/v1/users/addresses",
            new { street = new string('s', 201), city = "Portland", zipCode = new string('9', 21), country = "USA" });
        Assert.Equal(["street", "zipCode"], reply.Expect(HttpStatusCode.BadRequest).ErrorFields.Order());
    }
}
