using Bunit;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Shared;

namespace Ecommerce.Tests.Unit.Web.Components.Shared;

public class PriceTagTests : MudTestContext
{
    [Theory]
    [InlineData(999L, "$9.99")]
    [InlineData(129900L, "$1,299.00")]
    [InlineData(5995L, "$59.95")]
    [InlineData(0L, "$0.00")]
    public void Shows_the_price_in_the_store_currency(long cents, string text)
    {
        var cut = Render<PriceTag>(ps => ps.Add(p => p.Price, new Money(cents)));
        Assert.Equal(text, cut.Find(".price-tag__now").TextContent.Trim());
        Assert.Empty(cut.FindAll("s"));
        Assert.DoesNotContain("price-tag__now--sale", cut.Find(".price-tag__now").ClassList);
    }

    [Fact]
    public void A_higher_compare_at_price_is_struck_through()
    {
        var cut = Render<PriceTag>(ps => ps.Add(p => p.Price, new Money(12900)).Add(p => p.CompareAt, new Money(15900)));
        Assert.Equal("$159.00", cut.Find("s.price-tag__was").TextContent.Trim());
        Assert.Equal("Was $159.00", cut.Find("s").GetAttribute("aria-label"));
        Assert.Contains("price-tag__now--sale", cut.Find(".price-tag__now").ClassList);
        Assert.Empty(cut.FindAll(".price-tag__saving"));
    }

    [Theory]
    [InlineData(12900L)]
    [InlineData(12899L)]
    public void An_equal_or_lower_compare_at_price_is_hidden(long compareAt)
    {
        var cut = Render<PriceTag>(ps => ps.Add(p => p.Price, new Money(12900)).Add(p => p.CompareAt, new Money(compareAt)));
        Assert.Empty(cut.FindAll("s"));
    }

    [Theory]
    [InlineData(12900L, 15900L, "Save 19%")]   // 18.9 %
    [InlineData(5000L, 10000L, "Save 50%")]
    [InlineData(9950L, 10000L, "Save 1%")]     // 0.5 % rounds away from zero
    public void The_saving_is_shown_in_whole_percent_when_asked(long price, long was, string text)
    {
        var cut = Render<PriceTag>(ps => ps
            .Add(p => p.Price, new Money(price)).Add(p => p.CompareAt, new Money(was)).Add(p => p.ShowSaving, true));
        Assert.Equal(text, cut.Find(".price-tag__saving").TextContent.Trim());
    }

    [Fact]
    public void Large_adds_a_modifier_class()
    {
        var cut = Render<PriceTag>(ps => ps.Add(p => p.Price, new Money(100)).Add(p => p.Large, true));
        Assert.Contains("price-tag--large", cut.Find(".price-tag").ClassList);
        var small = Render<PriceTag>(ps => ps.Add(p => p.Price, new Money(100)));
        Assert.DoesNotContain("price-tag--large", small.Find(".price-tag").ClassList);
    }
}

public class PriceTagCultureTests() : MudTestContext(new StoreSettings { Culture = "en-GB", Currency = "GBP" })
{
    [Fact]
    public void Prices_follow_the_store_culture()
    {
        var cut = Render<PriceTag>(ps => ps.Add(p => p.Price, new Money(129900)));
        Assert.Equal("£1,299.00", cut.Find(".price-tag__now").TextContent.Trim());
    }
}
