using System.Globalization;
using System.Text;
using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Coupons;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Notifications;
using Ecommerce.Shared.Payments;
using Ecommerce.Shared.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Orders;

/// <summary>
/// Orders: placing one from the cart (stock taken atomically, all lines or none), listing and reading them,
/// cancelling (stock restored) and moving them through their statuses.
/// </summary>
public sealed class OrderService(
    IDbContextFactory<AppDbContext> dbFactory,
    CartService carts,
    PaymentMethodRegistry paymentMethods,
    IEmailSender email,
    AuditLog audit,
    IOptions<StoreSettings> store,
    IOptions<AuthOptions> auth,
    TimeProvider clock,
    ILogger<OrderService> logger,
    ICatalogChangeNotifier catalogChanged,
    StoreMetrics metrics,
    IOptions<ShippingOptions> shipping)
{
    public const int MaxNotesLength = Limits.Order.Notes;

    /// <summary>
    /// Turns the customer's cart into a pending order. In one database transaction it checks the cart, takes
    /// every line's stock with a conditional update (a line that cannot be filled fails the whole order and
    /// nothing is taken), counts the coupon's use, numbers the order and empties the cart.
    /// </summary>
    public async Task<Result<OrderView>> PlaceOrderAsync(string userId, PlaceOrderInput input, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        Result<OrderView>? result = null;
        try
        {
            return result = await PlaceAsync(userId, input, cancellationToken);
        }
        finally
        {
            // Counted here, once per checkout, whichever of the paths below it took (an exception counts as failed),
            // and outside the transaction, whose body may run more than once.
            if (result is { Succeeded: true }) metrics.OrderPlaced(result.Value.PaymentMethod, clock.GetElapsedTime(started));
            else metrics.CheckoutNotPlaced(result?.Errors[0].Code, clock.GetElapsedTime(started));
        }
    }

    private async Task<Result<OrderView>> PlaceAsync(string userId, PlaceOrderInput input, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var method = paymentMethods.Find(input.PaymentMethodId);
        if (string.IsNullOrWhiteSpace(input.PaymentMethodId))
            errors.Add(new Error(ErrorCodes.RequiredField, "Choose a payment method.", "paymentMethodId"));
        else if (method is null)
            errors.Add(Error.Validation("paymentMethodId", $"Unknown payment method. Choose one of: {string.Join(", ", paymentMethods.All.Select(m => m.Id))}."));
        if (input.ShippingAddressId is null && input.ShippingAddress is null)
            errors.Add(new Error(ErrorCodes.RequiredField, "A shipping address is required (shippingAddressId or shippingAddress).", "shippingAddressId"));
        if (input.ShippingAddressId is null && input.ShippingAddress is { } shipping) errors.AddRange(shipping.Validate("shippingAddress."));
        if (input.BillingAddressId is null && input.BillingAddress is { } billing) errors.AddRange(billing.Validate("billingAddress."));
        if (input.Notes is { Length: > MaxNotesLength }) errors.Add(Error.Validation("notes", $"Notes can be at most {MaxNotesLength} characters."));
        if (errors.Count > 0) return Result<OrderView>.Failure(errors);

        Result<PlacedOrder> outcome;
        // The payment start of the body's last run, and whether that run was inside the provider's call: the body may run
        // more than once, so a payment failure is counted once, after the transaction (a start that throws ends it).
        PaymentStart? payment = null;
        var startingPayment = false;
        var soldOut = false;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // A refusal for unseen changes is committed too: the cart then shows what the refusal says.
            var acknowledged = false;
            try
            {
                outcome = await db.InTransactionAsync<Result<PlacedOrder>>(async ct =>
                {
                    acknowledged = false;
                    payment = null;
                    startingPayment = false;
                    // The customer's cart lock first: two checkouts of one cart (or an add during checkout) take turns, so
                    // a cart is ordered once and no line added meanwhile is emptied away unordered. On SQLite the
                    // transaction's write lock already queues concurrent checkouts.
                    await CartService.LockAsync(db, CartOwner.ForUser(userId), ct);
                    var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
                    if (user is null) return Error.NotFound("User not found");
                    if (auth.Value.RequireVerifiedEmailToOrder && !user.EmailConfirmed)
                        return new Error(ErrorCodes.EmailNotVerified,
                            "Verify your e-mail address before placing an order: open the link we sent you, or ask for a new one on your account page.");

                    var cart = await CartService.OwnedBy(db, CartOwner.ForUser(userId)).FirstOrDefaultAsync(ct);
                    var couponOverride = string.IsNullOrWhiteSpace(input.CouponCode) ? null : CouponRules.Normalize(input.CouponCode);
                    var view = cart is null ? CartView.Empty(userId) : await carts.BuildViewAsync(db, cart, userId, ct, couponOverride);
                    if (view.Items.Count == 0) return Error.Validation("cart", "Your cart is empty.");
                    if (couponOverride is not null && view.Coupon is { Problem: { } couponProblem }) return Error.Validation(CouponRules.Field, couponProblem);

                    // Never an order at a price the shopper did not see: refuse, and leave the cart showing what the refusal says.
                    var unseen = UnseenChanges(view, couponOverride, input.ExpectedTotal);
                    if (unseen.Count > 0)
                    {
                        await AcknowledgeAsync(db, cart!, view, couponOverride, ct);
                        acknowledged = true;
                        return Result<PlacedOrder>.Failure(unseen);
                    }

                    var shippingAddress = await ResolveAddressAsync(db, userId, input.ShippingAddressId, input.ShippingAddress, ct);
                    if (shippingAddress is null) return Error.NotFound($"Address with ID '{input.ShippingAddressId}' not found");
                    var billingAddress = input.BillingAddressId is null && input.BillingAddress is null
                        ? shippingAddress
                        : await ResolveAddressAsync(db, userId, input.BillingAddressId, input.BillingAddress, ct);
                    if (billingAddress is null) return Error.NotFound($"Address with ID '{input.BillingAddressId}' not found");

                    // What only this customer's checkout touches comes first: the cart is emptied (the rows below are
                    // locked by other checkouts too, from their update until the commit, so the work after them is kept
                    // short). A refusal below rolls this back with everything else.
                    var now = clock.GetUtcNow().UtcDateTime;
                    await db.CartItems.Where(i => i.CartId == cart!.Id).ExecuteDeleteAsync(ct);
                    cart!.CouponCode = null;
                    cart.UpdatedAt = now;

                    // Take the stock of every line, or of none; in product order, so that checkouts of the same products
                    // never wait for each other's rows in a circle.
                    var shortages = new List<Error>();
                    foreach (var line in view.Items.OrderBy(l => l.ProductId))
                    {
                        var taken = await db.Products
                            .Where(p => p.Id == line.ProductId && p.Status == ProductStatus.Active && line.Quantity > 0 && p.Stock >= line.Quantity)
                            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock - line.Quantity), ct);
                        if (taken == 1) continue;
                        var available = await db.Products.Where(p => p.Id == line.ProductId).Select(p => p.Stock).FirstAsync(ct);
                        var error = CartService.InsufficientStock(available, line.Quantity);
                        shortages.Add(error with
                        {
                            Message = available == 0
                                ? $"{line.ProductName} is out of stock."
                                : $"Only {available} of {line.ProductName} available, requested {line.Quantity}.",
                            Details = new Dictionary<string, object>(error.Details!) { ["productId"] = line.ProductId.ToString(CultureInfo.InvariantCulture) },
                        });
                    }
                    if (shortages.Count > 0) return Result<PlacedOrder>.Failure(shortages); // the transaction rolls back

                    Coupon? coupon = null;
                    if (view.Coupon is { IsApplied: true } applied)
                    {
                        coupon = await db.Coupons.FirstAsync(c => c.Code == applied.Code, ct);
                        var counted = await db.Coupons
                            .Where(c => c.Id == coupon.Id && (c.UsageLimit == null || c.TimesUsed < c.UsageLimit))
                            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TimesUsed, c => c.TimesUsed + 1), ct);
                        if (counted == 0)
                        {
                            // Used up by another checkout after this cart was read (possible where writers do not queue): nothing is taken.
                            return couponOverride is not null
                                ? Error.Validation(CouponRules.Field, $"Coupon '{coupon.Code}' has been used up.")
                                : CouponInvalid($"Coupon '{coupon.Code}' has been used up.", CartPricing.Compute(view.Totals.Subtotal, Money.Zero, store.Value));
                        }
                    }

                    // The last lock taken: every checkout numbers its order on this one row, until its commit.
                    var orderNumber = await NextOrderNumberAsync(db, now.Year, ct);
                    var totals = view.Totals;
                    var order = new Order
                    {
                        OrderNumber = orderNumber,
                        UserId = userId,
                        CustomerEmail = user.Email ?? "",
                        CustomerName = user.DisplayName,
                        Status = OrderStatus.Pending,
                        Currency = store.Value.Currency,
                        SubtotalCents = totals.Subtotal.Cents,
                        DiscountCents = totals.Discount.Cents,
                        TaxCents = totals.Tax.Cents,
                        ShippingCents = totals.Shipping.Cents,
                        TotalCents = totals.Total.Cents,
                        CouponCode = coupon?.Code,
                        Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
                        ShippingAddress = shippingAddress,
                        BillingAddress = billingAddress,
                        PaymentMethod = method!.Id,
                        CreatedAt = now,
                        Lines = view.Items.Select(l => new OrderLine
                        {
                            ProductId = l.ProductId,
                            ProductName = l.ProductName,
                            Sku = l.Sku,
                            ImageUrl = l.ProductImage,
                            UnitPriceCents = l.Price.Cents,
                            Quantity = l.Quantity,
                            LineTotalCents = l.Subtotal.Cents,
                        }).ToList(),
                        StatusHistory = [new OrderStatusChange { Status = OrderStatus.Pending, Note = "Order placed", ChangedByUserId = userId, CreatedAt = now }],
                    };
                    db.Orders.Add(order);
                    await db.SaveChangesAsync(ct);

                    startingPayment = true;
                    var start = await method.StartAsync(order.Id, order.TotalCents, order.Currency, ct);
                    startingPayment = false;
                    payment = start;
                    db.Payments.Add(new Payment
                    {
                        OrderId = order.Id,
                        Provider = start.Provider,
                        Method = method.Id,
                        Status = start.Status,
                        AmountCents = order.TotalCents,
                        Currency = order.Currency,
                        ProviderReference = start.ProviderReference,
                    });
                    if (coupon is not null)
                        db.CouponRedemptions.Add(new CouponRedemption { CouponId = coupon.Id, UserId = userId, OrderId = order.Id, DiscountCents = order.DiscountCents, RedeemedAt = now });

                    await db.SaveChangesAsync(ct);
                    return new PlacedOrder(order.Id, view.Items.Select(l => l.ProductId).ToList());
                }, result => result.Succeeded || acknowledged, cancellationToken);
            }
            catch (Exception exception) when (startingPayment && exception is not OperationCanceledException)
            {
                metrics.PaymentFailed(method!.Id, "unknown", "error"); // the provider never answered; the order is not placed
                throw;
            }
            // Read after the commit, outside the rows' locks (a product another checkout sells out a moment later is
            // announced by that checkout).
            if (outcome.Succeeded) soldOut = await AnySoldOutAsync(db, outcome.Value.ProductIds, cancellationToken);
        }
        if (!outcome.Succeeded) return Result<OrderView>.Failure(outcome.Errors);
        if (payment is { Status: PaymentStatus.Failed } declined) metrics.PaymentFailed(method!.Id, declined.Provider, "declined");
        // The products' stock shows at once; listings only change when one of them sold out.
        await catalogChanged.ProductsChangedAsync(outcome.Value.ProductIds, listingsChanged: soldOut, cancellationToken);

        var placed = (await GetAsync(OrderAccess.Customer(userId), outcome.Value.OrderId, cancellationToken))!;
        await SendConfirmationAsync(placed, cancellationToken);
        return placed;
    }

    /// <summary>An order just placed: its id and its products.</summary>
    private sealed record PlacedOrder(int OrderId, IReadOnlyList<int> ProductIds);

    /// <summary>
    /// What changed in the cart since the shopper saw it: the cart's coupon no longer applies (COUPON_INVALID on
    /// couponCode), a line's price is not the one shown (PRICE_CHANGED on items, naming the lines with old and new
    /// prices), the total is not the one the client expected (PRICE_CHANGED on expectedTotal). Each error carries the
    /// totals the order would now have.
    /// </summary>
    private List<Error> UnseenChanges(CartView view, string? couponOverride, Money? expectedTotal)
    {
        var settings = store.Value;
        var totals = view.Totals;
        var errors = new List<Error>();
        if (couponOverride is null && view.Coupon is { Problem: { } problem })
            errors.Add(CouponInvalid(problem, totals));

        var changed = view.Items.Where(l => l.PriceChanged).ToList();
        if (changed.Count > 0)
        {
            var which = string.Join("; ", changed.Select(l => $"{l.ProductName} now {settings.FormatPrice(l.Price)} (was {settings.FormatPrice(l.ShownPrice)})"));
            errors.Add(new Error(ErrorCodes.PriceChanged,
                $"{(changed.Count == 1 ? "A price" : "Prices")} changed since you added {(changed.Count == 1 ? "it" : "them")} to your cart: {which}. " +
                $"Your total is now {settings.FormatPrice(totals.Total)}; place the order again to buy at the new {(changed.Count == 1 ? "price" : "prices")}.",
                "items")
            {
                Details = new Dictionary<string, object>(TotalsDetails(totals))
                {
                    ["items"] = changed.Select(l => new Dictionary<string, object>
                    {
                        ["productId"] = l.ProductId.ToString(CultureInfo.InvariantCulture),
                        ["productName"] = l.ProductName,
                        ["oldPrice"] = l.ShownPrice.ToDecimal(),
                        ["newPrice"] = l.Price.ToDecimal(),
                    }).ToList(),
                },
            });
        }

        if (expectedTotal is { } expected && expected != totals.Total)
        {
            errors.Add(new Error(ErrorCodes.PriceChanged,
                $"The order's total is {settings.FormatPrice(totals.Total)}, not the {settings.FormatPrice(expected)} you expected. Check the cart and place the order again.",
                "expectedTotal")
            {
                Details = new Dictionary<string, object>(TotalsDetails(totals)) { ["expectedTotal"] = expected.ToDecimal() },
            });
        }
        return errors;
    }

    private Error CouponInvalid(string problem, CartTotals totals) =>
        new(ErrorCodes.CouponInvalid,
            $"{problem} It is no longer on your cart, so your total is now {store.Value.FormatPrice(totals.Total)}; place the order again to pay that.",
            CouponRules.Field)
        {
            Details = TotalsDetails(totals),
        };

    private static Dictionary<string, object> TotalsDetails(CartTotals totals) => new()
    {
        ["subtotal"] = totals.Subtotal.ToDecimal(),
        ["discount"] = totals.Discount.ToDecimal(),
        ["tax"] = totals.Tax.ToDecimal(),
        ["shipping"] = totals.Shipping.ToDecimal(),
        ["total"] = totals.Total.ToDecimal(),
    };

    /// <summary>
    /// After a refusal for unseen changes: the cart drops a coupon that no longer applies and takes the prices the
    /// refusal named as the ones shown, so that placing the order again, at the totals now shown, goes through.
    /// </summary>
    private async Task AcknowledgeAsync(AppDbContext db, ShoppingCart cart, CartView view, string? couponOverride, CancellationToken cancellationToken)
    {
        foreach (var line in view.Items.Where(l => l.PriceChanged))
        {
            await db.CartItems.Where(i => i.Id == line.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ShownPriceCents, line.Price.Cents), cancellationToken);
        }
        if (couponOverride is null && view.Coupon is { IsApplied: false }) cart.CouponCode = null;
        cart.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Result<PagedResult<OrderSummaryView>>> ListAsync(OrderAccess access, OrderQuery query, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        Paging.Validate(query.PageNumber, query.PageSize, errors);
        OrderStatus? status = null;
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            status = OrderStatusRules.Parse(query.Status);
            if (status is null)
                errors.Add(Error.Validation("status", $"status must be one of: {string.Join(", ", Enum.GetValues<OrderStatus>().Select(OrderStatusRules.Name))}."));
        }
        var from = UtcTime.Normalize(query.From);
        var until = UtcTime.Normalize(query.Until);
        if (from is { } f && until is { } u && f >= u) errors.Add(Error.Validation("startDate", "startDate must be before endDate."));
        if (errors.Count > 0) return Result<PagedResult<OrderSummaryView>>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orders = Scoped(db, access).AsNoTracking();
        if (status is { } st) orders = orders.Where(o => o.Status == st);
        if (from is { } start) orders = orders.Where(o => o.CreatedAt >= start);
        if (until is { } end) orders = orders.Where(o => o.CreatedAt < end);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var upper = term.ToUpperInvariant();
            var lower = term.ToLowerInvariant();
            orders = orders.Where(o => o.OrderNumber.Contains(upper) || o.CustomerEmail.ToLower().Contains(lower));
        }

        var total = await orders.CountAsync(cancellationToken);
        var skip = (long)(query.PageNumber - 1) * query.PageSize;
        var rows = skip >= total ? [] : await orders.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Skip((int)skip).Take(query.PageSize)
            .Select(o => new OrderSummaryView(o.Id, o.OrderNumber, o.Status, o.Lines.Sum(l => l.Quantity), new Money(o.TotalCents), o.CreatedAt, o.CustomerEmail))
            .ToListAsync(cancellationToken);
        return new PagedResult<OrderSummaryView>(rows, query.PageNumber, query.PageSize, total);
    }

    public async Task<OrderView?> GetAsync(OrderAccess access, int orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadViewAsync(db, Scoped(db, access).Where(o => o.Id == orderId), cancellationToken);
    }

    /// <summary>By order number (ORD-2026-000001) or by numeric id.</summary>
    public async Task<OrderView?> GetAsync(OrderAccess access, string idOrNumber, CancellationToken cancellationToken = default)
    {
        if (int.TryParse(idOrNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return await GetAsync(access, id, cancellationToken);
        var number = idOrNumber.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadViewAsync(db, Scoped(db, access).Where(o => o.OrderNumber == number), cancellationToken);
    }

    /// <summary>Cancels an order that has not shipped: its stock goes back, its coupon use is returned, a pending payment is called off.</summary>
    public async Task<Result<OrderView>> CancelAsync(OrderAccess access, int orderId, string? reason, string? byUserId, CancellationToken cancellationToken = default) =>
        await CancelAsync(access, orderId, reason, byUserId, actor: null, cancellationToken);

    /// <summary>Cancels as <see cref="CancelAsync(OrderAccess,int,string?,string?,CancellationToken)"/>, recording an admin's action in the audit log.</summary>
    public async Task<Result<OrderView>> CancelAsync(OrderAccess access, int orderId, string? reason, string? byUserId, AdminActor? actor, CancellationToken cancellationToken = default)
    {
        if (reason is { Length: > 1000 }) return Error.Validation("reason", "The reason can be at most 1000 characters.");
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

        IReadOnlyList<int> restocked = [], rated = [];
        var backInStock = false;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var cancelled = await db.InTransactionAsync<bool>(async ct =>
            {
                var order = await Scoped(db, access).Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
                if (order is null) return OrderNotFound(orderId);
                if (order.Status == OrderStatus.Cancelled) return Error.Conflict($"Order {order.OrderNumber} is already cancelled.");
                if (!OrderStatusRules.CanCancel(order.Status))
                    return Error.Conflict($"Order {order.OrderNumber} is {OrderStatusRules.Name(order.Status)} and can no longer be cancelled.");

                var now = clock.GetUtcNow().UtcDateTime;
                var from = order.Status;
                var moved = await db.Orders.Where(o => o.Id == orderId && o.Status == from).ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Status, OrderStatus.Cancelled)
                    .SetProperty(o => o.CancelledAt, now)
                    .SetProperty(o => o.CancelReason, reason)
                    .SetProperty(o => o.UpdatedAt, now), ct);
                if (moved == 0) return Error.Conflict($"Order {order.OrderNumber} changed at the same time; reload it and try again.");

                foreach (var line in order.Lines.OrderBy(l => l.ProductId)) // in product order, as checkouts take stock
                {
                    await db.Products.Where(p => p.Id == line.ProductId)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock + line.Quantity), ct);
                }
                restocked = order.Lines.Select(l => l.ProductId).Distinct().ToList();
                backInStock = await AnyBackInStockAsync(db, order.Lines, ct);
                rated = await ReviewService.WithdrawAsync(db, orderId, SystemHideReason.OrderCancelled, ct);
                var redemptions = await db.CouponRedemptions.Where(r => r.OrderId == orderId).ToListAsync(ct);
                foreach (var redemption in redemptions)
                {
                    await db.Coupons.Where(c => c.Id == redemption.CouponId && c.TimesUsed > 0)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.TimesUsed, c => c.TimesUsed - 1), ct);
                    db.CouponRedemptions.Remove(redemption);
                }
                await db.Payments.Where(p => p.OrderId == orderId && p.Status == PaymentStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Cancelled).SetProperty(p => p.UpdatedAt, now), ct);
                db.OrderStatusChanges.Add(new OrderStatusChange
                {
                    OrderId = orderId, FromStatus = from, Status = OrderStatus.Cancelled, CreatedAt = now, ChangedByUserId = byUserId,
                    Note = reason is null ? "Order cancelled" : $"Order cancelled: {reason}",
                });
                if (actor is not null)
                    audit.Record(db, actor, "order.cancelled", "Order", order.OrderNumber, $"Cancelled order {order.OrderNumber}" + (reason is null ? "" : $": {reason}"),
                        new { status = new FieldChange(OrderStatusRules.Name(from), "cancelled") });
                await db.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
            if (!cancelled.Succeeded) return Result<OrderView>.Failure(cancelled.Errors);
        }
        await catalogChanged.ProductsChangedAsync(restocked.Union(rated).ToList(), listingsChanged: backInStock || rated.Count > 0, cancellationToken);
        return (await GetAsync(access, orderId, cancellationToken))!;
    }

    /// <summary>
    /// Moves an order one step (pending → paid → processing → shipped → delivered) or cancels it before it ships,
    /// recording the note, tracking number and carrier in its history. Marking it paid settles a manual payment.
    /// </summary>
    public async Task<Result<OrderView>> ChangeStatusAsync(int orderId, string? status, string? note, string? trackingNumber, string? carrier, string? byUserId, CancellationToken cancellationToken = default) =>
        await ChangeStatusAsync(orderId, status, note, trackingNumber, carrier, byUserId, actor: null, cancellationToken);

    /// <summary>As <see cref="ChangeStatusAsync(int,string?,string?,string?,string?,string?,CancellationToken)"/>, recording the admin's action in the audit log.</summary>
    public async Task<Result<OrderView>> ChangeStatusAsync(int orderId, string? status, string? note, string? trackingNumber, string? carrier, string? byUserId, AdminActor? actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        var target = OrderStatusRules.Parse(status);
        if (string.IsNullOrWhiteSpace(status)) errors.Add(new Error(ErrorCodes.RequiredField, "status is required.", "status"));
        else if (target is null || target == OrderStatus.Refunded)
            errors.Add(Error.Validation("status", "status must be one of: paid, processing, shipped, delivered, cancelled."));
        if (note is { Length: > 1000 }) errors.Add(Error.Validation("note", "The note can be at most 1000 characters."));
        if (trackingNumber is { Length: > 100 }) errors.Add(Error.Validation("trackingNumber", "The tracking number can be at most 100 characters."));
        if (carrier is { Length: > 100 }) errors.Add(Error.Validation("carrier", "The carrier can be at most 100 characters."));
        if (errors.Count > 0) return Result<OrderView>.Failure(errors);

        if (target == OrderStatus.Cancelled) return await CancelAsync(OrderAccess.Admin, orderId, note, byUserId, actor, cancellationToken);

        IReadOnlyList<int> rated = [];
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var changed = await db.InTransactionAsync<bool>(async ct =>
            {
                var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, ct);
                if (order is null) return OrderNotFound(orderId);
                var to = target!.Value;
                if (order.Status == to) return Error.Conflict($"Order {order.OrderNumber} is already {OrderStatusRules.Name(to)}.");
                if (!OrderStatusRules.CanMove(order.Status, to))
                    return Error.Conflict($"Order {order.OrderNumber} cannot move from {OrderStatusRules.Name(order.Status)} to {OrderStatusRules.Name(to)}.");

                var now = clock.GetUtcNow().UtcDateTime;
                var from = order.Status;
                trackingNumber = string.IsNullOrWhiteSpace(trackingNumber) ? null : trackingNumber.Trim();
                carrier = string.IsNullOrWhiteSpace(carrier) ? null : carrier.Trim();
                var moved = await db.Orders.Where(o => o.Id == orderId && o.Status == from).ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Status, to)
                    .SetProperty(o => o.UpdatedAt, now)
                    .SetProperty(o => o.PaidAt, o => to == OrderStatus.Paid ? now : o.PaidAt)
                    .SetProperty(o => o.ShippedAt, o => to == OrderStatus.Shipped ? now : o.ShippedAt)
                    .SetProperty(o => o.DeliveredAt, o => to == OrderStatus.Delivered ? now : o.DeliveredAt)
                    .SetProperty(o => o.TrackingNumber, o => trackingNumber ?? o.TrackingNumber)
                    .SetProperty(o => o.Carrier, o => carrier ?? o.Carrier), ct);
                if (moved == 0) return Error.Conflict($"Order {order.OrderNumber} changed at the same time; reload it and try again.");

                if (to == OrderStatus.Paid)
                {
                    await db.Payments.Where(p => p.OrderId == orderId && p.Status == PaymentStatus.Pending)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Succeeded).SetProperty(p => p.UpdatedAt, now), ct);
                    rated = await ReviewService.RequalifyAsync(db, orderId, ct); // a buyer again: hidden reviews count again
                }
                db.OrderStatusChanges.Add(new OrderStatusChange
                {
                    OrderId = orderId, FromStatus = from, Status = to, CreatedAt = now, ChangedByUserId = byUserId,
                    Note = string.IsNullOrWhiteSpace(note) ? DefaultNote(to) : note.Trim(),
                    TrackingNumber = trackingNumber, Carrier = carrier,
                });
                if (actor is not null)
                    audit.Record(db, actor, "order.status-changed", "Order", order.OrderNumber,
                        $"Moved order {order.OrderNumber} from {OrderStatusRules.Name(from)} to {OrderStatusRules.Name(to)}",
                        new { status = new FieldChange(OrderStatusRules.Name(from), OrderStatusRules.Name(to)), note, trackingNumber, carrier });
                await db.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
            if (!changed.Succeeded) return Result<OrderView>.Failure(changed.Errors);
        }
        if (rated.Count > 0) await catalogChanged.ProductsChangedAsync(rated, listingsChanged: true, cancellationToken);
        return (await GetAsync(OrderAccess.Admin, orderId, cancellationToken))!;
    }

    /// <summary>Whether one of the products has no stock left (after an order took it, inside its transaction).</summary>
    private static Task<bool> AnySoldOutAsync(AppDbContext db, IReadOnlyCollection<int> productIds, CancellationToken cancellationToken) =>
        db.Products.AnyAsync(p => productIds.Contains(p.Id) && p.Stock <= 0, cancellationToken);

    /// <summary>Whether the restock of these lines (just made, inside the transaction) brought a sold-out product back.</summary>
    private static async Task<bool> AnyBackInStockAsync(AppDbContext db, IReadOnlyCollection<OrderLine> lines, CancellationToken cancellationToken)
    {
        var returned = lines.GroupBy(l => l.ProductId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var ids = returned.Keys.ToList();
        var stock = await db.Products.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Stock }).ToListAsync(cancellationToken);
        return stock.Any(p => p.Stock > 0 && p.Stock - returned[p.Id] <= 0);
    }

    private static string DefaultNote(OrderStatus status) => status switch
    {
        OrderStatus.Paid => "Payment confirmed",
        OrderStatus.Processing => "Order is being prepared",
        OrderStatus.Shipped => "Order shipped",
        OrderStatus.Delivered => "Order delivered",
        _ => $"Status changed to {OrderStatusRules.Name(status)}",
    };

    private static IQueryable<Order> Scoped(AppDbContext db, OrderAccess access) =>
        access.IsAdmin ? db.Orders : db.Orders.Where(o => o.UserId == access.UserId && o.UserId != null);

    private async Task<OrderView?> LoadViewAsync(AppDbContext db, IQueryable<Order> orders, CancellationToken cancellationToken)
    {
        var order = await orders.AsNoTracking()
            .Include(o => o.Lines.OrderBy(l => l.Id))
            .Include(o => o.StatusHistory.OrderBy(h => h.CreatedAt).ThenBy(h => h.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (order is null) return null;
        var paymentStatus = await db.Payments.Where(p => p.OrderId == order.Id).OrderByDescending(p => p.Id)
            .Select(p => (PaymentStatus?)p.Status).FirstOrDefaultAsync(cancellationToken);
        var changedBy = order.StatusHistory.Select(h => h.ChangedByUserId).OfType<string>().Distinct().ToList();
        Dictionary<string, string?> emails = changedBy.Count == 0 ? [] : await db.Users.Where(u => changedBy.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        return new OrderView(
            order.Id, order.OrderNumber, order.UserId, order.CustomerEmail, order.CustomerName, order.Status,
            order.Lines.Select(l => new OrderLineView(l.Id, l.ProductId, l.ProductName, l.Sku, l.ImageUrl, new Money(l.UnitPriceCents), l.Quantity, new Money(l.LineTotalCents))).ToList(),
            new CartTotals(new Money(order.SubtotalCents), new Money(order.DiscountCents), new Money(order.TaxCents), new Money(order.ShippingCents), new Money(order.TotalCents)),
            order.Currency, order.ShippingAddress, order.BillingAddress,
            order.PaymentMethod, paymentMethods.NameOf(order.PaymentMethod), paymentStatus,
            order.CouponCode, order.Notes, order.TrackingNumber, order.Carrier, order.CancelReason,
            order.PaidAt, order.ShippedAt, order.DeliveredAt, order.CancelledAt, order.CreatedAt, order.UpdatedAt,
            order.StatusHistory.Select(h => new OrderStatusEntry(h.FromStatus, h.Status, h.CreatedAt, h.Note, h.TrackingNumber, h.Carrier,
                h.ChangedByUserId is { } by ? emails.GetValueOrDefault(by) : null)).ToList())
        {
            EstimatedDelivery = DeliveryEstimate.For(order.Status, order.CreatedAt, order.ShippedAt, shipping.Value),
        };
    }

    private static async Task<OrderAddress?> ResolveAddressAsync(AppDbContext db, string userId, int? addressId, AddressInput? inline, CancellationToken cancellationToken)
    {
        if (addressId is { } id)
        {
            return await db.Addresses.AsNoTracking().Where(a => a.UserId == userId && a.Id == id)
                .Select(a => new OrderAddress
                {
                    FirstName = a.FirstName, LastName = a.LastName, Street = a.Street, Street2 = a.Street2, City = a.City,
                    State = a.State, ZipCode = a.ZipCode, Country = a.Country, Phone = a.Phone,
                })
                .FirstOrDefaultAsync(cancellationToken);
        }
        var input = inline!;
        return new OrderAddress
        {
            FirstName = AddressInput.Clean(input.FirstName), LastName = AddressInput.Clean(input.LastName),
            Street = input.Street!.Trim(), Street2 = AddressInput.Clean(input.Street2), City = input.City!.Trim(),
            State = AddressInput.Clean(input.State), ZipCode = input.ZipCode!.Trim(), Country = input.Country!.Trim(),
            Phone = AddressInput.Clean(input.Phone),
        };
    }

    /// <summary>The next ORD-YYYY-NNNNNN, from a per-year counter bumped inside the order's transaction.</summary>
    private static async Task<string> NextOrderNumberAsync(AppDbContext db, int year, CancellationToken cancellationToken)
    {
        // One statement (both SQLite and PostgreSQL know ON CONFLICT and RETURNING); not composed, so sent as written.
        var value = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "OrderNumberSequences" ("Year", "LastValue") VALUES ({year}, 1)
            ON CONFLICT ("Year") DO UPDATE SET "LastValue" = "OrderNumberSequences"."LastValue" + 1
            RETURNING "LastValue" AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        return $"ORD-{year.ToString(CultureInfo.InvariantCulture)}-{value.ToString("D6", CultureInfo.InvariantCulture)}";
    }

    private static Error OrderNotFound(int orderId) => Error.NotFound($"Order with ID '{orderId}' not found");

    private async Task SendConfirmationAsync(OrderView order, CancellationToken cancellationToken)
    {
        var settings = store.Value;
        var text = new StringBuilder()
            .AppendLine($"Hello {order.CustomerName},").AppendLine()
            .AppendLine($"Thank you for your order {order.OrderNumber}.").AppendLine();
        foreach (var line in order.Items)
            text.AppendLine($"  {line.Quantity} × {line.ProductName} ({line.Sku})  {settings.FormatPrice(line.Subtotal)}");
        text.AppendLine()
            .AppendLine($"Subtotal: {settings.FormatPrice(order.Totals.Subtotal)}")
            .AppendLine($"Discount: {settings.FormatPrice(order.Totals.Discount)}")
            .AppendLine($"Tax: {settings.FormatPrice(order.Totals.Tax)}")
            .AppendLine($"Shipping: {settings.FormatPrice(order.Totals.Shipping)}")
            .AppendLine($"Total: {settings.FormatPrice(order.Totals.Total)}").AppendLine()
            .AppendLine($"Payment: {order.PaymentMethodName}. {paymentMethods.Find(order.PaymentMethod)?.Description}");
        try
        {
            await email.SendAsync(new EmailMessage(order.CustomerEmail, $"Your {settings.Name} order {order.OrderNumber}", text.ToString()), cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            // The order stands even when the confirmation cannot be sent; the failure is logged for the shop.
            logger.LogError(exception, "Could not send the confirmation of order {OrderNumber}", order.OrderNumber);
        }
    }
}
