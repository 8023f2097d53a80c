using System.Globalization;
using Ecommerce.Shared.Common;

namespace Ecommerce.Shared.Cart;

/// <summary>
/// How much one cart (and so one order) may hold, defined once for the model, the services, the API and the forms:
/// with product prices up to <c>ProductAdminService.MaxPrice</c>, these keep every amount far inside what the
/// arithmetic and the database can hold.
/// </summary>
public static class CartLimits
{
    /// <summary>The most items of one product on one cart line.</summary>
    public const int MaxLineQuantity = 999;

    /// <summary>The largest cart subtotal (and so order subtotal) accepted.</summary>
    public const decimal MaxSubtotal = 10_000_000_000m;

    public static Money MaxSubtotalMoney => Money.FromDecimal(MaxSubtotal);

    public static Error LineQuantityTooHigh() =>
        Error.Validation("quantity", $"At most {MaxLineQuantity} of one product fit in one order.");

    public static Error SubtotalTooHigh() =>
        Error.Validation("quantity", $"The cart's total would be above {MaxSubtotal.ToString("N0", CultureInfo.InvariantCulture)}; order fewer items.");
}
