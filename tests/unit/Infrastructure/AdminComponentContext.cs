using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// A bunit context for the back-office components: MudBlazor's services, loose JS interop, interactive server
/// rendering, an admin signed in through bunit's authorization, and the store's services registered as the app
/// registers them (<c>AddStore</c>) over a fresh <see cref="TestDatabase"/> and a data folder of its own. Disposed
/// asynchronously, as MudBlazor's popover service requires.
/// </summary>
public abstract class AdminComponentContext : BunitContext, IAsyncLifetime
{
    public const string AdminId = "admin-under-test";
    public const string AdminEmail = "owner@test.example";

    protected AdminComponentContext(IDictionary<string, string?>? settings = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "ecommerce-tests", "admin-ui-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        var all = new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = DataPath,
        };
        foreach (var (key, value) in Database.Settings) all[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();

        // Every registration comes before the renderer is first used: bunit takes none after that.
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddStore(configuration, DataPath);
        Services.AddMudServices();
        Auth = AddAuthorization();
        Auth.SetAuthorized(AdminEmail);
        Auth.SetRoles(Roles.Admin);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, AdminId), new Claim(ClaimTypes.Email, AdminEmail));
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected TestDatabase Database { get; } = new();
    protected string DataPath { get; }
    protected BunitAuthorizationContext Auth { get; }

    /// <summary>The admin the components act as.</summary>
    protected static AdminActor Actor => new(AdminId, AdminEmail);

    protected AppDbContext Db() => Database.CreateContext();

    /// <summary>A service of the context's container (scoped ones from the root scope, as the rendered components get them).</summary>
    protected T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected async Task<Category> AddCategoryAsync(string name, Category? parent = null)
    {
        await using var db = Db();
        var category = await db.AddCategoryAsync(name, parent);
        Service<CategoryDirectory>().Invalidate();
        return category;
    }

    protected async Task<Product> AddProductAsync(string name, decimal price, Category? category = null, int stock = 10, string? sku = null)
    {
        await using var db = Db();
        return await db.AddProductAsync(name, price, category, stock, sku);
    }

    protected async Task<Product> ProductAsync(int id)
    {
        await using var db = Db();
        return await db.Products.AsNoTracking().Include(p => p.Images).SingleAsync(p => p.Id == id);
    }

    /// <summary>
    /// An order written straight into the database (number, customer, status, time and one line of
    /// <paramref name="quantity"/> × <paramref name="unitPrice"/>), for list and grid tests that need many orders.
    /// </summary>
    protected async Task<Order> AddOrderAsync(string number, string email, OrderStatus status, DateTime createdAt, decimal unitPrice = 10m,
        int quantity = 1, Product? product = null)
    {
        var cents = Money.FromDecimal(unitPrice).Cents;
        var address = new OrderAddress { Street = "1 Harbor Way", City = "Bar Harbor", State = "ME", ZipCode = "04609", Country = "USA" };
        var order = new Order
        {
            OrderNumber = number, CustomerEmail = email, CustomerName = "Casey Shopper", Status = status, Currency = "USD",
            SubtotalCents = cents * quantity, TotalCents = cents * quantity, ShippingAddress = address,
            BillingAddress = new OrderAddress { Street = address.Street, City = address.City, State = address.State, ZipCode = address.ZipCode, Country = address.Country },
            PaymentMethod = "bank_transfer", CreatedAt = createdAt, UpdatedAt = createdAt,
            Lines =
            [
                new OrderLine
                {
                    ProductId = product?.Id ?? (await AddProductAsync($"Product for {number}", unitPrice)).Id,
                    ProductName = product?.Name ?? $"Product for {number}", Sku = $"SKU-{number}", UnitPriceCents = cents, Quantity = quantity,
                    LineTotalCents = cents * quantity,
                },
            ],
            StatusHistory = [new OrderStatusChange { Status = status, Note = "Order placed", CreatedAt = createdAt }],
        };
        await using var db = Db();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    private bool _disposedAsync;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        _disposedAsync = true;
        Cleanup();
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposedAsync) return;
        base.Dispose(disposing);
        if (disposing) Cleanup();
    }

    private void Cleanup()
    {
        Database.Dispose();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
