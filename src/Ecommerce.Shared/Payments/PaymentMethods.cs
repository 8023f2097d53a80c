namespace Ecommerce.Shared.Payments;

/// <summary>What a payment method does when an order is placed with it.</summary>
public sealed record PaymentStart(string Provider, PaymentStatus Status, string? ProviderReference = null);

/// <summary>
/// A way to pay at checkout. Manual methods (bank transfer, pay on delivery) leave the order pending until an
/// admin marks it paid; card payments plug in here later.
/// </summary>
public interface IPaymentMethod
{
    /// <summary>The id clients send as <c>paymentMethodId</c>, e.g. "bank_transfer".</summary>
    string Id { get; }
    string Name { get; }
    string Description { get; }
    Task<PaymentStart> StartAsync(int orderId, long amountCents, string currency, CancellationToken cancellationToken);
}

/// <summary>A payment the shop collects outside the store (bank transfer, cash on delivery).</summary>
public sealed class ManualPaymentMethod(string id, string name, string description) : IPaymentMethod
{
    public const string Provider = "manual";

    public static readonly ManualPaymentMethod BankTransfer = new(
        "bank_transfer", "Bank transfer", "Pay by bank transfer: we send the bank details with your order confirmation and ship once the money arrives.");
    public static readonly ManualPaymentMethod CashOnDelivery = new(
        "cash_on_delivery", "Pay on delivery", "Pay the courier in cash or by card when your parcel arrives.");

    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Description { get; } = description;

    public Task<PaymentStart> StartAsync(int orderId, long amountCents, string currency, CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentStart(Provider, PaymentStatus.Pending));
}

/// <summary>The payment methods the store offers at checkout.</summary>
public sealed class PaymentMethodRegistry(IEnumerable<IPaymentMethod> methods)
{
    public IReadOnlyList<IPaymentMethod> All { get; } = methods.ToList();

    public IPaymentMethod? Find(string? id) =>
        All.FirstOrDefault(m => string.Equals(m.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    public string NameOf(string id) => Find(id)?.Name ?? id;
}
