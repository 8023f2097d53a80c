using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Payments;

public sealed record RefundOutcome(bool Succeeded, string? ProviderReference, string? FailureMessage);

/// <summary>
/// Gives money back through the provider that took it. Manual payments are refunded by the shop outside the store
/// (a bank transfer back, cash), so their refund is simply recorded; card providers plug in here.
/// </summary>
public interface IRefundGateway
{
    string Provider { get; }
    Task<RefundOutcome> RefundAsync(Payment payment, long amountCents, string? reason, CancellationToken cancellationToken);
}

public sealed class ManualRefundGateway : IRefundGateway
{
    public string Provider => ManualPaymentMethod.Provider;

    public Task<RefundOutcome> RefundAsync(Payment payment, long amountCents, string? reason, CancellationToken cancellationToken) =>
        Task.FromResult(new RefundOutcome(true, null, null));
}

public sealed record RefundView(int Id, Money Amount, string? Reason, RefundStatus Status, DateTime CreatedAt);

public sealed record PaymentView(int Id, string Provider, string Method, PaymentStatus Status, Money Amount, Money Refunded,
    string? ProviderReference, DateTime CreatedAt, IReadOnlyList<RefundView> Refunds)
{
    public Money Refundable => Status is PaymentStatus.Succeeded or PaymentStatus.PartiallyRefunded ? Amount - Refunded : Money.Zero;
}

/// <summary>Refunds of paid orders, whole or in part; a full refund moves the order to "refunded".</summary>
public sealed class RefundService(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<IRefundGateway> gateways,
    AuditLog audit,
    IOptions<StoreSettings> store,
    TimeProvider clock,
    ICatalogChangeNotifier catalogChanged)
{
    /// <summary>Whether the store can give money back through <paramref name="provider"/> (a card provider needs its refund gateway).</summary>
    public bool CanRefund(string provider) => gateways.Any(g => g.Provider == provider);

    public async Task<IReadOnlyList<PaymentView>> PaymentsAsync(int orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var payments = await db.Payments.AsNoTracking().Include(p => p.Refunds).Where(p => p.OrderId == orderId)
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return payments.Select(p => new PaymentView(p.Id, p.Provider, p.Method, p.Status, new Money(p.AmountCents), new Money(p.RefundedCents),
            p.ProviderReference, p.CreatedAt,
            p.Refunds.OrderBy(r => r.Id).Select(r => new RefundView(r.Id, new Money(r.AmountCents), r.Reason, r.Status, r.CreatedAt)).ToList())).ToList();
    }

    /// <summary>Refunds <paramref name="amount"/> (or all that is left) of the order's settled payment.</summary>
    public async Task<Result<PaymentView>> RefundAsync(AdminActor actor, int orderId, decimal? amount, string? reason, CancellationToken cancellationToken = default)
    {
        if (reason is { Length: > 1000 }) return Error.Validation("reason", "The reason can be at most 1000 characters.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        IReadOnlyList<int> rated = [];
        var failureRecorded = false; // a refusal by the provider is recorded (committed) and answered as a failure
        (int PaymentId, long Cents, RefundOutcome Outcome)? asked = null; // the provider is asked once, however often the unit runs
        var refunded = await db.InTransactionAsync<Result<int>>(async ct =>
        {
            failureRecorded = false;
            // The order's lock first: refunds (and status changes) of one order take turns, so that two refunds can
            // never both give back what remains.
            await db.Locks.LockRowAsync<Order>(db, orderId, ct);
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, ct);
            if (order is null) return Error.NotFound($"Order with ID '{orderId}' not found");
            var payment = await db.Payments.Include(p => p.Refunds)
                .Where(p => p.OrderId == orderId && (p.Status == PaymentStatus.Succeeded || p.Status == PaymentStatus.PartiallyRefunded))
                .OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
            if (payment is null) return Error.Conflict($"Order {order.OrderNumber} has no settled payment to refund.");

            var remaining = new Money(payment.AmountCents - payment.RefundedCents);
            var refund = amount is { } a ? Money.FromDecimal(a) : remaining;
            if (refund.Cents <= 0) return Error.Validation("amount", "The amount to refund must be above zero.");
            if (refund > remaining) return Error.Validation("amount", $"At most {store.Value.FormatPrice(remaining)} can be refunded.");
            var gateway = gateways.FirstOrDefault(g => g.Provider == payment.Provider);
            if (gateway is null) return Error.Conflict($"Refunds through {payment.Provider} are not available yet; refund the payment in the provider's dashboard.");

            if (asked is { } earlier && (earlier.PaymentId != payment.Id || earlier.Cents != refund.Cents))
                return Error.Conflict("The order's payments changed while the refund was being recorded; check them before refunding again.");
            asked ??= (payment.Id, refund.Cents, await gateway.RefundAsync(payment, refund.Cents, reason, ct));
            var outcome = asked.Value.Outcome;
            var now = clock.GetUtcNow().UtcDateTime;
            payment.Refunds.Add(new Refund
            {
                AmountCents = refund.Cents,
                Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
                Status = outcome.Succeeded ? RefundStatus.Succeeded : RefundStatus.Failed,
                ProviderReference = outcome.ProviderReference,
                RequestedByUserId = actor.UserId,
            });
            if (!outcome.Succeeded)
            {
                await db.SaveChangesAsync(ct);
                failureRecorded = true;
                return new Error(ErrorCodes.PaymentFailed, outcome.FailureMessage ?? "The payment provider refused the refund.");
            }

            payment.RefundedCents += refund.Cents;
            var full = payment.RefundedCents >= payment.AmountCents;
            payment.Status = full ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
            var note = $"Refunded {store.Value.FormatPrice(refund)}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}");
            var from = order.Status;
            rated = [];
            if (full)
            {
                order.Status = OrderStatus.Refunded;
                order.UpdatedAt = now;
                // Refunded: no longer a buyer through this order, so its reviews move to another paid order or are hidden.
                rated = await ReviewService.WithdrawAsync(db, orderId, SystemHideReason.OrderRefunded, ct);
            }
            db.OrderStatusChanges.Add(new OrderStatusChange
            {
                OrderId = orderId, FromStatus = from, Status = order.Status, Note = note, ChangedByUserId = actor.UserId, CreatedAt = now,
            });
            audit.Record(db, actor, "order.refunded", "Order", order.OrderNumber, $"{note} on order {order.OrderNumber}",
                new { amount = refund.ToDecimal(), full });
            await db.SaveChangesAsync(ct);
            return payment.Id;
        }, result => result.Succeeded || failureRecorded, cancellationToken);
        if (!refunded.Succeeded) return Result<PaymentView>.Failure(refunded.Errors);
        if (rated.Count > 0) await catalogChanged.ProductsChangedAsync(rated, listingsChanged: true, cancellationToken);
        return (await PaymentsAsync(orderId, cancellationToken)).First(p => p.Id == refunded.Value);
    }
}
