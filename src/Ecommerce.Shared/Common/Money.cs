using System.Globalization;

namespace Ecommerce.Shared.Common;

/// <summary>
/// An amount of the store's currency in integer minor units (cents). All arithmetic on prices goes through
/// this type so that rounding happens in one place: half away from zero, to the cent.
/// </summary>
public readonly record struct Money(long Cents) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    /// <summary>Converts a decimal amount (e.g. 19.99) to minor units, rounding half away from zero.</summary>
    public static Money FromDecimal(decimal amount) =>
        new(checked((long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero)));

    /// <summary>The amount as a decimal with exactly two decimal places (19.90, not 19.9).</summary>
    public decimal ToDecimal() => Cents * 0.01m;

    /// <summary>Multiplies by a rate such as a tax rate (0.08) or a discount share, rounding to the cent.</summary>
    public Money MultiplyBy(decimal rate) =>
        new(checked((long)Math.Round(Cents * rate, MidpointRounding.AwayFromZero)));

    /// <summary>The given percentage of this amount (12.5 → 12.5 %), rounded to the cent.</summary>
    public Money Percent(decimal percent) => MultiplyBy(percent / 100m);

    public static Money Min(Money a, Money b) => a.Cents <= b.Cents ? a : b;
    public static Money Max(Money a, Money b) => a.Cents >= b.Cents ? a : b;

    public static Money operator +(Money a, Money b) => new(checked(a.Cents + b.Cents));
    public static Money operator -(Money a, Money b) => new(checked(a.Cents - b.Cents));
    public static Money operator *(Money a, int quantity) => new(checked(a.Cents * quantity));
    public static bool operator <(Money a, Money b) => a.Cents < b.Cents;
    public static bool operator >(Money a, Money b) => a.Cents > b.Cents;
    public static bool operator <=(Money a, Money b) => a.Cents <= b.Cents;
    public static bool operator >=(Money a, Money b) => a.Cents >= b.Cents;

    public int CompareTo(Money other) => Cents.CompareTo(other.Cents);

    /// <summary>Formats with the currency symbol of the given culture, e.g. "$1,299.00".</summary>
    public string Format(CultureInfo culture) => ToDecimal().ToString("C2", culture);

    public override string ToString() => ToDecimal().ToString("0.00", CultureInfo.InvariantCulture);
}
