using System.Globalization;
using Ecommerce.Web.Components.Shared;

namespace Ecommerce.Tests.Unit.Web.Components.Shared;

/// <summary>Dates and times in the store's culture (Store:Culture), the same on the storefront and in the back office.</summary>
public class TimeDisplayTests
{
    private static readonly DateTime Placed = new(2026, 11, 25, 15, 27, 41, DateTimeKind.Utc);

    [Theory]
    [InlineData("en-US", "Nov 25, 2026")]
    [InlineData("en-GB", "25 Nov 2026")]
    [InlineData("de-DE", "25. Nov. 2026")]
    [InlineData("fr-FR", "25 nov. 2026")]
    [InlineData("es-ES", "25 de nov de 2026")]
    public void A_date_is_the_cultures_long_date_without_the_weekday_and_with_the_short_month(string culture, string text) =>
        Assert.Equal(text, TimeDisplay.Date(Placed, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("en-US", "Nov 25, 2026, 3:27\u202FPM")]
    [InlineData("de-DE", "25. Nov. 2026, 15:27")]
    public void A_time_follows_the_cultures_clock(string culture, string text) =>
        Assert.Equal(text, TimeDisplay.DateTime(Placed, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void A_time_without_a_column_that_says_utc_says_it_itself() =>
        Assert.Equal("Nov 25, 2026, 3:27\u202FPM UTC", TimeDisplay.DateTimeUtc(Placed, CultureInfo.GetCultureInfo("en-US")));

    [Fact]
    public void The_machine_readable_time_is_iso_8601_in_utc_whatever_the_kind_says()
    {
        Assert.Equal("2026-11-25T15:27:41Z", TimeDisplay.Iso(Placed));
        Assert.Equal("2026-11-25T15:27:41Z", TimeDisplay.Iso(DateTime.SpecifyKind(Placed, DateTimeKind.Unspecified)));
    }
}
