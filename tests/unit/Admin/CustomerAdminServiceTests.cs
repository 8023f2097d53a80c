using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Ecommerce.Tests.Unit.Infrastructure.ResultAssert;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// CustomerAdminService on a real SQLite database, for what the admin API tests do not reach: what locking and
/// unlocking store (lockout end, security stamp, refresh tokens, failed sign-ins), a lockout that has run out, the
/// Admin role (granting, revoking, never your own, never the last admin) and the audit entries.
/// </summary>
public class CustomerAdminServiceTests
{
    private static Error Refused<T>(Result<T> result, string code) => Refused(result.WithoutValue(), code);

    private static Error Refused(Result result, string code)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        return error;
    }

    private static async Task<int> AddTokenAsync(AdminServices s, string userId, string? revokedReason = null)
    {
        var now = s.Clock.GetUtcNow().UtcDateTime;
        return await s.WithDbAsync(async db =>
        {
            var token = new RefreshToken
            {
                UserId = userId, TokenHash = Guid.NewGuid().ToString("N"), FamilyId = Guid.NewGuid(), CreatedAt = now.AddDays(-1),
                ExpiresAt = now.AddDays(13), RevokedAt = revokedReason is null ? null : now.AddHours(-5), RevokedReason = revokedReason,
            };
            db.RefreshTokens.Add(token);
            await db.SaveChangesAsync();
            return token.Id;
        });
    }

    private static Task<RefreshToken> TokenAsync(AdminServices s, int id) =>
        s.WithDbAsync(db => db.RefreshTokens.AsNoTracking().SingleAsync(t => t.Id == id));

    private static Task<ApplicationUser> UserAsync(AdminServices s, string id) =>
        s.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    [Fact]
    public async Task Locking_sets_an_endless_lockout_changes_the_security_stamp_and_revokes_only_that_customers_active_tokens()
    {
        using var s = await AdminServices.CreateAsync();
        var customer = await s.AddUserAsync();
        var bystander = await s.AddUserAsync();
        var active = await AddTokenAsync(s, customer.Id);
        var loggedOut = await AddTokenAsync(s, customer.Id, revokedReason: "logout");
        var othersToken = await AddTokenAsync(s, bystander.Id);
        var stampBefore = (await UserAsync(s, customer.Id)).SecurityStamp;
        s.Clock.Advance(TimeSpan.FromMinutes(3));

        Ok(await s.Customers.SetLockedAsync(s.Actor, customer.Id, locked: true));

        var locked = await UserAsync(s, customer.Id);
        Assert.True(locked.LockoutEnabled);
        Assert.Equal(DateTimeOffset.MaxValue, locked.LockoutEnd);
        Assert.NotEqual(stampBefore, locked.SecurityStamp);
        var revoked = await TokenAsync(s, active);
        Assert.Equal((s.Clock.GetUtcNow().UtcDateTime, "locked"), (revoked.RevokedAt!.Value, revoked.RevokedReason));
        Assert.Equal("logout", (await TokenAsync(s, loggedOut)).RevokedReason); // an already revoked token keeps its reason
        Assert.Null((await TokenAsync(s, othersToken)).RevokedAt);

        var details = (await s.Customers.GetAsync(customer.Id))!;
        Assert.True(details.IsLocked);
        Assert.Equal(DateTimeOffset.MaxValue, details.LockedUntil);
        var entry = Assert.Single(await s.AuditEntriesAsync("customer.locked"));
        Assert.Equal(("Customer", customer.Id, $"Locked sign-in of {customer.Email}"), (entry.EntityType, entry.EntityId, entry.Summary));
        Assert.Equal(AdminServices.AdminEmail, entry.UserEmail);
    }

    [Fact]
    public async Task Unlocking_clears_the_lockout_and_the_failed_sign_ins_and_is_audited()
    {
        using var s = await AdminServices.CreateAsync();
        var customer = await s.AddUserAsync();
        var token = await AddTokenAsync(s, customer.Id);
        Ok(await s.Customers.SetLockedAsync(s.Actor, customer.Id, locked: true));
        await s.WithDbAsync(db => db.Users.Where(u => u.Id == customer.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, 4)));

        Ok(await s.Customers.SetLockedAsync(s.Actor, customer.Id, locked: false));

        var unlocked = await UserAsync(s, customer.Id);
        Assert.Null(unlocked.LockoutEnd);
        Assert.Equal(0, unlocked.AccessFailedCount);
        var details = (await s.Customers.GetAsync(customer.Id))!;
        Assert.False(details.IsLocked);
        Assert.Null(details.LockedUntil);
        Assert.Equal(0, details.FailedSignIns);
        Assert.Equal("locked", (await TokenAsync(s, token)).RevokedReason); // unlocking does not bring old tokens back
        Assert.Equal($"Unlocked sign-in of {customer.Email}", Assert.Single(await s.AuditEntriesAsync("customer.unlocked")).Summary);
    }

    [Fact]
    public async Task A_lockout_that_has_run_out_no_longer_shows_as_locked()
    {
        using var s = await AdminServices.CreateAsync();
        var customer = await s.AddUserAsync(lastName: "Timeout");
        var until = s.Clock.GetUtcNow().AddMinutes(15);
        await s.WithDbAsync(db => db.Users.Where(u => u.Id == customer.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, until).SetProperty(x => x.AccessFailedCount, 5)));

        Assert.True(Assert.Single(((await s.Customers.ListAsync("timeout")).Value).Items).IsLocked);
        var details = (await s.Customers.GetAsync(customer.Id))!;
        Assert.True(details.IsLocked);
        Assert.Equal(until, details.LockedUntil);
        Assert.Equal(5, details.FailedSignIns);

        s.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.False(Assert.Single(((await s.Customers.ListAsync("timeout")).Value).Items).IsLocked);
        var later = (await s.Customers.GetAsync(customer.Id))!;
        Assert.False(later.IsLocked);
        Assert.Null(later.LockedUntil);
    }

    [Fact]
    public async Task Changing_an_unknown_customer_is_not_found_and_records_nothing()
    {
        using var s = await AdminServices.CreateAsync();
        var unknown = Guid.NewGuid().ToString();
        var before = (await s.AuditEntriesAsync()).Count;

        Refused(await s.Customers.SetLockedAsync(s.Actor, unknown, locked: true), ErrorCodes.NotFound);
        Refused(await s.Customers.SetAdminAsync(s.Actor, unknown, admin: true), ErrorCodes.NotFound);
        Refused(await s.Customers.DeleteAsync(s.Actor, unknown), ErrorCodes.NotFound);
        Assert.Null(await s.Customers.GetAsync(unknown));

        Assert.Equal(before, (await s.AuditEntriesAsync()).Count);
    }

    [Fact]
    public async Task Granting_the_admin_role_ends_the_customers_tokens_so_it_applies_and_is_audited_once()
    {
        using var s = await AdminServices.CreateAsync();
        var customer = await s.AddUserAsync();
        var token = await AddTokenAsync(s, customer.Id);
        var stampBefore = (await UserAsync(s, customer.Id)).SecurityStamp;

        Assert.True(Ok(await s.Customers.SetAdminAsync(s.Actor, customer.Id, admin: true)));

        Assert.True(await s.IsAdminAsync(customer.Id));
        Assert.True((await s.Customers.GetAsync(customer.Id))!.IsAdmin);
        Assert.NotEqual(stampBefore, (await UserAsync(s, customer.Id)).SecurityStamp);
        Assert.Equal("role-changed", (await TokenAsync(s, token)).RevokedReason);
        var entry = Assert.Single(await s.AuditEntriesAsync("customer.admin-granted"));
        Assert.Equal((customer.Id, $"Granted the Admin role to {customer.Email}"), (entry.EntityId, entry.Summary));

        // Granting it again changes nothing and records nothing.
        Assert.False(Ok(await s.Customers.SetAdminAsync(s.Actor, customer.Id, admin: true)));
        Assert.Single(await s.AuditEntriesAsync("customer.admin-granted"));
    }

    [Fact]
    public async Task An_admin_cannot_revoke_their_own_admin_role_even_when_another_admin_remains()
    {
        using var s = await AdminServices.CreateAsync();
        await s.AddUserAsync(admin: true);

        var error = Refused(await s.Customers.SetAdminAsync(s.Actor, s.AdminId, admin: false), ErrorCodes.Conflict);

        Assert.Contains("your own admin rights", error.Message);
        Assert.True(await s.IsAdminAsync(s.AdminId));
        Assert.Empty(await s.AuditEntriesAsync("customer.admin-revoked"));
    }

    [Fact]
    public async Task Another_admins_role_can_be_revoked_while_an_admin_remains()
    {
        using var s = await AdminServices.CreateAsync();
        var colleague = await s.AddUserAsync(admin: true);
        var token = await AddTokenAsync(s, colleague.Id);

        Assert.True(Ok(await s.Customers.SetAdminAsync(s.Actor, colleague.Id, admin: false)));

        Assert.False(await s.IsAdminAsync(colleague.Id));
        Assert.Equal("role-changed", (await TokenAsync(s, token)).RevokedReason);
        Assert.Equal($"Revoked the Admin role of {colleague.Email}", Assert.Single(await s.AuditEntriesAsync("customer.admin-revoked")).Summary);
        // Revoking a role the customer does not have is a no-op.
        Assert.False(Ok(await s.Customers.SetAdminAsync(s.Actor, colleague.Id, admin: false)));
        Assert.Single(await s.AuditEntriesAsync("customer.admin-revoked"));
    }

    [Fact]
    public async Task The_store_keeps_its_last_admin()
    {
        using var s = await AdminServices.CreateAsync();
        // An actor whose own rights went meanwhile (e.g. a page still open) tries to remove the only admin left.
        var former = await s.AddUserAsync();
        var actor = new AdminActor(former.Id, former.Email!);

        var revoke = Refused(await s.Customers.SetAdminAsync(actor, s.AdminId, admin: false), ErrorCodes.Conflict);
        var delete = Refused(await s.Customers.DeleteAsync(actor, s.AdminId), ErrorCodes.Conflict);

        Assert.Equal("The store needs at least one admin.", revoke.Message);
        Assert.Equal("The store's last admin cannot be deleted.", delete.Message);
        Assert.True(await s.IsAdminAsync(s.AdminId));
        Assert.True(await s.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == s.AdminId)));
        Assert.Empty(await s.AuditEntriesAsync("customer.admin-revoked"));
        Assert.Empty(await s.AuditEntriesAsync("customer.deleted"));
    }

    [Fact]
    public async Task Two_admins_removing_each_other_at_the_same_moment_leave_exactly_one_admin()
    {
        using var s = await AdminServices.CreateAsync();
        // Only two admins: the bootstrap admin steps down first (a third admin does it, then leaves as well).
        for (var round = 0; round < 8; round++)
        {
            var first = await s.AddUserAsync(admin: true);
            var second = await s.AddUserAsync(admin: true);
            var admins = await s.WithDbAsync(db => (from link in db.UserRoles
                                                   join role in db.Roles on link.RoleId equals role.Id
                                                   where role.Name == Roles.Admin && link.UserId != first.Id && link.UserId != second.Id
                                                   select link.UserId).ToListAsync());
            foreach (var other in admins) Ok(await s.Customers.SetAdminAsync(new AdminActor(first.Id, first.Email!), other, admin: false));

            var byFirst = s.Customers;
            var bySecond = s.Customers;
            var results = await Task.WhenAll(
                Task.Run(() => byFirst.SetAdminAsync(new AdminActor(first.Id, first.Email!), second.Id, admin: false)),
                Task.Run(() => bySecond.SetAdminAsync(new AdminActor(second.Id, second.Email!), first.Id, admin: false)));

            Assert.Single(results, r => r.Succeeded);
            Assert.Equal("The store needs at least one admin.", Refused(Assert.Single(results, r => !r.Succeeded), ErrorCodes.Conflict).Message);
            Assert.Single(new[] { first.Id, second.Id }, id => s.IsAdminAsync(id).GetAwaiter().GetResult());
        }
    }

    [Fact]
    public async Task An_admin_locked_by_an_admin_does_not_count_as_the_admin_that_remains()
    {
        using var s = await AdminServices.CreateAsync();
        var colleague = await s.AddUserAsync(admin: true);
        var outsider = await s.AddUserAsync();
        var actor = new AdminActor(outsider.Id, outsider.Email!); // e.g. a page still open after their rights went
        Ok(await s.Customers.SetLockedAsync(s.Actor, colleague.Id, locked: true));

        Assert.Equal("The store needs at least one admin.",
            Refused(await s.Customers.SetAdminAsync(actor, s.AdminId, admin: false), ErrorCodes.Conflict).Message);
        Assert.Equal("The store's last admin who can sign in cannot be locked.",
            Refused(await s.Customers.SetLockedAsync(actor, s.AdminId, locked: true), ErrorCodes.Conflict).Message);
        Refused(await s.Customers.DeleteAsync(actor, s.AdminId), ErrorCodes.Conflict);
        Refused(await s.Customers.SetRolesAsync(actor, s.AdminId, ["Customer"]), ErrorCodes.Conflict);

        // Once the colleague may sign in again, the bootstrap admin can step down.
        Ok(await s.Customers.SetLockedAsync(s.Actor, colleague.Id, locked: false));
        Assert.True(Ok(await s.Customers.SetAdminAsync(actor, s.AdminId, admin: false)));
    }

    [Fact]
    public async Task Setting_roles_replaces_them_ends_the_sessions_and_records_what_changed()
    {
        using var s = await AdminServices.CreateAsync();
        var customer = await s.AddUserAsync();
        var token = await AddTokenAsync(s, customer.Id);
        var stampBefore = (await UserAsync(s, customer.Id)).SecurityStamp;

        Assert.True(Ok(await s.Customers.SetRolesAsync(s.Actor, customer.Id, ["admin", "Customer", "ADMIN"])));
        Assert.Equal(["Admin", "Customer"], (await s.Customers.GetAsync(customer.Id))!.Roles);
        Assert.NotEqual(stampBefore, (await UserAsync(s, customer.Id)).SecurityStamp);
        Assert.Equal("role-changed", (await TokenAsync(s, token)).RevokedReason);
        Assert.Single(await s.AuditEntriesAsync("customer.admin-granted"));

        Assert.True(Ok(await s.Customers.SetRolesAsync(s.Actor, customer.Id, ["Admin"])));
        Assert.Equal(["Admin"], (await s.Customers.GetAsync(customer.Id))!.Roles);
        var entry = Assert.Single(await s.AuditEntriesAsync("customer.roles-changed"));
        Assert.Equal($"Changed the roles of {customer.Email} to Admin", entry.Summary);

        // The same roles again change nothing and record nothing.
        Assert.False(Ok(await s.Customers.SetRolesAsync(s.Actor, customer.Id, ["Admin"])));
        Assert.Single(await s.AuditEntriesAsync("customer.roles-changed"));
    }

    [Fact]
    public async Task Roles_must_be_a_non_empty_list_of_known_roles()
    {
        using var s = await AdminServices.CreateAsync();
        var customer = await s.AddUserAsync();

        Assert.Equal("roles", Refused(await s.Customers.SetRolesAsync(s.Actor, customer.Id, null), ErrorCodes.RequiredField).Field);
        Assert.Contains("Unknown role 'Owner'", Refused(await s.Customers.SetRolesAsync(s.Actor, customer.Id, ["Customer", "Owner"]), ErrorCodes.ValidationError).Message);
        Refused(await s.Customers.SetRolesAsync(s.Actor, customer.Id, [null]), ErrorCodes.ValidationError);
        Assert.Contains("at least one role", Refused(await s.Customers.SetRolesAsync(s.Actor, customer.Id, []), ErrorCodes.ValidationError).Message);
        Refused(await s.Customers.SetRolesAsync(s.Actor, Guid.NewGuid().ToString(), ["Customer"]), ErrorCodes.NotFound);
        Assert.Equal(["Customer"], (await s.Customers.GetAsync(customer.Id))!.Roles);
    }
}
