using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Ecommerce.Tests.Unit.Cart;

/// <summary>
/// Two "add to cart" requests of the same customer at the same moment, made deterministic: the first request is
/// held just before it saves; the second must wait for it (the add runs under the database's write lock) rather
/// than read the cart the first is about to change. Once the first goes on, both adds count.
/// </summary>
public sealed class CartConcurrencyTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly HoldBeforeSave _hold = new();
    private readonly CartService _carts;

    public CartConcurrencyTests() =>
        _carts = new CartService(new GatedFactory(_database, _hold), Options.Create(new StoreSettings()), _database.Clock);

    public void Dispose() => _database.Dispose();

    private async Task<(int Product, string User)> Setup()
    {
        await using var db = _database.CreateContext();
        var product = await db.AddProductAsync("Lamp", 10m, stock: 50, sku: "LAMP-1");
        var user = await new ShopServices(_database).AddUserAsync();
        return (product.Id, user);
    }

    /// <summary>
    /// Runs <paramref name="first"/> until it is about to save, starts <paramref name="second"/>, checks that the
    /// second waits for the first instead of working on the same cart, then lets the first finish.
    /// </summary>
    private async Task<(Result<CartLine> First, Result<CartLine> Second)> Interleave(
        Func<Task<Result<CartLine>>> first, Func<Task<Result<CartLine>>> second)
    {
        var firstTask = Task.Run(async () =>
        {
            HoldBeforeSave.Held.Value = true;
            return await first();
        });
        await _hold.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var secondTask = Task.Run(second);
        // While the first holds the cart, the second cannot complete.
        var finishedEarly = await Task.WhenAny(secondTask, Task.Delay(TimeSpan.FromMilliseconds(500))) == secondTask;
        _hold.Release.SetResult();
        var results = (await firstTask, await secondTask.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(finishedEarly, "The second add finished while the first still held the cart it was changing.");
        return results;
    }

    [Fact]
    public async Task Two_simultaneous_adds_to_an_existing_line_both_count()
    {
        var (product, user) = await Setup();
        var owner = CartOwner.ForUser(user);
        Assert.True((await _carts.AddItemAsync(owner, product, 1)).Succeeded);

        var (first, second) = await Interleave(
            () => _carts.AddItemAsync(owner, product, 1),
            () => _carts.AddItemAsync(owner, product, 1));

        Assert.True(first.Succeeded);
        Assert.True(second.Succeeded);
        Assert.Equal(3, Assert.Single((await _carts.GetAsync(owner)).Items).Quantity);
    }

    [Fact]
    public async Task Two_simultaneous_first_adds_of_a_customer_without_a_cart_both_count()
    {
        var (product, user) = await Setup();
        var owner = CartOwner.ForUser(user);

        var (first, second) = await Interleave(
            () => _carts.AddItemAsync(owner, product, 1),
            () => _carts.AddItemAsync(owner, product, 1));

        Assert.True(second.Succeeded);
        Assert.True(first.Succeeded);
        Assert.Equal(2, Assert.Single((await _carts.GetAsync(owner)).Items).Quantity);
    }

    /// <summary>Holds a save of the flow marked <see cref="Held"/> until <see cref="Release"/> completes.</summary>
    private sealed class HoldBeforeSave : SaveChangesInterceptor
    {
        public static readonly AsyncLocal<bool> Held = new();
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Held.Value)
            {
                Held.Value = false;
                Reached.TrySetResult();
                await Release.Task;
            }
            return result;
        }
    }

    private sealed class GatedFactory(TestDatabase database, IInterceptor gate) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() =>
            new(TestProvider.Options(database.ConnectionString)
                .AddInterceptors(new StampingInterceptor(database.Clock), gate)
                .Options);
    }
}
