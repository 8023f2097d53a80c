using System.Diagnostics.Metrics;
using AngleSharp.Dom;
using Bunit;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Pages.Cart;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Ecommerce.Tests.Unit.Web.Components.Cart;

public class CartPageTests : ShopComponentContext
{
    private CartOwner _owner;
    private CartStateRecorder? _published;

    /// <summary>A signed-in customer whose cart holds these lines (written straight into the database).</summary>
    private async Task<IRenderedComponent<CartPage>> RenderCartAsync(string? coupon = null, params (Product Product, int Quantity)[] lines)
    {
        var user = await Shop.AddUserAsync();
        SignIn(user);
        _owner = CartOwner.ForUser(user);
        if (lines.Length > 0 || coupon is not null) await Shop.AddCartAsync(_owner, coupon, lines);
        return RenderPage();
    }

    private IRenderedComponent<CartPage> RenderPage(Action<ComponentParameterCollectionBuilder<CartPage>>? parameters = null)
    {
        _published = new CartStateRecorder(CartState);
        var cut = Render<CartPage>(parameters);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-skeleton")));
        return cut;
    }

    private static IElement Line(IRenderedComponent<CartPage> cut, string name) => cut.Find($"article.cart-line[aria-label='{name}']");

    private static IElement Button(IRenderedComponent<CartPage> cut, string label) => cut.Find($"button[aria-label='{label}']");

    private static string Text(IElement element) => element.Trimmed();

    /// <summary>The summary's totals as (term, value) pairs.</summary>
    private static List<(string, string)> Totals(IRenderedComponent<CartPage> cut) =>
        cut.FindAll("dl.totals > div").Select(r => (Text(r.QuerySelector("dt")!), Text(r.QuerySelector("dd")!))).ToList();

