using Bunit;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Cart;

namespace Ecommerce.Tests.Unit.Web.Components.Cart;

public class CartLinkAndBadgeTests : ShopComponentContext
{

    [Theory]
    [InlineData(0, "Cart, 0 items")]
    [InlineData(1, "Cart, 1 item")]
    [InlineData(3, "Cart, 3 items")]
    [InlineData(120, "Cart, 120 items")]
    public void The_link_names_the_count(int count, string label)
    {
        var link = Render<CartLink>(ps => ps.Add(p => p.Count, count)).Find("a.store-cart");
        Assert.Equal("/cart", link.GetAttribute("href"));
        Assert.Equal(label, link.GetAttribute("aria-label"));
    }

    [Fact]
    public void The_badge_shows_the_count_and_is_hidden_for_an_empty_cart()
    {
        var three = Render<CartLink>(ps => ps.Add(p => p.Count, 3));
        Assert.Equal("3", three.Find(".store-cart__count").TextContent.Trim());
        Assert.False(three.Find(".store-cart__count").HasAttribute("hidden"));

        var many = Render<CartLink>(ps => ps.Add(p => p.Count, 120));
        Assert.Equal("99+", many.Find(".store-cart__count").TextContent.Trim());

        var none = Render<CartLink>(ps => ps.Add(p => p.Count, 0));
        Assert.True(none.Find(".store-cart__count").HasAttribute("hidden"));
    }

    [Fact]
    public void Without_a_count_it_is_a_plain_cart_link_for_store_js_to_fill_in()
    {
        var link = Render<CartLink>().Find("a.store-cart");
        Assert.Equal("/cart", link.GetAttribute("href"));
        Assert.Equal("Cart", link.GetAttribute("aria-label"));
        Assert.True(link.QuerySelector(".store-cart__count")!.HasAttribute("hidden"));
        Assert.Equal("Cart", link.QuerySelector(".store-action__label")!.TextContent.Trim());
    }

    [Fact]
    public void The_live_badge_starts_with_the_initial_count()
    {
        var cut = Render<CartBadge>(ps => ps.Add(p => p.InitialCount, 3));
        Assert.Equal("Cart, 3 items", cut.Find("a.store-cart").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_live_badge_prefers_a_count_already_published_in_the_circuit()
    {
        CartState.Publish(5);
        var cut = Render<CartBadge>(ps => ps.Add(p => p.InitialCount, 3));
        Assert.Equal("Cart, 5 items", cut.Find("a.store-cart").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_live_badge_follows_published_counts()
    {
        var cut = Render<CartBadge>(ps => ps.Add(p => p.InitialCount, 3));

        CartState.Publish(1);
        cut.WaitForAssertion(() => Assert.Equal("Cart, 1 item", cut.Find("a.store-cart").GetAttribute("aria-label")));

        CartState.Publish(0);
        cut.WaitForAssertion(() => Assert.Equal("Cart, 0 items", cut.Find("a.store-cart").GetAttribute("aria-label")));
        Assert.Empty(cut.FindAll(".mud-badge"));
    }

    [Fact]
    public async Task The_live_badge_stops_listening_when_disposed()
    {
        var cut = Render<CartBadge>(ps => ps.Add(p => p.InitialCount, 2));
        var renders = cut.RenderCount;

        await DisposeComponentsAsync();
        var published = Record.Exception(() => CartState.Publish(7));

        Assert.Null(published);
        Assert.Equal(renders, cut.RenderCount);
        // No handler is left on the state: a disposed badge does not keep the page's components alive.
        var handlers = typeof(CartState).GetField("CountChanged", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(CartState) as Delegate;
        Assert.Null(handlers);
    }
}
