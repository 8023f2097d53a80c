using System.Collections.Concurrent;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Notifications;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>The cart and order services over a <see cref="TestDatabase"/>, wired as the app wires them.</summary>
public sealed class ShopServices(TestDatabase database, StoreSettings? store = null, AuthOptions? auth = null)
{
    public StoreSettings Store { get; } = store ?? new StoreSettings();
    public AuthOptions Auth { get; } = auth ?? new AuthOptions();
    public ShippingOptions Shipping { get; } = new();
    public RecordingEmailSender Mail { get; } = new();
    public RecordingCatalogNotifier CatalogChanges { get; } = new();
    /// <summary>The business metrics, on a meter factory of these services' own (listen with a MetricCollector).</summary>
    public StoreMetrics Metrics { get; } = TestMetrics.Create();

    public CartService Carts => new(database.Factory, Options.Create(Store), database.Clock);

    public OrderService Orders => new(
        database.Factory, Carts,
        new PaymentMethodRegistry([ManualPaymentMethod.BankTransfer, ManualPaymentMethod.CashOnDelivery]),
        Mail, new Ecommerce.Shared.Audit.AuditLog(database.Factory, database.Clock), Options.Create(Store), Options.Create(Auth),
        database.Clock, NullLogger<OrderService>.Instance, CatalogChanges, Metrics, Options.Create(Shipping));

    /// <summary>A customer row (no password: service tests do not sign in).</summary>
    public async Task<string> AddUserAsync(string? email = null)
    {
        email ??= ApiSessions.NewEmail();
        var user = new ApplicationUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(),
            Email = email, NormalizedEmail = email.ToUpperInvariant(),
            FirstName = "Casey", LastName = "Shopper",
        };
        await using var db = database.CreateContext();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static AddressInput Address => new() { Street = "1 Harbor Way", City = "Portland", State = "OR", ZipCode = "97201", Country = "USA" };
}

/// <summary>An e-mail sender that keeps the messages.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>A catalog change notifier that keeps what it was told (which products, whether listings changed).</summary>
public sealed class RecordingCatalogNotifier : Ecommerce.Shared.Catalog.ICatalogChangeNotifier
{
    public ConcurrentQueue<(IReadOnlyCollection<int> ProductIds, bool ListingsChanged)> ProductChanges { get; } = new();
    public int CatalogChanges;

    public Task CatalogChangedAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref CatalogChanges);
        return Task.CompletedTask;
    }

    public Task ProductsChangedAsync(IReadOnlyCollection<int> productIds, bool listingsChanged, CancellationToken cancellationToken = default)
    {
        ProductChanges.Enqueue((productIds.ToList(), listingsChanged));
        return Task.CompletedTask;
    }
}
