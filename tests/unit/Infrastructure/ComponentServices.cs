using System.Collections.Concurrent;
using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Coupons;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Notifications;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;
using Ecommerce.Web.Components.Cart;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// A bunit context for the cart and checkout components: MudBlazor's services, loose JS interop, interactive
/// server rendering, bunit's authorization (anonymous until <see cref="SignIn"/>) and the store's services over
/// a fresh <see cref="TestDatabase"/>. Like <see cref="MudTestContext"/> it is disposed asynchronously, as
/// MudBlazor's popover service requires; unlike it, every service is registered before the renderer is
/// touched (bunit takes no registrations after that), so derived classes need not register anything.
/// </summary>
public abstract class ShopComponentContext : BunitContext, IAsyncLifetime
{
    protected ShopComponentContext(StoreSettings? settings = null)
    {
        Services.AddMudServices();
        Shop = ComponentServices.Register(this, Database, settings);
        Auth = AddAuthorization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected TestDatabase Database { get; } = new();
    protected ComponentServices Shop { get; }
    protected BunitAuthorizationContext Auth { get; }

    /// <summary>The circuit's cart state, the instance the rendered components get.</summary>
    protected CartState CartState => Services.GetRequiredService<CartState>();

    /// <summary>Signs the rendered components' user in as the customer with this id (ClaimTypes.NameIdentifier).</summary>
    protected void SignIn(string userId, string name = "casey@example.com")
    {
        Auth.SetAuthorized(name);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, name));
    }

    private bool _disposedAsync;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        _disposedAsync = true;
        Database.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposedAsync) return;
        base.Dispose(disposing);
        if (disposing) Database.Dispose();
    }
}

/// <summary>
/// The store's cart, address and order services over a <see cref="TestDatabase"/>, registered in a bunit
/// context as the app registers them (CartState scoped, one per "circuit"), plus seeding helpers for the
/// cart and checkout component tests.
/// </summary>
public sealed class ComponentServices
{
    private ComponentServices(TestDatabase database, StoreSettings store)
    {
        Database = database;
        Store = store;
    }

    public TestDatabase Database { get; }
    public StoreSettings Store { get; }
    public OutboxEmailSender Mail { get; } = new();

    /// <summary>
    /// Registers CartService, AddressService, OrderService (bank transfer and cash on delivery), CartState and
    /// an e-mail outbox. Call before the first render: bunit takes no registrations after that.
    /// </summary>
    public static ComponentServices Register(BunitContext context, TestDatabase database, StoreSettings? store = null)
    {
        var services = new ComponentServices(database, store ?? new StoreSettings());
        var options = Options.Create(services.Store);
        context.Services.AddSingleton(options);
        context.Services.AddSingleton<TimeProvider>(database.Clock);
        context.Services.AddSingleton(database.Factory);
        context.Services.AddSingleton<IEmailSender>(services.Mail);
        context.Services.AddSingleton(new PaymentMethodRegistry([ManualPaymentMethod.BankTransfer, ManualPaymentMethod.CashOnDelivery]));
        context.Services.AddScoped(_ => new CartService(database.Factory, options, database.Clock));
        context.Services.AddScoped(_ => new AddressService(database.Factory));
        context.Services.AddScoped(sp => new OrderService(
            database.Factory, sp.GetRequiredService<CartService>(), sp.GetRequiredService<PaymentMethodRegistry>(),
            services.Mail, new Ecommerce.Shared.Audit.AuditLog(database.Factory, database.Clock), options, Options.Create(new AuthOptions()), database.Clock,
            NullLogger<OrderService>.Instance, new RecordingCatalogNotifier(), sp.GetRequiredService<Ecommerce.Shared.Common.StoreMetrics>(),
            Options.Create(new ShippingOptions())));
        context.Services.AddScoped<CartState>();
        context.Services.AddOptions();
        context.Services.AddMetrics();
        context.Services.AddSingleton<Ecommerce.Shared.Common.StoreMetrics>();
        context.Services.AddSingleton(_ => new Ecommerce.Shared.Common.RateCounters(database.Clock));
        context.Services.AddSingleton<Ecommerce.Api.RateLimiting.ActionRateLimiter>();
        return services;
    }

