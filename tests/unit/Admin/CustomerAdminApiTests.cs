using System.Net;
using System.Text.Json;
using Ecommerce.Shared.Customers;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// GET and DELETE /api/v1/admin/customers, and locking sign-in (CustomerAdminService of the running app) as the
/// API's login sees it. Every test registers its own customers with a last name of its own.
/// </summary>
[Collection(AdminApiCollection.Name)]
public class CustomerAdminApiTests(AdminApiFixture fixture)
{
    private StoreApp App => fixture.App;
    private HttpClient Admin => fixture.Admin.Client;

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task The_list_is_searchable_and_paged_newest_first_with_order_count_total_spent_and_admin_flag()
    {
        var family = "Zed" + AdminApiFixture.Unique();
        using var payer = await App.RegisterCustomerAsync(firstName: "Paula", lastName: family);
        using var waiter = await App.RegisterCustomerAsync(firstName: "Walt", lastName: family);
        var product = await App.AddProductAsync(25m);
        var paidOrder = await payer.OrderAsync(product);
        (await Admin.PutApiAsync($"/api/v1/orders/{paidOrder.Id()}/status", new { status = "paid" })).Data();
        await waiter.OrderAsync(product);

        var page = (await Admin.GetApiAsync($"/api/v1/admin/customers?search={family.ToLowerInvariant()}")).Data();

        Assert.Equal(2, page.Int("totalCount"));
        var rows = Items(page);
        Assert.Equal([waiter.Email, payer.Email], rows.Select(r => r.Str("email")));
        var paying = rows[1];
        Assert.Equal(["id", "email", "firstName", "lastName", "createdAt", "orderCount", "totalSpent", "isAdmin", "isLocked"], ApiAssert.PropertyNames(paying));
        Assert.Equal(payer.UserId, paying.Str("id"));
        Assert.Equal("Paula", paying.Str("firstName"));
        Assert.Equal(family, paying.Str("lastName"));
        ApiAssert.UtcTimestamp(paying.GetProperty("createdAt"));
        Assert.Equal(1, paying.Int("orderCount"));
        Assert.Equal(paidOrder.Money("total"), paying.Money("totalSpent"));
        Assert.False(paying.GetProperty("isAdmin").GetBoolean());
        Assert.False(paying.GetProperty("isLocked").GetBoolean());
        // A pending order counts as an order but not as money spent.
        Assert.Equal(1, rows[0].Int("orderCount"));
        Assert.Equal(0m, rows[0].Money("totalSpent"));

        // By e-mail, and paged.
        Assert.Equal([payer.Email], Items((await Admin.GetApiAsync($"/api/v1/admin/customers?search={payer.Email}")).Data()).Select(r => r.Str("email")));
        var second = (await Admin.GetApiAsync($"/api/v1/admin/customers?search={family}&pageSize=1&pageNumber=2")).Data();
        Assert.Equal([payer.Email], Items(second).Select(r => r.Str("email")));
        Assert.Equal(2, second.Int("totalPages"));

        var admin = Assert.Single(Items((await Admin.GetApiAsync($"/api/v1/admin/customers?search={StoreApp.AdminEmail}")).Data()));
        Assert.True(admin.GetProperty("isAdmin").GetBoolean());

        (await Admin.GetApiAsync("/api/v1/admin/customers?pageSize=0")).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "pageSize");
        (await Admin.GetApiAsync("/api/v1/admin/customers?pageNumber=abc")).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "pageNumber");
    }

    [Fact]
    public async Task Delete_removes_the_account_so_it_can_no_longer_sign_in()
    {
        using var customer = await App.RegisterCustomerAsync();

        (await Admin.DeleteApiAsync($"/api/v1/admin/customers/{customer.UserId}")).Expect(HttpStatusCode.NoContent);

        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == customer.UserId)));
        Assert.Equal(0, (await Admin.GetApiAsync($"/api/v1/admin/customers?search={customer.Email}")).Data().Int("totalCount"));
        using var anonymous = App.CreateRawClient();
        (await anonymous.PostApiAsync("/api/v1/auth/login", new { email = customer.Email, password = customer.Password }))
            .Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        (await anonymous.PostApiAsync("/api/v1/auth/refresh", new { refreshToken = customer.RefreshToken })).Expect(HttpStatusCode.Unauthorized);
        (await Admin.DeleteApiAsync($"/api/v1/admin/customers/{customer.UserId}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Deleting_yourself_is_409_and_an_unknown_customer_404()
    {
        (await Admin.DeleteApiAsync($"/api/v1/admin/customers/{fixture.Admin.UserId}")).Error(HttpStatusCode.Conflict, "CONFLICT");
        Assert.True(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == fixture.Admin.UserId)));
        (await Admin.DeleteApiAsync($"/api/v1/admin/customers/{Guid.NewGuid()}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_locked_customer_cannot_sign_in_and_can_again_once_unlocked()
    {
        using var customer = await App.RegisterCustomerAsync();

        var locked = await fixture.WithServiceAsync<CustomerAdminService, bool>(async s =>
            (await s.SetLockedAsync(fixture.AdminActor, customer.UserId, locked: true)).Succeeded);
        Assert.True(locked);

        using var anonymous = App.CreateRawClient();
        (await anonymous.PostApiAsync("/api/v1/auth/login", new { email = customer.Email, password = customer.Password }))
            .Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        // The tokens it had are revoked.
        (await anonymous.PostApiAsync("/api/v1/auth/refresh", new { refreshToken = customer.RefreshToken })).Expect(HttpStatusCode.Unauthorized);
        var row = Assert.Single(Items((await Admin.GetApiAsync($"/api/v1/admin/customers?search={customer.Email}")).Data()));
        Assert.True(row.GetProperty("isLocked").GetBoolean());

        var unlocked = await fixture.WithServiceAsync<CustomerAdminService, bool>(async s =>
            (await s.SetLockedAsync(fixture.AdminActor, customer.UserId, locked: false)).Succeeded);
        Assert.True(unlocked);
        (await anonymous.PostApiAsync("/api/v1/auth/login", new { email = customer.Email, password = customer.Password })).Data();
        row = Assert.Single(Items((await Admin.GetApiAsync($"/api/v1/admin/customers?search={customer.Email}")).Data()));
        Assert.False(row.GetProperty("isLocked").GetBoolean());
    }

    [Fact]
    public async Task An_admin_cannot_lock_their_own_account()
    {
        var result = await fixture.WithServiceAsync<CustomerAdminService, Ecommerce.Shared.Common.Result>(s =>
            s.SetLockedAsync(fixture.AdminActor, fixture.Admin.UserId, locked: true));
        Assert.Equal("CONFLICT", Assert.Single(result.Errors).Code);
        using var anonymous = App.CreateRawClient();
        (await anonymous.PostApiAsync("/api/v1/auth/login", new { email = StoreApp.AdminEmail, password = StoreApp.AdminPassword })).Data();
    }

    [Fact]
    public async Task Lock_and_unlock_through_the_api_answer_the_customer_and_end_or_allow_sign_in()
    {
        using var customer = await App.RegisterCustomerAsync();

        var locked = await Admin.PostApiAsync($"/api/v1/admin/customers/{customer.UserId}/lock");
        var data = locked.Data();
        Assert.Equal(["id", "email", "emailVerified", "firstName", "lastName", "phoneNumber", "createdAt", "roles", "isAdmin", "isLocked",
            "lockedByAdmin", "lockedUntil", "failedSignIns", "orderCount", "totalSpent"], ApiAssert.PropertyNames(data));
        Assert.True(data.GetProperty("isLocked").GetBoolean());
        Assert.True(data.GetProperty("lockedByAdmin").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("lockedUntil").ValueKind); // no end
        Assert.Equal(["Customer"], data.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("ended", locked.Body.Str("message"));
        (await customer.Client.GetApiAsync("/api/v1/users/profile")).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        using var anonymous = App.CreateRawClient();
        (await anonymous.PostApiAsync("/api/v1/auth/login", new { email = customer.Email, password = customer.Password }))
            .Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        var unlocked = (await Admin.PostApiAsync($"/api/v1/admin/customers/{customer.UserId}/unlock")).Data();
        Assert.False(unlocked.GetProperty("isLocked").GetBoolean());
        (await anonymous.PostApiAsync("/api/v1/auth/login", new { email = customer.Email, password = customer.Password })).Data();

        var audit = await fixture.AuditAsync("Customer", customer.UserId);
        Assert.Equal(["customer.locked", "customer.unlocked"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("api", e.Channel));
    }

    [Fact]
    public async Task Lock_refuses_yourself_and_unknown_customers_and_changes_nothing()
    {
        (await Admin.PostApiAsync($"/api/v1/admin/customers/{fixture.Admin.UserId}/lock")).Error(HttpStatusCode.Conflict, "CONFLICT");
        (await Admin.GetApiAsync("/api/v1/users/profile")).Expect(HttpStatusCode.OK);
        var unknown = Guid.NewGuid();
        (await Admin.PostApiAsync($"/api/v1/admin/customers/{unknown}/lock")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.PostApiAsync($"/api/v1/admin/customers/{unknown}/unlock")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.GetApiAsync($"/api/v1/admin/customers/{unknown}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.PutApiAsync($"/api/v1/admin/customers/{unknown}/roles", new { roles = new[] { "Customer" } })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Roles_are_set_as_a_list_and_bad_lists_are_400()
    {
        using var customer = await App.RegisterCustomerAsync();
        var url = $"/api/v1/admin/customers/{customer.UserId}/roles";

        (await Admin.PutApiAsync(url, new { })).Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "roles");
        (await Admin.PutApiAsync(url, new { roles = new[] { "Customer", "Superuser" } })).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "roles");
        (await Admin.PutApiAsync(url, new { roles = Array.Empty<string>() })).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "roles");
        (await Admin.PutApiAsync(url, new RawJson("""{"roles":"Admin"}"""))).Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "roles");
        Assert.Equal(["Customer"], (await Admin.GetApiAsync($"/api/v1/admin/customers/{customer.UserId}")).Data()
            .GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var promoted = await Admin.PutApiAsync(url, new { roles = new[] { "customer", "admin" } });
        var data = promoted.Data();
        Assert.Equal(["Admin", "Customer"], data.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(data.GetProperty("isAdmin").GetBoolean());
        (await customer.Client.GetApiAsync("/api/v1/cart")).Error(HttpStatusCode.Unauthorized, "INVALID_TOKEN"); // the old token carried the old roles

        var again = await Admin.PutApiAsync(url, new { roles = new[] { "Admin", "Customer" } });
        Assert.Equal("Nothing to change.", again.Body.Str("message"));
    }

    [Fact]
    public async Task An_admin_cannot_take_their_own_admin_role_through_the_api()
    {
        (await Admin.PutApiAsync($"/api/v1/admin/customers/{fixture.Admin.UserId}/roles", new { roles = new[] { "Customer" } }))
            .Error(HttpStatusCode.Conflict, "CONFLICT");
        (await Admin.GetApiAsync("/api/v1/admin/customers")).Expect(HttpStatusCode.OK);
    }
}
