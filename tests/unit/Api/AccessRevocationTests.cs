using System.Net;
using Ecommerce.Shared.Customers;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// Access that is taken away ends at once (issue 8, items 1–2): an API access token speaks for its account only while
/// the account exists, is not locked by an admin and keeps the security stamp the token was issued with; its roles
/// are the account's current ones.
/// </summary>
public class AccessRevocationTests(ShopperAdminFixture fixture) : IClassFixture<ShopperAdminFixture>
{
    private StoreApp App => fixture.App;
    private ApiSession Admin => fixture.Admin;

    /// <summary>A new customer made an admin through the API, then signed in again so that their token carries the Admin role.</summary>
    private async Task<ApiSession> NewAdminAsync()
    {
        using var customer = await App.RegisterCustomerAsync(firstName: "Second", lastName: "Admin");
        (await Admin.Client.PutApiAsync($"/api/v1/admin/customers/{customer.UserId}/roles", new { roles = new[] { "Admin", "Customer" } }))
            .Expect(HttpStatusCode.OK);
        return await App.SignInAsync(customer.Email, customer.Password);
    }

    private static object CouponBody() => new { code = ShopData.NewCode("FREE"), type = "percentage", value = 100 };

    private static void Revoked(ApiReply reply, string? messagePart = null)
    {
        var error = reply.Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The token was revoked\"", reply.Header("WWW-Authenticate"));
        if (messagePart is not null) Assert.Contains(messagePart, error.ErrorMessage(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_deleted_admins_old_token_can_neither_create_a_coupon_nor_delete_customers()
    {
        using var second = await NewAdminAsync();
        using var victim = await App.RegisterCustomerAsync();
        (await second.Client.GetApiAsync("/api/v1/admin/customers")).Expect(HttpStatusCode.OK); // works while the account exists

        (await Admin.Client.DeleteApiAsync($"/api/v1/admin/customers/{second.UserId}")).Expect(HttpStatusCode.NoContent);

        Revoked(await second.Client.PostApiAsync("/api/v1/coupons", CouponBody()), "no longer exists");
        Revoked(await second.Client.DeleteApiAsync($"/api/v1/admin/customers/{victim.UserId}"));
        Assert.True(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == victim.UserId)));
        (await App.CreateRawClient().PostApiAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken }))
            .Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");
    }

    [Theory]
    [InlineData("GET", "/api/v1/users/profile")]
    [InlineData("GET", "/api/v1/cart")]
    [InlineData("GET", "/api/v1/orders")]
    [InlineData("GET", "/api/v1/favorites")]
    [InlineData("POST", "/api/v1/orders")]
    [InlineData("POST", "/api/v1/auth/logout")]
    public async Task A_token_of_an_account_that_no_longer_exists_is_401_everywhere(string method, string path)
    {
        using var customer = await App.RegisterCustomerAsync();
        (await Admin.Client.DeleteApiAsync($"/api/v1/admin/customers/{customer.UserId}")).Expect(HttpStatusCode.NoContent);

        Revoked(await customer.Client.CallAsync(new HttpMethod(method), path, method == "POST" ? new { } : null), "no longer exists");
    }

    [Fact]
    public async Task A_locked_customers_token_cannot_place_orders_and_unlocking_does_not_bring_it_back()
    {
        using var customer = await App.RegisterCustomerAsync();
        var product = await App.AddProductAsync(12m, stock: 5);
        await customer.AddToCartAsync(product);
        await customer.AddAddressAsync();

        var locked = (await Admin.Client.PostApiAsync($"/api/v1/admin/customers/{customer.UserId}/lock")).Data();
        Assert.True(locked.GetProperty("isLocked").GetBoolean());

        var order = await customer.Client.PostApiAsync("/api/v1/orders", new { shippingAddress = ShopData.AddressBody(), paymentMethodId = "bank_transfer" });
        Revoked(order, "locked");
        Assert.Equal(5, await App.StockOfAsync(product));
        Assert.Equal(0, await App.WithDbAsync(db => db.Orders.CountAsync(o => o.UserId == customer.UserId)));
        (await App.CreateRawClient().PostApiAsync("/api/v1/auth/refresh", new { refreshToken = customer.RefreshToken }))
            .Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");

        (await Admin.Client.PostApiAsync($"/api/v1/admin/customers/{customer.UserId}/unlock")).Expect(HttpStatusCode.OK);
        Revoked(await customer.Client.GetApiAsync("/api/v1/cart")); // the old token stays dead: sign in again
        using var again = await App.SignInAsync(customer.Email, customer.Password);
        (await again.Client.GetApiAsync("/api/v1/cart")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_demoted_admins_token_ends_and_a_new_one_carries_no_admin_role()
    {
        using var second = await NewAdminAsync();
        (await Admin.Client.PutApiAsync($"/api/v1/admin/customers/{second.UserId}/roles", new { roles = new[] { "Customer" } }))
            .Expect(HttpStatusCode.OK);

        Revoked(await second.Client.PostApiAsync("/api/v1/coupons", CouponBody()));
        using var again = await App.SignInAsync(second.Email, second.Password);
        (await again.Client.PostApiAsync("/api/v1/coupons", CouponBody())).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Roles_come_from_the_account_not_from_the_token()
    {
        // A role taken away without a new security stamp (as a script or another tool might) still applies at once.
        using var second = await NewAdminAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(second.UserId);
            Assert.True((await users.RemoveFromRoleAsync(user!, Roles.Admin)).Succeeded);
        }
        Assert.Contains("Admin", Tokens.ClaimValues(Tokens.Payload(second.AccessToken), "role"));

        (await second.Client.PostApiAsync("/api/v1/coupons", CouponBody())).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await second.Client.GetApiAsync("/api/v1/users/profile")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_old_access_token_and_refresh_token()
    {
        using var customer = await App.RegisterCustomerAsync();
        const string newPassword = "Changed-Passw0rd-1!";
        (await customer.Client.PostApiAsync("/api/v1/users/change-password",
            new { currentPassword = customer.Password, newPassword, confirmPassword = newPassword })).Expect(HttpStatusCode.OK);

        Revoked(await customer.Client.GetApiAsync("/api/v1/users/profile"), "sign in again");
        (await App.CreateRawClient().PostApiAsync("/api/v1/auth/refresh", new { refreshToken = customer.RefreshToken }))
            .Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");
        using var again = await App.SignInAsync(customer.Email, newPassword);
        (await again.Client.GetApiAsync("/api/v1/users/profile")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_of_all_sessions_ends_every_token_of_the_account()
    {
        using var customer = await App.RegisterCustomerAsync();
        using var laptop = await App.SignInAsync(customer.Email, customer.Password);

        (await customer.Client.PostApiAsync("/api/v1/auth/logout", new { allSessions = true })).Expect(HttpStatusCode.NoContent);

        Revoked(await customer.Client.GetApiAsync("/api/v1/cart"));
        Revoked(await laptop.Client.GetApiAsync("/api/v1/cart"));
        foreach (var refreshToken in new[] { customer.RefreshToken, laptop.RefreshToken })
            (await App.CreateRawClient().PostApiAsync("/api/v1/auth/refresh", new { refreshToken })).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");
    }

    [Fact]
    public async Task Signing_out_one_session_leaves_the_others()
    {
        using var customer = await App.RegisterCustomerAsync();
        using var laptop = await App.SignInAsync(customer.Email, customer.Password);
        (await customer.Client.PostApiAsync("/api/v1/auth/logout", new { refreshToken = customer.RefreshToken })).Expect(HttpStatusCode.NoContent);

        (await laptop.Client.GetApiAsync("/api/v1/cart")).Expect(HttpStatusCode.OK);
        (await App.CreateRawClient().PostApiAsync("/api/v1/auth/refresh", new { refreshToken = laptop.RefreshToken })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_token_without_the_accounts_current_stamp_is_401()
    {
        using var customer = await App.RegisterCustomerAsync();
        var key = App.ReadKey();
        var now = DateTime.UtcNow;
        var noStamp = Tokens.Forge(key, customer.UserId, ["Customer"], now.AddMinutes(-1), now.AddMinutes(5));
        var oldStamp = Tokens.Forge(key, customer.UserId, ["Customer"], now.AddMinutes(-1), now.AddMinutes(5), stampHash: AccountAccessCache.HashStamp("an old stamp"));
        var current = Tokens.Forge(key, customer.UserId, ["Customer"], now.AddMinutes(-1), now.AddMinutes(5), stampHash: await App.StampHashAsync(customer.UserId));

        Revoked(await App.CreateBearerClient(noStamp).GetApiAsync("/api/v1/users/profile"));
        Revoked(await App.CreateBearerClient(oldStamp).GetApiAsync("/api/v1/users/profile"));
        (await App.CreateBearerClient(current).GetApiAsync("/api/v1/users/profile")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_failed_sign_in_lockout_does_not_end_the_owners_session_but_an_admin_lock_does()
    {
        using var customer = await App.RegisterCustomerAsync();
        // As Auth:LockoutThreshold failures from many places leave the account (a lockout with an end).
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == customer.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(15))));
        App.Services.GetRequiredService<AccountAccessCache>().Evict(customer.UserId);

        (await customer.Client.GetApiAsync("/api/v1/cart")).Expect(HttpStatusCode.OK);
        var refreshed = (await App.CreateRawClient().PostApiAsync("/api/v1/auth/refresh", new { refreshToken = customer.RefreshToken })).Data();

        (await Admin.Client.PostApiAsync($"/api/v1/admin/customers/{customer.UserId}/lock")).Expect(HttpStatusCode.OK);
        Revoked(await customer.Client.GetApiAsync("/api/v1/cart"));
        (await App.CreateRawClient().PostApiAsync("/api/v1/auth/refresh", new { refreshToken = refreshed.Str("refreshToken") }))
            .Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN", "refreshToken");
    }
}

/// <summary>A change made where this instance cannot see it (another instance, a script) applies within Auth:AccessCheckSeconds.</summary>
public class AccessCheckCacheTests
{
    [Fact]
    public async Task A_stamp_changed_behind_the_instances_back_ends_the_token_once_the_cache_entry_is_old()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Auth:AccessCheckSeconds"] = "1" });
        using var customer = await app.RegisterCustomerAsync();
        (await customer.Client.GetApiAsync("/api/v1/cart")).Expect(HttpStatusCode.OK); // remembered for a second

        await app.WithDbAsync(db => db.Users.Where(u => u.Id == customer.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, Guid.NewGuid().ToString("N"))));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        (await customer.Client.GetApiAsync("/api/v1/cart")).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }
}
