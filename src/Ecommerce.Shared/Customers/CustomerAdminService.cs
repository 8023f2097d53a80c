using System.Security.Cryptography;
using System.Text;
using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Orders;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Customers;

public sealed record CustomerRow(
    string Id, string Email, string? FirstName, string? LastName, DateTime CreatedAt, int OrderCount, Money TotalSpent,
    bool IsAdmin, bool IsLocked);

public sealed record CustomerDetails(
    string Id, string Email, bool EmailVerified, string? FirstName, string? LastName, string? PhoneNumber, DateOnly? DateOfBirth, DateTime CreatedAt,
    IReadOnlyList<string> Roles, bool IsAdmin, bool IsLocked, DateTimeOffset? LockedUntil, int FailedSignIns,
    IReadOnlyList<AddressView> Addresses, IReadOnlyList<OrderSummaryView> Orders, int OrderCount, Money TotalSpent);

/// <summary>
/// Customers for admins: search, details, locking sign-in, the Admin role, and deleting an account — the account
/// and its personal data go; orders stay for the books with the personal data replaced.
/// </summary>
public sealed class CustomerAdminService(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    AuditLog audit,
    AccountAccessCache access,
    TimeProvider clock)
{
    public const string DeletedName = "Deleted customer";
    public const string RemovedText = "(removed)";

    public async Task<Result<PagedResult<CustomerRow>>> ListAsync(string? search, int pageNumber = 1, int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        if (Paging.Check(pageNumber, pageSize) is { Count: > 0 } invalid) return Result<PagedResult<CustomerRow>>.Failure(invalid);
        var people = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            people = people.Where(u => u.NormalizedEmail!.Contains(term)
                                       || (u.FirstName != null && u.FirstName.ToUpper().Contains(term))
                                       || (u.LastName != null && u.LastName.ToUpper().Contains(term)));
        }
        var total = await people.CountAsync(cancellationToken);
        var skip = (long)(pageNumber - 1) * pageSize;
        if (skip >= total) return new PagedResult<CustomerRow>([], pageNumber, pageSize, total);

        var adminRoleId = await AdminRoleIdAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = await people.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Email)
            .Skip((int)skip).Take(pageSize)
            .Select(u => new
            {
                u.Id, u.Email, u.FirstName, u.LastName, u.CreatedAt, u.LockoutEnd,
                Orders = db.Orders.Count(o => o.UserId == u.Id),
                Spent = db.Orders.Where(o => o.UserId == u.Id && o.PaidAt != null && o.Status != OrderStatus.Cancelled && o.Status != OrderStatus.Refunded)
                    .Sum(o => (long?)o.TotalCents) ?? 0,
                IsAdmin = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRoleId),
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<CustomerRow>(
            rows.Select(r => new CustomerRow(r.Id, r.Email ?? "", r.FirstName, r.LastName, r.CreatedAt, r.Orders, new Money(r.Spent), r.IsAdmin,
                r.LockoutEnd is { } end && end > now)).ToList(),
            pageNumber, pageSize, total);
    }

    public async Task<CustomerDetails?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null) return null;
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where link.UserId == id
                           orderby role.Name
                           select role.Name!).ToListAsync(cancellationToken);
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.UserId == id).OrderByDescending(a => a.IsDefault).ThenBy(a => a.Id)
            .Select(AddressService.ToView).ToListAsync(cancellationToken);
        var orders = db.Orders.AsNoTracking().Where(o => o.UserId == id);
        var recent = await orders.OrderByDescending(o => o.CreatedAt).Take(50)
            .Select(o => new OrderSummaryView(o.Id, o.OrderNumber, o.Status, o.Lines.Sum(l => l.Quantity), new Money(o.TotalCents), o.CreatedAt, o.CustomerEmail))
            .ToListAsync(cancellationToken);
        var spent = await orders.Where(o => o.PaidAt != null && o.Status != OrderStatus.Cancelled && o.Status != OrderStatus.Refunded)
            .SumAsync(o => (long?)o.TotalCents, cancellationToken) ?? 0;
        var locked = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        return new CustomerDetails(user.Id, user.Email ?? "", user.EmailConfirmed, user.FirstName, user.LastName, user.PhoneNumber, user.DateOfBirth,
            user.CreatedAt, roles, roles.Contains(Roles.Admin), locked, locked ? user.LockoutEnd : null, user.AccessFailedCount, addresses, recent, await orders.CountAsync(cancellationToken), new Money(spent));
    }

    /// <summary>
    /// Stops (or allows again) signing in. A locked account's sessions and API tokens end at once: its security
    /// stamp changes and its refresh tokens are revoked. The store's last admin who can sign in cannot be locked.
    /// </summary>
    public async Task<Result> SetLockedAsync(AdminActor actor, string id, bool locked, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound(id);
        if (locked && user.Id == actor.UserId) return Error.Conflict("You cannot lock your own account.");

        var changed = await db.InTransactionAsync(async ct =>
        {
            var account = await users.FindByIdAsync(id); // the one read above, or read again when the unit is retried
            if (account is null) return NotFound(id);
            if (locked && await users.IsInRoleAsync(account, Roles.Admin) && await IsLastAdminAsync(id, ct))
                return Error.Conflict("The store's last admin who can sign in cannot be locked.");
            await users.SetLockoutEnabledAsync(account, true);
            await users.SetLockoutEndDateAsync(account, locked ? IdentityRules.AdminLockEnd : null);
            if (locked)
            {
                await users.UpdateSecurityStampAsync(account); // signs the customer out everywhere
                await RevokeTokensAsync(id, "locked", ct);
            }
            else
            {
                await users.ResetAccessFailedCountAsync(account);
            }
            audit.Record(db, actor, locked ? "customer.locked" : "customer.unlocked", "Customer", id,
                $"{(locked ? "Locked" : "Unlocked")} sign-in of {account.Email}");
            await db.SaveChangesAsync(ct);
            return Result.Success;
        }, cancellationToken);
        if (changed.Succeeded) access.Evict(id);
        return changed;
    }

    /// <summary>Grants or revokes the Admin role. Admins cannot take their own rights, and the store always keeps one admin.</summary>
    public async Task<Result<bool>> SetAdminAsync(AdminActor actor, string id, bool admin, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound(id);
        var roles = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        if (roles.Contains(Roles.Admin) == admin) return false;
        if (admin) roles.Add(Roles.Admin); else roles.Remove(Roles.Admin);
        return await ChangeRolesAsync(actor, user, roles, cancellationToken);
    }

    /// <summary>
    /// Sets the account's roles to exactly <paramref name="roles"/> (API <c>PUT /admin/customers/{id}/roles</c>).
    /// The same rules as <see cref="SetAdminAsync"/>: no admin removes their own Admin role, and one admin who can
    /// sign in always remains. Returns whether anything changed.
    /// </summary>
    public async Task<Result<bool>> SetRolesAsync(AdminActor actor, string id, IReadOnlyCollection<string?>? roles, CancellationToken cancellationToken = default)
    {
        if (roles is null) return new Error(ErrorCodes.RequiredField, "roles is required: a list such as [\"Customer\"] or [\"Admin\", \"Customer\"].", "roles");
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            var known = Roles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null) return Error.Validation("roles", $"Unknown role '{role}'. Roles are: {string.Join(", ", Roles.All)}.");
            wanted.Add(known);
        }
        if (wanted.Count == 0) return Error.Validation("roles", "An account needs at least one role.");

        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound(id);
        return await ChangeRolesAsync(actor, user, wanted, cancellationToken);
    }

    /// <summary>
    /// Applies a role change in one transaction that first takes the Admin role's row lock, so that two admins removing
    /// each other at the same moment cannot both succeed. The account's sessions and tokens end (they carried the old roles).
    /// </summary>
    private async Task<Result<bool>> ChangeRolesAsync(AdminActor actor, ApplicationUser user, IReadOnlySet<string> wanted, CancellationToken cancellationToken)
    {
        var id = user.Id;
        var changed = await db.InTransactionAsync<bool>(async ct =>
        {
            var account = await users.FindByIdAsync(id); // the one read before, or read again when the unit is retried
            if (account is null) return NotFound(id);
            var current = (await users.GetRolesAsync(account)).ToHashSet(StringComparer.Ordinal);
            var added = wanted.Except(current).Order().ToList();
            var removed = current.Except(wanted).Order().ToList();
            if (added.Count == 0 && removed.Count == 0) return false;

            if (removed.Contains(Roles.Admin))
            {
                if (id == actor.UserId) return Error.Conflict("You cannot remove your own admin rights; ask another admin.");
                if (await IsLastAdminAsync(id, ct)) return Error.Conflict("The store needs at least one admin.");
            }
            var result = await users.AddToRolesAsync(account, added) is { Succeeded: true } ? await users.RemoveFromRolesAsync(account, removed) : null;
            if (result is not { Succeeded: true }) return Error.Conflict("The roles could not be changed; reload and try again.");
            await users.UpdateSecurityStampAsync(account); // sessions that carried the old roles end
            await RevokeTokensAsync(id, "role-changed", ct);

            if (added.SequenceEqual([Roles.Admin]) && removed.Count == 0)
                audit.Record(db, actor, "customer.admin-granted", "Customer", id, $"Granted the Admin role to {account.Email}");
            else if (removed.SequenceEqual([Roles.Admin]) && added.Count == 0)
                audit.Record(db, actor, "customer.admin-revoked", "Customer", id, $"Revoked the Admin role of {account.Email}");
            else
                audit.Record(db, actor, "customer.roles-changed", "Customer", id,
                    $"Changed the roles of {account.Email} to {(wanted.Count == 0 ? "none" : string.Join(", ", wanted.Order()))}",
                    new { added, removed });
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        if (changed is { Succeeded: true, Value: true }) access.Evict(id);
        return changed;
    }

    /// <summary>
    /// Whether <paramref name="userId"/> is the only admin left who can sign in (admins locked by an admin do not
    /// count). Call inside a transaction: it first takes the Admin role's row lock until the transaction ends, so
    /// concurrent admin changes queue up behind it and each counts what the previous one committed.
    /// </summary>
    private async Task<bool> IsLastAdminAsync(string userId, CancellationToken cancellationToken)
    {
        var adminRoleId = await AdminRoleIdAsync(cancellationToken);
        if (adminRoleId is not null) await db.Locks.LockRowAsync<IdentityRole>(db, adminRoleId, cancellationToken);
        var otherAdmins = await (from link in db.UserRoles
                                 join other in db.Users on link.UserId equals other.Id
                                 where link.RoleId == adminRoleId && other.Id != userId
                                 select other.LockoutEnd).ToListAsync(cancellationToken);
        return !otherAdmins.Any(end => !IdentityRules.IsLockedByAdmin(end));
    }

    /// <summary>
    /// Deletes a customer's account and personal data (profile, addresses, cart, favourites, tokens). Their orders
    /// stay for the books: the customer's name, e-mail, street and phone in them are replaced, while amounts,
    /// products and the city/region/country needed for tax records are kept. Their reviews stay, credited to
    /// "Former customer".
    /// </summary>
    public async Task<Result> DeleteAsync(AdminActor actor, string id, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound(id);
        if (user.Id == actor.UserId) return Error.Conflict("You cannot delete your own account here.");

        var reference = "deleted-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12].ToLowerInvariant();
        var deletion = await db.InTransactionAsync(async ct =>
        {
            var account = await users.FindByIdAsync(id); // the one read above, or read again when the unit is retried
            if (account is null) return NotFound(id);
            // The customer's cart lock, which checkouts take first: an order being placed now is anonymised with the
            // others, and a later one finds no customer.
            await Cart.CartService.LockAsync(db, Cart.CartOwner.ForUser(id), ct);
            if (await users.IsInRoleAsync(account, Roles.Admin) && await IsLastAdminAsync(id, ct))
                return Error.Conflict("The store's last admin cannot be deleted.");
            var orderCount = await db.Orders.Where(o => o.UserId == id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.CustomerEmail, reference + "@deleted.invalid")
                .SetProperty(o => o.CustomerName, DeletedName)
                .SetProperty(o => o.ShippingAddress.FirstName, (string?)null)
                .SetProperty(o => o.ShippingAddress.LastName, (string?)null)
                .SetProperty(o => o.ShippingAddress.Street, RemovedText)
                .SetProperty(o => o.ShippingAddress.Street2, (string?)null)
                .SetProperty(o => o.ShippingAddress.Phone, (string?)null)
                .SetProperty(o => o.BillingAddress.FirstName, (string?)null)
                .SetProperty(o => o.BillingAddress.LastName, (string?)null)
                .SetProperty(o => o.BillingAddress.Street, RemovedText)
                .SetProperty(o => o.BillingAddress.Street2, (string?)null)
                .SetProperty(o => o.BillingAddress.Phone, (string?)null)
                .SetProperty(o => o.Notes, (string?)null)
                .SetProperty(o => o.UserId, (string?)null), ct);
            await db.Reviews.Where(r => r.UserId == id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.AuthorName, "Former customer")
                .SetProperty(r => r.UserId, (string?)null), ct);

            // Addresses, carts, favourites and refresh tokens go with the account (cascading deletes).
            var deleted = await users.DeleteAsync(account);
            if (!deleted.Succeeded) return Error.Conflict(string.Join(" ", deleted.Errors.Select(e => e.Description)));

            // The log names the account by its reference only, not by the personal data just removed.
            audit.Record(db, actor, "customer.deleted", "Customer", id,
                $"Deleted the account of {reference} and its personal data; {orderCount} orders kept anonymised",
                new { orders = orderCount });
            await db.SaveChangesAsync(ct);
            return Result.Success;
        }, cancellationToken);
        if (deletion.Succeeded) access.Evict(id);
        return deletion;
    }

    private async Task<string?> AdminRoleIdAsync(CancellationToken cancellationToken) =>
        await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    private Task RevokeTokensAsync(string userId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), cancellationToken);
    }

    private static Error NotFound(string id) => Error.NotFound($"Customer with ID '{id}' not found");
}
