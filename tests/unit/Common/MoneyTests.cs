using System.Globalization;
using Ecommerce.Shared.Common;

namespace Ecommerce.Tests.Unit.Common;

public class MoneyTests
{
    [Theory]
    [InlineData("19.99", 1999)]
    [InlineData("0", 0)]
    [InlineData("0.004", 0)]
    [InlineData("0.005", 1)]
    [InlineData("1.005", 101)]
    [InlineData("2.675", 268)]
    [InlineData("10.125", 1013)]
    [InlineData("10.135", 1014)]
    [InlineData("19.994", 1999)]
    [InlineData("19.995", 2000)]
    [InlineData("-0.005", -1)]
    [InlineData("-1.005", -101)]
    [InlineData("-2.675", -268)]
    [InlineData("-19.994", -1999)]
    [InlineData("1299", 129900)]
    public void FromDecimal_rounds_half_away_from_zero_to_the_cent(string amount, long expectedCents)
    {
        Assert.Equal(expectedCents, Money.FromDecimal(decimal.Parse(amount, CultureInfo.InvariantCulture)).Cents);
    }

    [Theory]
    [InlineData(1990, "19.90")]
    [InlineData(1999, "19.99")]
    [InlineData(2000, "20.00")]
    [InlineData(5, "0.05")]
    [InlineData(0, "0.00")]
    [InlineData(-150, "-1.50")]
    public void ToDecimal_always_has_two_decimals(long cents, string expected)
    {
        var value = new Money(cents).ToDecimal();
        Assert.Equal(expected, value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, value.Scale);
    }

    [Fact]
    public void ToDecimal_of_19_90_prints_19_90()
    {
        Assert.Equal("19.90", Money.FromDecimal(19.9m).ToDecimal().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(19.90m, Money.FromDecimal(19.90m).ToDecimal());
    }

    [Fact]
    public void ToString_is_invariant_with_two_decimals()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1299.50", new Money(129950).ToString());
            Assert.Equal("0.07", new Money(7).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(1999, "0.08", 160)]     // 159.92 → 160
    [InlineData(125, "0.5", 63)]        // 62.5 → 63
    [InlineData(-125, "0.5", -63)]      // -62.5 → -63
    [InlineData(1000, "0.0825", 83)]    // 82.5 → 83
    [InlineData(1000, "0.0824", 82)]    // 82.4 → 82
    [InlineData(1000, "1", 1000)]
    [InlineData(1000, "0", 0)]
    public void MultiplyBy_rounds_half_away_from_zero(long cents, string rate, long expected)
    {
        Assert.Equal(expected, new Money(cents).MultiplyBy(decimal.Parse(rate, CultureInfo.InvariantCulture)).Cents);
    }

    [Theory]
    [InlineData(1000, "12.5", 125)]
    [InlineData(100, "12.5", 13)]     // 12.5 → 13
    [InlineData(-100, "12.5", -13)]
    [InlineData(999, "10", 100)]      // 99.9 → 100
    [InlineData(999, "100", 999)]
    [InlineData(1, "49", 0)]          // 0.49 → 0
    [InlineData(1, "50", 1)]          // 0.5 → 1
    public void Percent_takes_a_share_rounded_to_the_cent(long cents, string percent, long expected)
    {
        Assert.Equal(expected, new Money(cents).Percent(decimal.Parse(percent, CultureInfo.InvariantCulture)).Cents);
    }

    [Fact]
    public void Operators_work_on_cents()
    {
        var a = new Money(1050);
        var b = new Money(275);

        Assert.Equal(new Money(1325), a + b);
        Assert.Equal(new Money(775), a - b);
        Assert.Equal(new Money(-775), b - a);
        Assert.Equal(new Money(3150), a * 3);
        Assert.Equal(Money.Zero, a * 0);
        Assert.True(b < a);
        Assert.True(a > b);
        Assert.True(a <= new Money(1050));
        Assert.True(a >= new Money(1050));
        Assert.False(a < new Money(1050));
        Assert.False(a > new Money(1050));
        Assert.Equal(b, Money.Min(a, b));
        Assert.Equal(a, Money.Max(a, b));
        Assert.True(a.CompareTo(b) > 0);
        Assert.True(b.CompareTo(a) < 0);
        Assert.Equal(0, a.CompareTo(new Money(1050)));
        Assert.Equal(new Money(1050), a);
        Assert.NotEqual(b, a);
        Assert.Equal([b, new Money(1000), a], new[] { a, b, new Money(1000) }.Order().ToArray());
    }

    [Fact]
    public void Arithmetic_overflow_is_checked()
    {
        var max = new Money(long.MaxValue);
        var min = new Money(long.MinValue);

        Assert.Throws<OverflowException>(() => max + new Money(1));
        Assert.Throws<OverflowException>(() => min - new Money(1));
        Assert.Throws<OverflowException>(() => max * 2);
        Assert.Throws<OverflowException>(() => max.MultiplyBy(1.5m));
        Assert.Throws<OverflowException>(() => max.Percent(200m));
        Assert.Throws<OverflowException>(() => Money.FromDecimal(decimal.MaxValue / 10));
    }

    [Theory]
    [InlineData(129900, "$1,299.00")]
    [InlineData(12900, "$129.00")]
    [InlineData(5, "$0.05")]
    [InlineData(0, "$0.00")]
    [InlineData(123456789, "$1,234,567.89")]
    public void Format_uses_the_culture_currency(long cents, string expected)
    {
        Assert.Equal(expected, new Money(cents).Format(CultureInfo.GetCultureInfo("en-US")));
    }

    [Fact]
    public void StoreSettings_format_prices_in_its_culture()
    {
        var settings = new StoreSettings();
        Assert.Equal("$1,299.00", settings.FormatPrice(new Money(129900)));
        settings.Culture = "de-DE";
        Assert.Equal("1.299,00 €", settings.FormatPrice(new Money(129900)).Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }
}