    /// <summary>A customer row (no password: component tests do not sign in through Identity).</summary>
    public async Task<string> AddUserAsync(string firstName = "Casey", string lastName = "Shopper")
    {
        var email = $"shopper-{Guid.NewGuid():N}@example.com";
        var user = new ApplicationUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(),
            Email = email, NormalizedEmail = email.ToUpperInvariant(),
            FirstName = firstName, LastName = lastName,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        await using var db = Database.CreateContext();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public async Task<Product> AddProductAsync(string name, decimal price, int stock = 10)
    {
        await using var db = Database.CreateContext();
        return await db.AddProductAsync(name, price, stock: stock);
    }

    /// <summary>
    /// Writes a cart with these lines straight into the database (so that a line may ask for more than the
    /// stock, as it does once stock drops after the shopper added it). Lines keep the given order.
    /// </summary>
    public async Task<ShoppingCart> AddCartAsync(CartOwner owner, string? couponCode = null, params (Product Product, int Quantity)[] lines)
    {
        await using var db = Database.CreateContext();
        var added = Database.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var cart = new ShoppingCart
        {
            UserId = owner.UserId,
            AnonymousId = owner.UserId is null ? owner.AnonymousId : null,
            CouponCode = couponCode,
            Items = lines.Select((l, i) => new CartItem
            {
                ProductId = l.Product.Id, Quantity = l.Quantity, AddedAt = added.AddMinutes(i), ShownPriceCents = l.Product.PriceCents,
            }).ToList(),
        };
        db.Carts.Add(cart);
        await db.SaveChangesAsync();
        return cart;
    }

    public async Task<Coupon> AddCouponAsync(string code, decimal percentOff = 0, decimal amountOff = 0)
    {
        var coupon = new Coupon
        {
            Code = code,
            Description = "Test coupon",
            Kind = amountOff > 0 ? CouponKind.FixedAmount : CouponKind.Percentage,
            PercentOff = percentOff,
            AmountOffCents = Money.FromDecimal(amountOff).Cents,
        };
        await using var db = Database.CreateContext();
        db.Coupons.Add(coupon);
        await db.SaveChangesAsync();
        return coupon;
    }

    public async Task<Address> AddAddressAsync(string userId, string street, string city = "Portland", bool isDefault = false,
        string? firstName = null, string? lastName = null)
    {
        var address = new Address
        {
            UserId = userId, FirstName = firstName, LastName = lastName, Street = street, City = city, State = "OR",
            ZipCode = "97201", Country = "USA", IsDefault = isDefault,
        };
        await using var db = Database.CreateContext();
        db.Addresses.Add(address);
        await db.SaveChangesAsync();
        return address;
    }

    public async Task SetStockAsync(int productId, int stock)
    {
        await using var db = Database.CreateContext();
        await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, stock));
    }

    public async Task<int> StockOfAsync(int productId)
    {
        await using var db = Database.CreateContext();
        return await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }

    /// <summary>The cart's lines as the database holds them: product id and quantity, in cart order.</summary>
    public async Task<List<(int ProductId, int Quantity)>> CartLinesAsync(CartOwner owner)
    {
        await using var db = Database.CreateContext();
        var query = owner.UserId is { } userId
            ? db.CartItems.Where(i => db.Carts.Any(c => c.Id == i.CartId && c.UserId == userId))
            : db.CartItems.Where(i => db.Carts.Any(c => c.Id == i.CartId && c.AnonymousId == owner.AnonymousId));
        var rows = await query.AsNoTracking().OrderBy(i => i.AddedAt).ThenBy(i => i.Id).Select(i => new { i.ProductId, i.Quantity }).ToListAsync();
        return rows.Select(r => (r.ProductId, r.Quantity)).ToList();
    }

    public async Task<string?> CartCouponAsync(CartOwner owner)
    {
        await using var db = Database.CreateContext();
        var carts = owner.UserId is { } userId ? db.Carts.Where(c => c.UserId == userId) : db.Carts.Where(c => c.AnonymousId == owner.AnonymousId);
        return await carts.Select(c => c.CouponCode).SingleOrDefaultAsync();
    }

    public async Task<List<Order>> OrdersOfAsync(string userId)
    {
        await using var db = Database.CreateContext();
        return await db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.UserId == userId).OrderBy(o => o.Id).ToListAsync();
    }

    public async Task<List<Address>> AddressesOfAsync(string userId)
    {
        await using var db = Database.CreateContext();
        return await db.Addresses.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync();
    }
}