    [Fact]
    public async Task A_line_whose_price_changed_since_it_was_added_says_what_it_was_and_what_it_is_now()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var lamp = await Shop.AddProductAsync("Brass Lamp", 80m, stock: 3);
        var user = await Shop.AddUserAsync();
        SignIn(user);
        _owner = CartOwner.ForUser(user);
        await Shop.AddCartAsync(_owner, null, (mug, 2), (lamp, 1));
        await using (var db = Database.CreateContext())
            await db.Products.Where(p => p.Id == lamp.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceCents, 7200));

        var cut = RenderPage();

        Assert.Equal("Price went down: was $80.00, now $72.00", Text(Line(cut, "Brass Lamp").QuerySelector(".price-change")!));
        Assert.Null(Line(cut, "Harbor Mug").QuerySelector(".price-change"));
        Assert.Contains(("Total", "$104.76"), Totals(cut)); // at the current prices: (25.00 + 72.00) × 1.08
    }

    [Fact]
    public async Task An_empty_cart_says_so_and_links_to_the_shop()
    {
        var cut = await RenderCartAsync();

        Assert.Equal("Your cart is empty.", Text(cut.Find(".empty-state p")));
        var link = cut.Find(".empty-state a");
        Assert.Equal("Continue shopping", Text(link));
        Assert.Equal("/", link.GetAttribute("href"));
        Assert.Empty(cut.FindAll("article.cart-line"));
        Assert.Empty(cut.FindAll("dl.totals"));
        Assert.Equal([0], _published!.Published);
    }

    [Fact]
    public void An_anonymous_visitor_without_a_cart_cookie_has_an_empty_cart()
    {
        var cut = RenderPage(ps => ps.AddCascadingValue<HttpContext>(new DefaultHttpContext()));
        Assert.Equal("Your cart is empty.", Text(cut.Find(".empty-state p")));
    }

    [Fact]
    public async Task Every_line_shows_its_name_unit_price_quantity_and_line_total()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var lamp = await Shop.AddProductAsync("Brass Lamp", 1_199.99m, stock: 3);
        var cut = await RenderCartAsync(null, (mug, 2), (lamp, 1));

        var lines = cut.FindAll("article.cart-line");
        Assert.Equal(["Harbor Mug", "Brass Lamp"], lines.Select(l => l.GetAttribute("aria-label")));

        var first = Line(cut, "Harbor Mug");
        Assert.Equal("Harbor Mug", Text(first.QuerySelector(".cart-line__name")!));
        Assert.Equal("/products/harbor-mug", first.QuerySelector(".cart-line__name")!.GetAttribute("href"));
        Assert.Equal("SKU SKU-HARBOR-MUG · $12.50 each", Text(first.QuerySelector(".cart-line__meta")!));
        Assert.Equal("2", first.QuerySelector(".cart-line__quantity input")!.GetAttribute("value"));
        Assert.Equal("$25.00", Text(first.QuerySelector(".cart-line__total")!));

        var second = Line(cut, "Brass Lamp");
        Assert.Equal("SKU SKU-BRASS-LAMP · $1,199.99 each", Text(second.QuerySelector(".cart-line__meta")!));
        Assert.Equal("1", second.QuerySelector(".cart-line__quantity input")!.GetAttribute("value"));
        Assert.Equal("$1,199.99", Text(second.QuerySelector(".cart-line__total")!));

        // 1,224.99 + 8 % tax (98.00) = 1,322.99; shipping is free in the default store.
        Assert.Equal([("Subtotal", "$1,224.99"), ("Tax", "$98.00"), ("Shipping", "Free"), ("Total", "$1,322.99")], Totals(cut));
        Assert.Empty(cut.FindAll(".cart-line__warning"));
        Assert.False(cut.ButtonByText("Checkout").IsDisabledControl());
        Assert.Equal([3], _published!.Published);
    }

    [Fact]
    public async Task Increasing_a_quantity_updates_the_line_the_totals_the_database_and_the_count()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 2));

        await Button(cut, "Increase quantity of Harbor Mug").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("$37.50", Text(Line(cut, "Harbor Mug").QuerySelector(".cart-line__total")!)));
        Assert.Equal("3", Line(cut, "Harbor Mug").QuerySelector(".cart-line__quantity input")!.GetAttribute("value"));
        Assert.Equal([("Subtotal", "$37.50"), ("Tax", "$3.00"), ("Shipping", "Free"), ("Total", "$40.50")], Totals(cut));
        Assert.Equal([(mug.Id, 3)], await Shop.CartLinesAsync(_owner));
        Assert.Equal([2, 3], _published!.Published);
        Assert.Equal(3, CartState.Count);
    }

    [Fact]
    public async Task Decreasing_a_quantity_updates_the_line_and_the_count()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 3));

        await Button(cut, "Decrease quantity of Harbor Mug").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("$25.00", Text(Line(cut, "Harbor Mug").QuerySelector(".cart-line__total")!)));
        Assert.Equal([(mug.Id, 2)], await Shop.CartLinesAsync(_owner));
        Assert.Equal([3, 2], _published!.Published);
    }

    [Fact]
    public async Task Typing_a_quantity_sets_it()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 1));

        await Line(cut, "Harbor Mug").QuerySelector(".cart-line__quantity input")!.ChangeAsync(new ChangeEventArgs { Value = "4" });

        cut.WaitForAssertion(() => Assert.Equal("$50.00", Text(Line(cut, "Harbor Mug").QuerySelector(".cart-line__total")!)));
        Assert.Equal([(mug.Id, 4)], await Shop.CartLinesAsync(_owner));
        Assert.Equal(4, CartState.Count);
    }

    [Fact]
    public async Task Decrease_is_disabled_at_one_and_increase_at_the_stock_limit()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var lamp = await Shop.AddProductAsync("Brass Lamp", 80m, stock: 3);
        var cut = await RenderCartAsync(null, (mug, 1), (lamp, 3));

        Assert.True(Button(cut, "Decrease quantity of Harbor Mug").IsDisabledControl());
        Assert.False(Button(cut, "Increase quantity of Harbor Mug").IsDisabledControl());
        Assert.False(Button(cut, "Decrease quantity of Brass Lamp").IsDisabledControl());
        Assert.True(Button(cut, "Increase quantity of Brass Lamp").IsDisabledControl());
        Assert.False(Button(cut, "Remove Harbor Mug").IsDisabledControl());
    }

    [Fact]
    public async Task Removing_a_line_takes_it_out_of_the_page_and_the_database()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var lamp = await Shop.AddProductAsync("Brass Lamp", 80m, stock: 3);
        var cut = await RenderCartAsync(null, (mug, 2), (lamp, 1));

        await Button(cut, "Remove Harbor Mug").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("article.cart-line[aria-label='Harbor Mug']")));
        Assert.Equal(["Brass Lamp"], cut.FindAll("article.cart-line").Select(l => l.GetAttribute("aria-label")));
        Assert.Equal([("Subtotal", "$80.00"), ("Tax", "$6.40"), ("Shipping", "Free"), ("Total", "$86.40")], Totals(cut));
        Assert.Equal([(lamp.Id, 1)], await Shop.CartLinesAsync(_owner));
        Assert.Equal([3, 1], _published!.Published);
    }

    [Fact]
    public async Task Removing_the_last_line_leaves_an_empty_cart()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 2));

        await Button(cut, "Remove Harbor Mug").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("Your cart is empty.", Text(cut.Find(".empty-state p"))));
        Assert.Empty(await Shop.CartLinesAsync(_owner));
        Assert.Equal(0, CartState.Count);
    }

    [Fact]
    public async Task A_quantity_the_stock_no_longer_covers_shows_the_service_error_and_the_current_stock()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 2));
        await Shop.SetStockAsync(mug.Id, 2); // someone else bought three meanwhile

        await Button(cut, "Increase quantity of Harbor Mug").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Only 2 items available, requested 3", Text(cut.Find(".mud-alert"))));
        Assert.Equal([(mug.Id, 2)], await Shop.CartLinesAsync(_owner));
        Assert.True(Button(cut, "Increase quantity of Harbor Mug").IsDisabledControl());
    }

    [Fact]
    public async Task A_typed_quantity_the_stock_no_longer_covers_is_refused_and_the_field_shows_the_cart_again()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 2));
        await Shop.SetStockAsync(mug.Id, 3);

        await Line(cut, "Harbor Mug").QuerySelector(".cart-line__quantity input")!.ChangeAsync(new ChangeEventArgs { Value = "4" });

        cut.WaitForAssertion(() => Assert.Contains("Only 3 items available, requested 4", Text(cut.Find(".mud-alert"))));
        Assert.Equal([(mug.Id, 2)], await Shop.CartLinesAsync(_owner));
        Assert.Equal("$25.00", Text(Line(cut, "Harbor Mug").QuerySelector(".cart-line__total")!));
        Assert.Equal("2", Line(cut, "Harbor Mug").QuerySelector(".cart-line__quantity input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_valid_coupon_shows_its_chip_and_the_discount()
    {
        await Shop.AddCouponAsync("SPRING10", percentOff: 10);
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 2));
        Assert.True(cut.ButtonByText("Apply coupon").IsDisabledControl());

        await cut.FieldByLabel("Coupon code").InputAsync(new ChangeEventArgs { Value = "spring10" });
        Assert.False(cut.ButtonByText("Apply coupon").IsDisabledControl());
        await cut.ButtonByText("Apply coupon").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("SPRING10", Text(cut.Find(".cart-coupon__applied .mud-chip"))));
        // 25.00 − 2.50 = 22.50; tax 8 % = 1.80.
        Assert.Equal(
            [("Subtotal", "$25.00"), ("Discount (SPRING10)", "\u2212$2.50"), ("Tax", "$1.80"), ("Shipping", "Free"), ("Total", "$24.30")],
            Totals(cut));
        Assert.False(cut.HasFieldLabelled("Coupon code"));
        Assert.Equal("SPRING10", await Shop.CartCouponAsync(_owner));
    }

    [Fact]
    public async Task Enter_in_the_coupon_field_applies_it()
    {
        await Shop.AddCouponAsync("SPRING10", percentOff: 10);
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 2));

        var field = cut.FieldByLabel("Coupon code");
        await field.InputAsync(new ChangeEventArgs { Value = "SPRING10" });
        await cut.FieldByLabel("Coupon code").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() => Assert.Equal("SPRING10", Text(cut.Find(".cart-coupon__applied .mud-chip"))));
        Assert.Equal("SPRING10", await Shop.CartCouponAsync(_owner));
    }

    [Fact]
    public async Task An_unknown_coupon_shows_the_error_under_the_field()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 2));

        await cut.FieldByLabel("Coupon code").InputAsync(new ChangeEventArgs { Value = "nope" });
        await cut.ButtonByText("Apply coupon").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("Coupon code 'NOPE' does not exist.", cut.ErrorUnder("Coupon code")));
        Assert.Equal("true", cut.FieldByLabel("Coupon code").GetAttribute("aria-invalid"));
        Assert.Empty(cut.FindAll(".cart-coupon__applied"));
        Assert.Empty(cut.FindAll(".totals__discount"));
        Assert.Null(await Shop.CartCouponAsync(_owner));
    }

    [Fact]
    public async Task Coupon_attempts_over_the_rate_limit_are_refused_with_a_message_to_wait()
    {
        await Shop.AddCouponAsync("LATER10", percentOff: 10);
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 2));
        using var rejections = new MetricCollector<long>(Services.GetRequiredService<IMeterFactory>(), StoreMetrics.MeterName, StoreMetrics.RateLimitRejectionsName);

        // The default limit: 10 attempts per 5 minutes for one cart (and address).
        for (var i = 0; i < 10; i++)
        {
            await cut.FieldByLabel("Coupon code").InputAsync(new ChangeEventArgs { Value = $"nope{i}" });
            await cut.ButtonByText("Apply coupon").ClickAsync(new MouseEventArgs());
            cut.WaitForAssertion(() => Assert.Contains("does not exist", cut.ErrorUnder("Coupon code")));
        }
        await cut.FieldByLabel("Coupon code").InputAsync(new ChangeEventArgs { Value = "LATER10" });
        await cut.ButtonByText("Apply coupon").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.StartsWith("Too many coupon attempts. Please wait", cut.ErrorUnder("Coupon code")));
        Assert.Null(await Shop.CartCouponAsync(_owner));
        Assert.Equal(1, rejections.Sum(("kind", "action"), ("policy", "Coupon")));
    }

    [Fact]
    public async Task Removing_the_coupon_takes_the_discount_away()
    {
        await Shop.AddCouponAsync("SPRING10", percentOff: 10);
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync("SPRING10", (mug, 2));
        Assert.Equal("SPRING10", Text(cut.Find(".cart-coupon__applied .mud-chip")));
        Assert.Single(cut.FindAll(".totals__discount"));

        await cut.ButtonByText("Remove coupon").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".cart-coupon__applied")));
        Assert.Empty(cut.FindAll(".totals__discount"));
        Assert.Equal([("Subtotal", "$25.00"), ("Tax", "$2.00"), ("Shipping", "Free"), ("Total", "$27.00")], Totals(cut));
        Assert.True(cut.HasFieldLabelled("Coupon code"));
        Assert.Null(await Shop.CartCouponAsync(_owner));
    }

    [Fact]
    public async Task A_line_above_the_stock_is_flagged_and_blocks_checkout()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 2);
        var lamp = await Shop.AddProductAsync("Brass Lamp", 80m, stock: 0);
        var vase = await Shop.AddProductAsync("Glass Vase", 30m, stock: 4);
        var cut = await RenderCartAsync(null, (mug, 4), (lamp, 1), (vase, 1));

        var warning = Line(cut, "Harbor Mug").QuerySelector(".cart-line__warning")!;
        Assert.Equal("alert", warning.GetAttribute("role"));
        Assert.Equal("Only 2 left: lower the quantity to check out.", Text(warning));
        Assert.Equal("Out of stock: remove it to check out.", Text(Line(cut, "Brass Lamp").QuerySelector(".cart-line__warning")!));
        Assert.Null(Line(cut, "Glass Vase").QuerySelector(".cart-line__warning"));
        var checkout = cut.ButtonByText("Checkout");
        Assert.True(checkout.IsDisabledControl());
        Assert.Null(checkout.GetAttribute("href")); // a disabled MudButton is a button, not a link that still leads on
    }

    [Fact]
    public async Task Lowering_the_quantity_to_the_stock_clears_the_warning_and_allows_checkout()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 2);
        var cut = await RenderCartAsync(null, (mug, 3));
        Assert.True(cut.ButtonByText("Checkout").IsDisabledControl());

        await Button(cut, "Decrease quantity of Harbor Mug").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".cart-line__warning")));
        Assert.False(cut.ButtonByText("Checkout").IsDisabledControl());
        Assert.Equal("/checkout", cut.ButtonByText("Checkout").GetAttribute("href"));
    }

    [Fact]
    public async Task Before_the_page_is_interactive_its_buttons_are_disabled()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var cut = await RenderCartAsync(null, (mug, 2));

        Assert.Equal("$25.00", Text(Line(cut, "Harbor Mug").QuerySelector(".cart-line__total")!));
        Assert.True(Button(cut, "Decrease quantity of Harbor Mug").IsDisabledControl());
        Assert.True(Button(cut, "Increase quantity of Harbor Mug").IsDisabledControl());
        Assert.True(Button(cut, "Remove Harbor Mug").IsDisabledControl());
        Assert.True(Line(cut, "Harbor Mug").QuerySelector(".cart-line__quantity input")!.IsDisabledControl());
        Assert.True(cut.FieldByLabel("Coupon code").IsDisabledControl());
        Assert.True(cut.ButtonByText("Apply coupon").IsDisabledControl());
        Assert.Empty(_published!.Published); // a prerender publishes nothing: there is no circuit yet
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_the_cart_of_their_cookie()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var id = Guid.NewGuid();
        _owner = CartOwner.Anonymous(id);
        await Shop.AddCartAsync(_owner, null, (mug, 2));
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"store.cart={id:N}";

        var cut = RenderPage(ps => ps.AddCascadingValue<HttpContext>(http));

        Assert.Equal("$25.00", Text(Line(cut, "Harbor Mug").QuerySelector(".cart-line__total")!));
        Assert.Equal(id.ToString("N"), cut.Instance.AnonymousCartId);

        await Button(cut, "Increase quantity of Harbor Mug").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Equal("$37.50", Text(Line(cut, "Harbor Mug").QuerySelector(".cart-line__total")!)));
        Assert.Equal([(mug.Id, 3)], await Shop.CartLinesAsync(_owner));
    }

    [Fact]
    public async Task A_signed_in_customer_does_not_see_the_anonymous_cart_of_the_cookie()
    {
        var mug = await Shop.AddProductAsync("Harbor Mug", 12.50m, stock: 5);
        var id = Guid.NewGuid();
        await Shop.AddCartAsync(CartOwner.Anonymous(id), null, (mug, 2));
        var user = await Shop.AddUserAsync();
        SignIn(user);
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"store.cart={id:N}";

        var cut = RenderPage(ps => ps.AddCascadingValue<HttpContext>(http));

        Assert.Equal("Your cart is empty.", Text(cut.Find(".empty-state p")));
    }
}
