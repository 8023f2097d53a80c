using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Orders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// The store's services wired as the app wires them (<c>AddStore</c> plus Identity), over a fresh
/// <see cref="TestDatabase"/> with its <see cref="FakeClock"/>, a data folder of its own (pictures, mail) and a
/// bootstrap admin. For back-office service tests that need no HTTP: each test gets its own database.
/// </summary>
public sealed class AdminServices : IDisposable
{
    public const string AdminEmail = "owner@test.example";
    public const string AdminPassword = "Owner-Passw0rd!";

    private readonly List<AsyncServiceScope> _scopes = [];

    private AdminServices(IDictionary<string, string?>? settings)
    {
        DataPath = ShopperApp.NewDataPath();
        Directory.CreateDirectory(DataPath);
        var all = new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = DataPath,
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
        };
        foreach (var (key, value) in Database.Settings) all[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Database.Clock); // before AddStore, which only adds the system clock when none is registered
        services.AddStore(configuration, DataPath);
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddHttpContextAccessor();
        services.AddAuthentication();
        services.AddIdentityCore<ApplicationUser>(IdentityRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        ShopperApp.FastPasswordHashing(services);
        Provider = services.BuildServiceProvider();
    }

    /// <summary>Services over a new database, with the roles and the bootstrap admin created.</summary>
    public static async Task<AdminServices> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var services = new AdminServices(settings);
        await services.Get<AdminBootstrapper>().EnsureAsync(isDevelopment: false, TextWriter.Null);
        var admin = await services.Get<UserManager<ApplicationUser>>().FindByEmailAsync(AdminEmail);
        services.AdminId = admin!.Id;
        return services;
    }

    public TestDatabase Database { get; } = new();
    public FakeClock Clock => Database.Clock;
    public string DataPath { get; }
    public ServiceProvider Provider { get; }
    public string AdminId { get; private set; } = "";

    /// <summary>The bootstrap admin acting in the back office.</summary>
    public AdminActor Actor => new(AdminId, AdminEmail);

    /// <summary>A service from a new scope (scoped services get a fresh DbContext per call, as per request in the app).</summary>
    public T Get<T>() where T : notnull
    {
        var scope = Provider.CreateAsyncScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public ProductAdminService Products => Get<ProductAdminService>();
    public ProductCsvService Csv => Get<ProductCsvService>();
    public CategoryAdminService Categories => Get<CategoryAdminService>();
    public CustomerAdminService Customers => Get<CustomerAdminService>();
    public AuditLog Audit => Get<AuditLog>();
    public OrderService Orders => Get<OrderService>();
    public CartService Carts => Get<CartService>();

    public AppDbContext Db() => Database.CreateContext();

    /// <summary>Runs <paramref name="action"/> with a fresh context of the test database.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var db = Db();
        return await action(db);
    }

    /// <summary>A category saved straight into the database; the category directory is refreshed.</summary>
    public async Task<Category> AddCategoryAsync(string name, Category? parent = null, int sortOrder = 0)
    {
        await using var db = Db();
        var category = await db.AddCategoryAsync(name, parent, sortOrder);
        Provider.GetRequiredService<CategoryDirectory>().Invalidate();
        return category;
    }

    /// <summary>A product saved straight into the database (with one picture that ships with the app).</summary>
    public async Task<Product> AddProductAsync(string name, decimal price, Category? category = null, int stock = 10, string? sku = null,
        ProductStatus status = ProductStatus.Active, IEnumerable<string>? tags = null, string description = "")
    {
        await using var db = Db();
        return await db.AddProductAsync(name, price, category, stock, sku, description: description, tags: tags, status: status);
    }

    public async Task<Product> ProductAsync(int id)
    {
        await using var db = Db();
        return await db.Products.AsNoTracking().Include(p => p.Images).SingleAsync(p => p.Id == id);
    }

    /// <summary>A customer account (optionally with a password, so it can sign in; optionally an admin).</summary>
    public async Task<ApplicationUser> AddUserAsync(string? email = null, bool admin = false, string? password = null,
        string firstName = "Casey", string lastName = "Shopper")
    {
        email ??= ApiSessions.NewEmail();
        var users = Get<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, FirstName = firstName, LastName = lastName, EmailConfirmed = true };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, Roles.Customer)).Succeeded);
        if (admin) Assert.True((await users.AddToRoleAsync(user, Roles.Admin)).Succeeded);
        return user;
    }

    public async Task<bool> IsAdminAsync(string userId)
    {
        var users = Get<UserManager<ApplicationUser>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(userId))!, Roles.Admin);
    }

    /// <summary>The audit entries, oldest first.</summary>
    public async Task<List<AuditEntry>> AuditEntriesAsync(string? action = null)
    {
        await using var db = Db();
        var entries = db.AuditEntries.AsNoTracking();
        if (action is not null) entries = entries.Where(e => e.Action == action);
        return await entries.OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>
    /// A customer's order placed the way the shop places it (cart, then checkout by bank transfer); with
    /// <paramref name="paid"/> an admin then marks it paid, which settles its manual payment.
    /// </summary>
    public async Task<OrderView> PlaceOrderAsync(string userId, IReadOnlyList<(int ProductId, int Quantity)> lines, bool paid)
    {
        foreach (var (productId, quantity) in lines)
        {
            var added = await Carts.AddItemAsync(CartOwner.ForUser(userId), productId, quantity);
            Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Message)));
        }
        var placed = await Orders.PlaceOrderAsync(userId, new PlaceOrderInput { ShippingAddress = ShopServices.Address, PaymentMethodId = "bank_transfer" });
        Assert.True(placed.Succeeded, string.Join(" ", placed.Errors.Select(e => e.Message)));
        if (!paid) return placed.Value;
        var marked = await Orders.ChangeStatusAsync(placed.Value.Id, "paid", null, null, null, AdminId, Actor);
        Assert.True(marked.Succeeded, string.Join(" ", marked.Errors.Select(e => e.Message)));
        return marked.Value;
    }

    public void Dispose()
    {
        foreach (var scope in _scopes) scope.Dispose();
        Provider.Dispose();
        Database.Dispose();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
