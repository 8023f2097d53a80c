using System.Net;
using System.Text.Json;
using Ecommerce.Shared.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// One shopper store (no demo catalog, output cache off, fast password hashing) for the admin API tests, with the
/// admin and one customer signed in through the API. Tests make their own products, categories and customers
/// with unique names, so they can share it.
/// </summary>
public sealed class AdminApiFixture : ShopperAppFixture, IAsyncLifetime
{
    public ApiSession Admin { get; private set; } = default!;
    public ApiSession Customer { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Admin = await App.SignInAdminAsync();
        Customer = await App.RegisterCustomerAsync(firstName: "Casey", lastName: "Customer");
    }

    public Task DisposeAsync()
    {
        Admin.Dispose();
        Customer.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Eight characters that make names, SKUs and slugs unique to a test.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A full "Create Product" body (document 002) with a unique SKU; entries can be changed or removed.</summary>
    public static Dictionary<string, object?> ProductBody(string? name = null, string? sku = null, string? categoryId = null)
    {
        var unique = Unique();
        return new Dictionary<string, object?>
        {
            ["name"] = name ?? $"Smart Watch {unique}",
            ["description"] = "Advanced fitness tracking smartwatch",
            ["longDescription"] = "Full detailed description...",
            ["price"] = 399.99m,
            ["compareAtPrice"] = 499.99m,
            ["sku"] = sku ?? $"SW-{unique}".ToUpperInvariant(),
            ["categoryId"] = categoryId,
            ["images"] = new[] { new { url = "https://cdn.example.com/products/sw-001-1.jpg", alt = "Smart Watch Front", isPrimary = true } },
            ["stock"] = 100,
            ["tags"] = new[] { "smartwatch", "fitness", "health" },
            ["attributes"] = new[] { new { name = "Color", value = "Silver" } },
            ["specifications"] = new Dictionary<string, string> { ["brand"] = "TechWear", ["waterResistance"] = "5ATM" },
        };
    }

    /// <summary>Creates a product through POST /api/v1/products (201) and returns its data.</summary>
    public async Task<JsonElement> CreateProductAsync(Dictionary<string, object?>? body = null) =>
        (await Admin.Client.PostApiAsync("/api/v1/products", body ?? ProductBody())).Data(HttpStatusCode.Created);

    /// <summary>Creates a category through POST /api/v1/categories (201) and returns its id.</summary>
    public async Task<int> CreateCategoryAsync(string? name = null, int? parentId = null) =>
        (await Admin.Client.PostApiAsync("/api/v1/categories", new { name = name ?? $"Category {Unique()}", parentId = parentId?.ToString() }))
        .Data(HttpStatusCode.Created).Id();

    /// <summary>The audit entries about one entity, oldest first.</summary>
    public Task<List<AuditEntry>> AuditAsync(string entityType, string entityId) =>
        App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderBy(e => e.Id).ToListAsync());

    /// <summary>A service of the running app, from a scope of its own.</summary>
    public async Task<TResult> WithServiceAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The signed-in admin as the services see an admin acting through the back office.</summary>
    public AdminActor AdminActor => new(Admin.UserId, Admin.Email);
}

[CollectionDefinition(Name)]
public sealed class AdminApiCollection : ICollectionFixture<AdminApiFixture>
{
    public const string Name = "Admin API";
}
