using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// Stores for shopper-journey tests: no demo catalog unless asked for, and, since the tests create many accounts,
/// password hashing with fewer PBKDF2 iterations than production (the hashing itself is Identity's, and no test
/// measures its cost); everything else is as configured.
/// </summary>
public static class ShopperApp
{
    public static StoreApp Create(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        all.TryAdd("Storage:DataPath", NewDataPath());
        // Shopper tests make their own products; the demo catalog only where a test asks for it.
        all.TryAdd("Seed:DemoCatalog", "false");
        return new StoreApp(all, FastPasswordHashing);
    }

    /// <summary>
    /// A fresh data folder, in memory (/dev/shm) where the machine has one: these stores commit thousands of small
    /// transactions, and waiting for the disk to flush each of them would dominate the run time.
    /// </summary>
    public static string NewDataPath()
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        return Path.Combine(root, "ecommerce-tests", Guid.NewGuid().ToString("N"));
    }

    public static void FastPasswordHashing(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
}

/// <summary>One shopper store (no demo catalog, output cache off, fast password hashing) shared by the tests of a class.</summary>
public class ShopperAppFixture : IDisposable
{
    public ShopperAppFixture() : this(new Dictionary<string, string?>()) { }

    protected ShopperAppFixture(IDictionary<string, string?> settings) => App = ShopperApp.Create(settings);

    public StoreApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A shopper store with its admin signed in once.</summary>
public class ShopperAdminFixture : ShopperAppFixture, IAsyncLifetime
{
    public ShopperAdminFixture() { }

    protected ShopperAdminFixture(IDictionary<string, string?> settings) : base(settings) { }

    public ApiSession Admin { get; private set; } = default!;

    public async Task InitializeAsync() => Admin = await App.SignInAdminAsync();

    public Task DisposeAsync()
    {
        Admin.Dispose();
        return Task.CompletedTask;
    }
}
