using Ecommerce.Shared.Customers;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Customers;

/// <summary>
/// The address book under parallel requests of one customer: the limit and the single default hold because the
/// count and the default handling happen inside the write transaction (and a unique index backs the default).
/// </summary>
public sealed class AddressBookConcurrencyTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly ShopServices _shop;

    public AddressBookConcurrencyTests() => _shop = new ShopServices(_database);

    public void Dispose() => _database.Dispose();

    private AddressService Addresses => new(_database.Factory);

    private static AddressInput Numbered(int i, bool isDefault) => ShopServices.Address with { Street = $"{i} Harbor Way", IsDefault = isDefault };

    private async Task<(int Count, int Defaults)> BookOfAsync(string userId)
    {
        await using var db = _database.CreateContext();
        var book = await db.Addresses.AsNoTracking().Where(a => a.UserId == userId).ToListAsync();
        return (book.Count, book.Count(a => a.IsDefault));
    }

    [Fact]
    public async Task Forty_parallel_adds_give_exactly_twenty_addresses_and_one_default()
    {
        var user = await _shop.AddUserAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => Addresses.AddAsync(user, Numbered(i, isDefault: i % 3 == 0)))));

        Assert.Equal(AddressService.MaxAddresses, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("addresses", Assert.Single(r.Errors).Field));
        Assert.Equal((20, 1), await BookOfAsync(user));
    }

    [Fact]
    public async Task Parallel_set_default_calls_leave_exactly_one_default()
    {
        var user = await _shop.AddUserAsync();
        var ids = new List<int>();
        for (var i = 0; i < 10; i++) ids.Add((await Addresses.AddAsync(user, Numbered(i, isDefault: false))).Value.Id);

        var results = await Task.WhenAll(ids.Concat(ids).Select(id => Task.Run(() => Addresses.SetDefaultAsync(user, id))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal((10, 1), await BookOfAsync(user));
    }

    [Fact]
    public async Task Parallel_adds_updates_and_deletes_never_leave_the_book_without_a_default_or_with_two()
    {
        var user = await _shop.AddUserAsync();
        var ids = new List<int>();
        for (var i = 0; i < 6; i++) ids.Add((await Addresses.AddAsync(user, Numbered(i, isDefault: i == 0))).Value.Id);

        await Task.WhenAll(
            Task.Run(() => Addresses.DeleteAsync(user, ids[0])),
            Task.Run(() => Addresses.UpdateAsync(user, ids[1], Numbered(1, isDefault: true))),
            Task.Run(() => Addresses.UpdateAsync(user, ids[2], Numbered(2, isDefault: false))),
            Task.Run(() => Addresses.SetDefaultAsync(user, ids[3])),
            Task.Run(() => Addresses.AddAsync(user, Numbered(7, isDefault: true))),
            Task.Run(() => Addresses.DeleteAsync(user, ids[4])));

        Assert.Equal((5, 1), await BookOfAsync(user));
    }

    [Fact]
    public async Task Unsetting_the_default_hands_it_to_the_latest_other_address_and_the_only_address_stays_default()
    {
        var user = await _shop.AddUserAsync();
        var first = (await Addresses.AddAsync(user, Numbered(1, isDefault: false))).Value;
        Assert.True(first.IsDefault);

        var unchanged = await Addresses.UpdateAsync(user, first.Id, Numbered(1, isDefault: false) with { City = "Salem" });
        Assert.True(unchanged.Value.IsDefault);
        Assert.Equal("Salem", unchanged.Value.City);

        var second = (await Addresses.AddAsync(user, Numbered(2, isDefault: false))).Value;
        var third = (await Addresses.AddAsync(user, Numbered(3, isDefault: false))).Value;
        var moved = await Addresses.UpdateAsync(user, first.Id, Numbered(1, isDefault: false));
        Assert.False(moved.Value.IsDefault);
        var book = await Addresses.ListAsync(user);
        Assert.Equal([third.Id], book.Where(a => a.IsDefault).Select(a => a.Id));
        Assert.False(book.Single(a => a.Id == second.Id).IsDefault);
    }

    [Fact]
    public async Task The_database_refuses_a_second_default_address()
    {
        var user = await _shop.AddUserAsync();
        await Addresses.AddAsync(user, Numbered(1, isDefault: true));

        await using var db = _database.CreateContext();
        db.Addresses.Add(new Address { UserId = user, Street = "2 Harbor Way", City = "Portland", ZipCode = "97201", Country = "USA", IsDefault = true });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
