using Bunit;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Shared;

namespace Ecommerce.Tests.Unit.Web.Components.Shared;

public class StockBadgeTests : MudTestContext
{
    [Theory]
    [InlineData(0, false, "Out of stock", "stock--out")]
    [InlineData(-2, false, "Out of stock", "stock--out")]
    [InlineData(1, false, "Only 1 left", "stock--low")]
    [InlineData(3, false, "Only 3 left", "stock--low")]
    [InlineData(5, false, "Only 5 left", "stock--low")]
    [InlineData(0, true, "Out of stock", "stock--out")]
    [InlineData(5, true, "Only 5 left", "stock--low")]
    [InlineData(6, true, "In stock", "stock--in")]
    [InlineData(150, true, "In stock", "stock--in")]
    public void Shows_the_stock_state(int stock, bool showInStock, string text, string modifier)
    {
        var cut = Render<StockBadge>(ps => ps.Add(p => p.Stock, stock).Add(p => p.ShowInStock, showInStock));
        var badge = cut.Find(".stock");
        Assert.Equal(text, badge.TextContent.Trim());
        Assert.Contains(modifier, badge.ClassList);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(150)]
    public void Plenty_of_stock_shows_nothing_unless_asked(int stock)
    {
        var cut = Render<StockBadge>(ps => ps.Add(p => p.Stock, stock));
        Assert.Empty(cut.FindAll(".stock"));
        Assert.Equal("", cut.Markup.Trim());
    }
}
