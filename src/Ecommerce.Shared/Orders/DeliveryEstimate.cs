using System.ComponentModel.DataAnnotations;

namespace Ecommerce.Shared.Orders;

/// <summary>How long orders take to reach the customer (configuration section "Shipping"), in business days.</summary>
public sealed class ShippingOptions
{
    public const string Section = "Shipping";

    /// <summary>Business days between placing an order and handing it to the carrier.</summary>
    [Range(0, 60)]
    public int HandlingDays { get; set; } = 1;

    /// <summary>Business days the carrier takes from shipping to delivery.</summary>
    [Range(0, 60)]
    public int TransitDays { get; set; } = 3;
}

/// <summary>
/// When an order should arrive: a day (midnight UTC; the store keeps no time zone of its own) counted in business
/// days — Saturdays and Sundays skipped — from when it was placed (handling plus transit) or, once it has shipped, from
/// when it shipped (transit only), which knows what the handling actually took. None for an order that will not be
/// delivered (cancelled, or refunded in full).
/// </summary>
public static class DeliveryEstimate
{
    public static DateTime? For(OrderStatus status, DateTime placedAt, DateTime? shippedAt, ShippingOptions shipping)
    {
        if (status is OrderStatus.Cancelled or OrderStatus.Refunded) return null;
        var day = shippedAt is { } shipped
            ? AddBusinessDays(DateOnly.FromDateTime(shipped), shipping.TransitDays)
            : AddBusinessDays(DateOnly.FromDateTime(placedAt), shipping.HandlingDays + shipping.TransitDays);
        return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    /// <summary>
    /// The day <paramref name="days"/> business days after <paramref name="start"/>; with none, the first business day
    /// from <paramref name="start"/> on (nothing is delivered on a weekend).
    /// </summary>
    public static DateOnly AddBusinessDays(DateOnly start, int days)
    {
        var day = start;
        for (var added = 0; added < days; added++)
        {
            day = day.AddDays(1);
            while (IsWeekend(day)) day = day.AddDays(1);
        }
        while (IsWeekend(day)) day = day.AddDays(1);
        return day;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
