using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Ecommerce.Api.Auth;
using Ecommerce.Api.Infrastructure;
using Ecommerce.Api.Users;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Api.Orders;

public sealed record OrderItemDto(string Id, string ProductId, string ProductName, string Sku, decimal Price, int Quantity, decimal Subtotal);

public sealed record OrderAddressDto(
    string? FirstName, string? LastName, string Street, string? Street2, string City, string? State, string ZipCode, string Country, string? Phone);

public sealed record StatusHistoryDto(string Status, DateTime Timestamp, string? Note)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TrackingNumber { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Carrier { get; init; }
}

public sealed record OrderDto(
    string Id, string OrderNumber, string? UserId, string Status, IReadOnlyList<OrderItemDto> Items,
    decimal Subtotal, decimal Discount, decimal Tax, decimal ShippingCost, decimal Total, string Currency,
    OrderAddressDto ShippingAddress, OrderAddressDto BillingAddress,
    string PaymentMethod, string PaymentMethodId, string? PaymentStatus, string? CouponCode, string? Notes,
    string? TrackingNumber, string? Carrier, DateTime? EstimatedDelivery, string? CancelReason,
    DateTime? PaidAt, DateTime? ShippedAt, DateTime? DeliveredAt, DateTime? CancelledAt,
    IReadOnlyList<StatusHistoryDto> StatusHistory, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record OrderSummaryDto(string Id, string OrderNumber, string Status, int ItemCount, decimal Total, DateTime CreatedAt);

public sealed record CreateOrderRequest(
    [property: JsonConverter(typeof(FlexibleIdConverter))] string? ShippingAddressId,
    [property: JsonConverter(typeof(FlexibleIdConverter))] string? BillingAddressId,
    AddressRequest? ShippingAddress,
    AddressRequest? BillingAddress,
    string? PaymentMethodId,
    string? CouponCode,
    string? Notes,
    decimal? ExpectedTotal = null);

public sealed record CancelOrderRequest(string? Reason);
public sealed record UpdateOrderStatusRequest(string? Status, string? Note, string? TrackingNumber, string? Carrier);

/// <summary>/api/v1/orders: placing orders from the cart, reading, cancelling; status changes for admins.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/orders").WithTags("Orders").RequireAuthorization(ApiPolicies.Customer)
            .ProducesErrors(StatusCodes.Status401Unauthorized);

        orders.MapPost("/", Create).WithName("CreateOrder").WithSummary("Place an order from the caller's cart")
            .WithDescription("Takes the stock of every line atomically: when a line can no longer be filled the answer is 409 INSUFFICIENT_STOCK and nothing is taken. " +
                             "Never at a price the shopper did not see: when the cart's coupon stopped applying (409 COUPON_INVALID), a line's price changed since it was added " +
                             "(409 PRICE_CHANGED on items) or the total differs from expectedTotal (409 PRICE_CHANGED on expectedTotal), nothing is placed, the errors carry " +
                             "the new totals and the cart is left showing them, so the same request again places the order at those totals. " +
                             "paymentMethodId is bank_transfer or cash_on_delivery; the order stays pending until it is paid. The cart is emptied. " +
                             "Send an Idempotency-Key (e.g. a UUID) to retry safely: a repeat with the same key and body answers with the first attempt's response " +
                             "(Idempotent-Replayed: true) and places nothing again.")
            .WithIdempotencyKey()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        orders.MapGet("/", List).WithName("ListOrders").WithSummary("The caller's orders, newest first (all orders for admins)")
            .ProducesErrors(StatusCodes.Status400BadRequest);
        orders.MapGet("/{orderId}", Get).WithETag(CacheAudience.Personal).WithName("GetOrder").WithSummary("An order with its status history (by id or order number)")
            .ProducesErrors(StatusCodes.Status404NotFound);
        orders.MapPost("/{orderId}/cancel", Cancel).WithName("CancelOrder").WithSummary("Cancel an order before it ships; its stock goes back")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        orders.MapPut("/{orderId}/status", UpdateStatus).WithName("UpdateOrderStatus")
            .WithSummary("Move an order to its next status (admin)")
            .WithDescription("pending → paid → processing → shipped → delivered, or cancelled before shipping; any other move answers 409 CONFLICT.")
            .RequireAuthorization(ApiPolicies.Admin)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Created<ApiResponse<OrderDto>>, ApiErrorResult>> Create(
        CreateOrderRequest request, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken)
    {
        int? shippingId = null, billingId = null;
        if (request.ShippingAddressId is not null)
        {
            if (!ApiIds.TryParse(request.ShippingAddressId, out var id)) return ApiResults.NotFound($"Address with ID '{request.ShippingAddressId}' not found");
            shippingId = id;
        }
        if (request.BillingAddressId is not null)
        {
            if (!ApiIds.TryParse(request.BillingAddressId, out var id)) return ApiResults.NotFound($"Address with ID '{request.BillingAddressId}' not found");
            billingId = id;
        }

        if (request.ExpectedTotal is { } expected && (expected < 0 || decimal.Round(expected, 2) != expected))
            return ApiResults.Error(Error.Validation("expectedTotal", "expectedTotal is an amount of 0 or more with at most two decimals."));

        var result = await orders.PlaceOrderAsync(user.UserId(), new PlaceOrderInput
        {
            ShippingAddressId = shippingId,
            BillingAddressId = billingId,
            ShippingAddress = request.ShippingAddress?.ToInput(),
            BillingAddress = request.BillingAddress?.ToInput(),
            PaymentMethodId = request.PaymentMethodId,
            CouponCode = request.CouponCode,
            Notes = request.Notes,
            ExpectedTotal = request.ExpectedTotal is { } total ? Money.FromDecimal(total) : null,
        }, cancellationToken);
        return result.Succeeded
            ? ApiResults.Created($"/api/v1/orders/{result.Value.Id}", ToDto(result.Value), "Order created successfully")
            : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<PagedData<OrderSummaryDto>>>, ApiErrorResult>> List(
        ClaimsPrincipal user,
        OrderService orders,
        [Description("Page to return, from 1.")] int? pageNumber,
        [Description("Items per page, 1–100 (default 10).")] int? pageSize,
        [Description("pending, paid, processing, shipped, delivered or cancelled.")] string? status,
        [Description("Orders placed at or after this time, ISO-8601 (UTC unless a zone is given), e.g. 2026-03-01 or 2026-03-01T12:00:00Z.")] string? startDate,
        [Description("Orders placed before this time; a date alone (2026-03-31) includes that whole day.")] string? endDate,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var from = ApiDates.Parse(startDate, "startDate", errors);
        var until = ApiDates.Parse(endDate, "endDate", errors);
        if (errors.Count > 0) return ApiResults.Error(errors);

        var result = await orders.ListAsync(Access(user), new OrderQuery
        {
            PageNumber = pageNumber ?? 1,
            PageSize = pageSize ?? OrderQuery.DefaultPageSize,
            Status = status,
            From = from?.Value,
            Until = until is { } end ? (end.IsDateOnly ? ApiDates.DayAfter(end.Value) : end.Value) : null,
        }, cancellationToken);
        return result.Succeeded
            ? ApiResults.Ok(result.Value.ToPagedData(o => new OrderSummaryDto(ApiIds.Format(o.Id), o.OrderNumber, OrderStatusRules.Name(o.Status), o.ItemCount, o.Total.ToDecimal(), o.CreatedAt)))
            : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<OrderDto>>, ApiErrorResult>> Get(string orderId, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(Access(user), orderId, cancellationToken);
        return order is null ? ApiResults.NotFound($"Order with ID '{orderId}' not found") : ApiResults.Ok(ToDto(order));
    }

    public static async Task<Results<Ok<ApiResponse<OrderDto>>, ApiErrorResult>> Cancel(
        string orderId, CancelOrderRequest request, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(Access(user), orderId, cancellationToken);
        if (order is null) return ApiResults.NotFound($"Order with ID '{orderId}' not found");
        var result = await orders.CancelAsync(Access(user), order.Id, request.Reason, user.UserId(), user.IsAdmin() ? user.ApiActor() : null, cancellationToken);
        return result.Succeeded ? ApiResults.Ok(ToDto(result.Value), "Order cancelled successfully") : ApiResults.Error(result.Errors);
    }

    public static async Task<Results<Ok<ApiResponse<OrderDto>>, ApiErrorResult>> UpdateStatus(
        string orderId, UpdateOrderStatusRequest request, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(OrderAccess.Admin, orderId, cancellationToken);
        if (order is null) return ApiResults.NotFound($"Order with ID '{orderId}' not found");
        var result = await orders.ChangeStatusAsync(order.Id, request.Status, request.Note, request.TrackingNumber, request.Carrier, user.UserId(), user.ApiActor(), cancellationToken);
        return result.Succeeded ? ApiResults.Ok(ToDto(result.Value), "Order status updated") : ApiResults.Error(result.Errors);
    }

    private static OrderAccess Access(ClaimsPrincipal user) => user.IsAdmin() ? OrderAccess.Admin : OrderAccess.Customer(user.UserId());

    private static OrderAddressDto ToDto(Ecommerce.Shared.Orders.OrderAddress a) =>
        new(a.FirstName, a.LastName, a.Street, a.Street2, a.City, a.State, a.ZipCode, a.Country, a.Phone);

    internal static OrderDto ToDto(OrderView o) => new(
        ApiIds.Format(o.Id), o.OrderNumber, o.UserId, OrderStatusRules.Name(o.Status),
        o.Items.Select(i => new OrderItemDto(ApiIds.Format(i.Id), ApiIds.Format(i.ProductId), i.ProductName, i.Sku, i.UnitPrice.ToDecimal(), i.Quantity, i.Subtotal.ToDecimal())).ToList(),
        o.Totals.Subtotal.ToDecimal(), o.Totals.Discount.ToDecimal(), o.Totals.Tax.ToDecimal(), o.Totals.Shipping.ToDecimal(), o.Totals.Total.ToDecimal(), o.Currency,
        ToDto(o.ShippingAddress), ToDto(o.BillingAddress),
        o.PaymentMethodName, o.PaymentMethod, o.PaymentStatus is { } ps ? ToSnake(ps) : null, o.CouponCode, o.Notes,
        o.TrackingNumber, o.Carrier, o.EstimatedDelivery, o.CancelReason, o.PaidAt, o.ShippedAt, o.DeliveredAt, o.CancelledAt,
        o.StatusHistory.Select(h => new StatusHistoryDto(OrderStatusRules.Name(h.Status), h.Timestamp, h.Note) { TrackingNumber = h.TrackingNumber, Carrier = h.Carrier }).ToList(),
        o.CreatedAt, o.UpdatedAt);

    private static string ToSnake(PaymentStatus status) => status switch
    {
        PaymentStatus.PartiallyRefunded => "partially_refunded",
        _ => status.ToString().ToLowerInvariant(),
    };
}