/// <summary>An e-mail sender that keeps what it was asked to send.</summary>
public sealed class OutboxEmailSender : IEmailSender
{
    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>Counts the publications a <see cref="CartState"/> makes.</summary>
public sealed class CartStateRecorder
{
    public CartStateRecorder(CartState state) => state.CountChanged += Published.Add;

    public List<int> Published { get; } = [];
}

/// <summary>
/// Finding rendered parts the way a user does: fields by their label, buttons by their text. A field is a MudBlazor
/// one or a plain one (a label and an input in a <c>.field</c>, as the static forms and the address fields render).
/// </summary>
public static class MudMarkup
{
    private const string FieldLabel = "label.mud-input-label, .field > label[for]";

    public static string Trimmed(this IElement element) => element.TextContent.Trim();

    /// <summary>A field's input (or textarea) by its visible label (without a required marker).</summary>
    public static IElement FieldByLabel<T>(this IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var labels = cut.FindAll(FieldLabel).Where(l => LabelText(l) == label).ToList();
        Assert.True(labels.Count == 1, $"expected one field labelled '{label}', found {labels.Count}");
        return cut.Find($"#{labels[0].GetAttribute("for")}");
    }

    /// <summary>The <paramref name="index"/>-th (from 0) of the fields with this label, in page order.</summary>
    public static IElement FieldByLabel<T>(this IRenderedComponent<T> cut, string label, int index) where T : IComponent
    {
        var labels = cut.FindAll(FieldLabel).Where(l => LabelText(l) == label).ToList();
        Assert.True(labels.Count > index, $"expected at least {index + 1} fields labelled '{label}', found {labels.Count}");
        return cut.Find($"#{labels[index].GetAttribute("for")}");
    }

    /// <summary>
    /// Enters a value the way the field takes it: a change event (the value is committed), or the input event of a
    /// field that updates as it is typed in (Immediate).
    /// </summary>
    public static async Task TypeAsync(this IElement field, string value)
    {
        try
        {
            await field.ChangeAsync(new ChangeEventArgs { Value = value });
        }
        catch (MissingEventHandlerException)
        {
            await field.InputAsync(new ChangeEventArgs { Value = value });
        }
    }

    /// <summary>The labels of the fields inside an element, in order.</summary>
    public static List<string> FieldLabels(this IElement container) =>
        container.QuerySelectorAll(FieldLabel).Select(LabelText).ToList();

    public static bool HasFieldLabelled<T>(this IRenderedComponent<T> cut, string label) where T : IComponent =>
        cut.FindAll(FieldLabel).Any(l => LabelText(l) == label);

    /// <summary>The error line shown under a field (MudBlazor's helper line or a plain field's error), or null when there is none.</summary>
    public static string? ErrorUnder<T>(this IRenderedComponent<T> cut, string label) where T : IComponent =>
        cut.FieldByLabel(label).Closest(".mud-input-control, .field")!
            .QuerySelector(".mud-input-helper-text.mud-input-error, .field__error")?.Trimmed();

    /// <summary>A button (or a MudButton rendered as a link) by its text.</summary>
    public static IElement ButtonByText<T>(this IRenderedComponent<T> cut, string text) where T : IComponent
    {
        var buttons = cut.FindAll("button, a.mud-button-root").Where(b => b.Trimmed() == text).ToList();
        Assert.True(buttons.Count == 1, $"expected one button '{text}', found {buttons.Count}");
        return buttons[0];
    }

    /// <summary>A MudRadio's input by the text of its label (which may hold more than the text).</summary>
    public static IElement RadioByText<T>(this IRenderedComponent<T> cut, string textStart) where T : IComponent
    {
        var radios = cut.FindAll("label.mud-radio").Where(l => l.Trimmed().StartsWith(textStart, StringComparison.Ordinal)).ToList();
        Assert.True(radios.Count == 1, $"expected one radio '{textStart}…', found {radios.Count}");
        return radios[0].QuerySelector("input[type='radio']")!;
    }

    /// <summary>The text of the checked radios' labels, in order.</summary>
    public static List<string> CheckedRadios<T>(this IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("label.mud-radio").Where(l => l.QuerySelector("input[type='radio']")!.HasAttribute("checked"))
            .Select(l => string.Join(' ', l.Trimmed().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();

    public static bool IsDisabledControl(this IElement element) =>
        element.HasAttribute("disabled") || element.ClassList.Contains("mud-disabled") || element.GetAttribute("aria-disabled") == "true";

    private static string LabelText(IElement label) => label.Trimmed().TrimEnd('*').Trim();
}
