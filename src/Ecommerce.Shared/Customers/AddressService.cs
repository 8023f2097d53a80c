using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Customers;

/// <summary>A postal address as a customer types it (API body, checkout form, address book).</summary>
public sealed record AddressInput
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Street { get; init; }
    public string? Street2 { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? ZipCode { get; init; }
    public string? Country { get; init; }
    public string? Phone { get; init; }
    public bool IsDefault { get; init; }

    /// <summary>Required fields and lengths; field names prefixed (e.g. "shippingAddress.city") when nested.</summary>
    public IReadOnlyList<Error> Validate(string prefix = "")
    {
        var errors = new List<Error>();
        void Required(string? value, string field, string label, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(Error.Validation(prefix + field, $"{label} is required."));
            else if (value.Trim().Length > max) errors.Add(Error.Validation(prefix + field, $"{label} can be at most {max} characters."));
        }
        void Optional(string? value, string field, string label, int max)
        {
            if (value is not null && value.Trim().Length > max) errors.Add(Error.Validation(prefix + field, $"{label} can be at most {max} characters."));
        }
        void Name(string? value, string field, string label) => TextRules.CheckName(value, prefix + field, label, errors);
        Optional(FirstName, "firstName", "First name", Limits.Address.FirstName);
        Optional(LastName, "lastName", "Last name", Limits.Address.LastName);
        Required(Street, "street", "Street", Limits.Address.Street);
        Optional(Street2, "street2", "Address line 2", Limits.Address.Street2);
        Required(City, "city", "City", Limits.Address.City);
        Optional(State, "state", "State", Limits.Address.State);
        Required(ZipCode, "zipCode", "ZIP / postal code", Limits.Address.ZipCode);
        Required(Country, "country", "Country", Limits.Address.Country);
        Optional(Phone, "phone", "Phone", Limits.Address.Phone);
        Name(FirstName, "firstName", "First name");
        Name(LastName, "lastName", "Last name");
        Name(Street, "street", "Street");
        Name(Street2, "street2", "Address line 2");
        Name(City, "city", "City");
        Name(State, "state", "State");
        Name(Country, "country", "Country");
        return errors;
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record AddressView(
    int Id, string? FirstName, string? LastName, string Street, string? Street2, string City, string? State,
    string ZipCode, string Country, string? Phone, bool IsDefault);

/// <summary>
/// A customer's address book: at most <see cref="MaxAddresses"/> addresses, and exactly one default while there are
/// any (the first one saved becomes it). Every change counts and checks inside its write transaction, after taking
/// the customer's lock, so parallel requests cannot overfill the book or leave two defaults; a unique filtered index
/// on (UserId) WHERE IsDefault backs the single default in the database.
/// </summary>
public sealed class AddressService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxAddresses = 20;

    public async Task<IReadOnlyList<AddressView>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Addresses.AsNoTracking().Where(a => a.UserId == userId)
            .OrderByDescending(a => a.IsDefault).ThenBy(a => a.Id)
            .Select(ToView).ToListAsync(cancellationToken);
    }

    public async Task<AddressView?> GetAsync(string userId, int addressId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Addresses.AsNoTracking().Where(a => a.UserId == userId && a.Id == addressId)
            .Select(ToView).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Result<AddressView>> AddAsync(string userId, AddressInput input, CancellationToken cancellationToken = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0) return Result<AddressView>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InLockedBookAsync<AddressView>(db, userId, async ct =>
        {
            var count = await db.Addresses.CountAsync(a => a.UserId == userId, ct);
            if (count >= MaxAddresses)
                return Error.Validation("addresses", $"An address book holds at most {MaxAddresses} addresses. Delete one first.");

            var address = new Address { UserId = userId, Street = "", City = "", ZipCode = "", Country = "" };
            Apply(address, input);
            address.IsDefault = input.IsDefault || count == 0;
            if (address.IsDefault) await ClearDefaultAsync(db, userId, exceptId: null, ct);
            db.Addresses.Add(address);
            await db.SaveChangesAsync(ct);
            return View(address);
        }, cancellationToken);
    }

    /// <summary>
    /// Changes an address. Asking for it to be the default makes it the only default; asking for the default to stop
    /// being it hands the default to the most recently saved other address (the only address stays the default).
    /// </summary>
    public async Task<Result<AddressView>> UpdateAsync(string userId, int addressId, AddressInput input, CancellationToken cancellationToken = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0) return Result<AddressView>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InLockedBookAsync<AddressView>(db, userId, async ct =>
        {
            var address = await db.Addresses.FirstOrDefaultAsync(a => a.UserId == userId && a.Id == addressId, ct);
            if (address is null) return AddressNotFound(addressId);

            Apply(address, input);
            if (input.IsDefault && !address.IsDefault)
            {
                await ClearDefaultAsync(db, userId, address.Id, ct);
                address.IsDefault = true;
            }
            else if (!input.IsDefault && address.IsDefault && await PromoteNextDefaultAsync(db, userId, address.Id, ct))
            {
                address.IsDefault = false;
            }
            await db.SaveChangesAsync(ct);
            return View(address);
        }, cancellationToken);
    }

    /// <summary>Deletes an address; when it was the default, the most recently saved remaining one becomes the default.</summary>
    public async Task<Result> DeleteAsync(string userId, int addressId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await InLockedBookAsync<bool>(db, userId, async ct =>
        {
            var address = await db.Addresses.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == addressId, ct);
            if (address is null) return AddressNotFound(addressId);
            await db.Addresses.Where(a => a.Id == addressId).ExecuteDeleteAsync(ct);
            if (address.IsDefault) await PromoteNextDefaultAsync(db, userId, addressId, ct);
            return true;
        }, cancellationToken)).WithoutValue();
    }

    /// <summary>Makes one saved address the default (and no other), without touching its fields.</summary>
    public async Task<Result<AddressView>> SetDefaultAsync(string userId, int addressId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InLockedBookAsync<AddressView>(db, userId, async ct =>
        {
            var address = await db.Addresses.FirstOrDefaultAsync(a => a.UserId == userId && a.Id == addressId, ct);
            if (address is null) return AddressNotFound(addressId);
            if (!address.IsDefault)
            {
                await ClearDefaultAsync(db, userId, address.Id, ct);
                address.IsDefault = true;
                await db.SaveChangesAsync(ct);
            }
            return View(address);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs a change of the customer's address book in a transaction that first takes the customer's row lock, so that
    /// parallel changes of one address book run one after another and each counts what the previous one committed
    /// (also under PostgreSQL's READ COMMITTED; on SQLite the transaction's write lock already orders them).
    /// </summary>
    private static Task<Result<T>> InLockedBookAsync<T>(
        AppDbContext db, string userId, Func<CancellationToken, Task<Result<T>>> change, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            await db.Locks.LockRowAsync<ApplicationUser>(db, userId, ct);
            return await change(ct);
        }, cancellationToken);

    private static Task ClearDefaultAsync(AppDbContext db, string userId, int? exceptId, CancellationToken cancellationToken) =>
        db.Addresses.Where(a => a.UserId == userId && a.IsDefault && a.Id != exceptId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, false), cancellationToken);

    /// <summary>Makes the most recently saved address other than <paramref name="exceptId"/> the default; false when there is none.</summary>
    private static async Task<bool> PromoteNextDefaultAsync(AppDbContext db, string userId, int exceptId, CancellationToken cancellationToken)
    {
        var next = await db.Addresses.Where(a => a.UserId == userId && a.Id != exceptId)
            .OrderByDescending(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (next is null) return false;
        await ClearDefaultAsync(db, userId, exceptId: null, cancellationToken);
        await db.Addresses.Where(a => a.Id == next).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, true), cancellationToken);
        return true;
    }

    private static Error AddressNotFound(int addressId) => Error.NotFound($"Address with ID '{addressId}' not found");

    private static void Apply(Address address, AddressInput input)
    {
        address.FirstName = AddressInput.Clean(input.FirstName);
        address.LastName = AddressInput.Clean(input.LastName);
        address.Street = input.Street!.Trim();
        address.Street2 = AddressInput.Clean(input.Street2);
        address.City = input.City!.Trim();
        address.State = AddressInput.Clean(input.State);
        address.ZipCode = input.ZipCode!.Trim();
        address.Country = input.Country!.Trim();
        address.Phone = AddressInput.Clean(input.Phone);
    }

    internal static readonly System.Linq.Expressions.Expression<Func<Address, AddressView>> ToView = a =>
        new AddressView(a.Id, a.FirstName, a.LastName, a.Street, a.Street2, a.City, a.State, a.ZipCode, a.Country, a.Phone, a.IsDefault);

    private static readonly Func<Address, AddressView> View = ToView.Compile();
}
