using Bunit;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Shared;

namespace Ecommerce.Tests.Unit.Web.Components.Shared;

public class ProductCardTests : MudTestContext
{
    private static readonly DateTime Created = new(2026, 1, 10, 9, 0, 0, DateTimeKind.Utc);

    private static ProductSummary Product(
        long priceCents = 12900, long? compareAtCents = null, int stock = 24, double rating = 4.5, int reviews = 4,
        IReadOnlyList<ProductImageInfo>? images = null) =>
        new(7, "Driftwood Wireless Headphones", "driftwood-wireless-headphones", "HS-AUD-001", "Over-ear, 40 hours.",
            new Money(priceCents), compareAtCents is { } c ? new Money(c) : null,
            new CategoryRef(3, "Audio", "audio"),
            images ?? [new ProductImageInfo("/images/products/side.svg", "Side view", false), new ProductImageInfo("/images/products/front.svg", "Front view", true)],
            stock, rating, reviews, ["wireless"], [new NameValue("Color", "Slate")], Created, Created);

    private IRenderedComponent<ProductCard> RenderCard(ProductSummary product) =>
        Render<ProductCard>(ps => ps.Add(p => p.Product, product));

    [Fact]
    public void The_name_links_to_the_product_page()
    {
        var cut = RenderCard(Product());
        var title = cut.Find("h3.product-card__title");
        var link = title.QuerySelector("a")!;
        Assert.Equal("/products/driftwood-wireless-headphones", link.GetAttribute("href"));
        Assert.Equal("Driftwood Wireless Headphones", link.TextContent.Trim());
        Assert.Equal(title.Id, cut.Find("article.product-card").GetAttribute("aria-labelledby"));
        Assert.Equal("product-7-title", title.Id);
        Assert.Equal("Audio", cut.Find(".product-card__category").TextContent.Trim());
    }

    [Fact]
    public void The_picture_is_the_primary_image_marked_decorative()
    {
        var cut = RenderCard(Product());
        var image = cut.Find(".product-card__media img");
        Assert.Equal("/images/products/front.svg", image.GetAttribute("src"));
        Assert.True(image.HasAttribute("alt"));
        Assert.Equal("", image.GetAttribute("alt"));
        var media = cut.Find("a.product-card__media");
        Assert.Equal("/products/driftwood-wireless-headphones", media.GetAttribute("href"));
        Assert.Equal("-1", media.GetAttribute("tabindex"));
        Assert.Equal("true", media.GetAttribute("aria-hidden"));
    }

    [Fact]
    public void Without_a_primary_image_the_first_is_used_and_without_images_a_placeholder()
    {
        var first = RenderCard(Product(images: [new ProductImageInfo("/images/products/a.svg", "A", false), new ProductImageInfo("/images/products/b.svg", "B", false)]));
        Assert.Equal("/images/products/a.svg", first.Find(".product-card__media img").GetAttribute("src"));

        var none = RenderCard(Product(images: []));
        Assert.Equal("images/placeholder.svg", none.Find(".product-card__media img").GetAttribute("src"));
    }

    [Fact]
    public void Shows_the_price_formatted()
    {
        var cut = RenderCard(Product(priceCents: 12900));
        Assert.Equal("$129.00", cut.Find(".price-tag__now").TextContent.Trim());
        Assert.Empty(cut.FindAll("s"));
        Assert.Empty(cut.FindAll(".product-card__flag"));
    }

    [Fact]
    public void A_higher_compare_at_price_is_struck_through_with_a_sale_flag()
    {
        var cut = RenderCard(Product(priceCents: 12900, compareAtCents: 15900));
        var was = cut.Find("s.price-tag__was");
        Assert.Equal("$159.00", was.TextContent.Trim());
        Assert.Equal("Was $159.00", was.GetAttribute("aria-label"));
        Assert.Equal("Sale", cut.Find(".product-card__flag").TextContent.Trim());
        Assert.Contains("price-tag__now--sale", cut.Find(".price-tag__now").ClassList);
    }

    [Theory]
    [InlineData(12900L)]
    [InlineData(9900L)]
    public void A_compare_at_price_not_above_the_price_is_not_shown(long compareAt)
    {
        var cut = RenderCard(Product(priceCents: 12900, compareAtCents: compareAt));
        Assert.Empty(cut.FindAll("s"));
        Assert.Empty(cut.FindAll(".product-card__flag"));
        Assert.DoesNotContain("$99.00", cut.Markup);
    }

    [Fact]
    public void Out_of_stock_is_shown()
    {
        var cut = RenderCard(Product(stock: 0));
        Assert.Equal("Out of stock", cut.Find(".stock").TextContent.Trim());
    }

    [Fact]
    public void Low_stock_is_shown()
    {
        var cut = RenderCard(Product(stock: 3));
        Assert.Equal("Only 3 left", cut.Find(".stock").TextContent.Trim());
    }

    [Fact]
    public void Plenty_of_stock_needs_no_badge_on_a_card()
    {
        var cut = RenderCard(Product(stock: 24));
        Assert.Empty(cut.FindAll(".stock"));
    }

    [Theory]
    [InlineData(4.5, 4, "Rated 4.5 out of 5 from 4 reviews")]
    [InlineData(5.0, 1, "Rated 5.0 out of 5 from 1 review")]
    [InlineData(3.7, 12, "Rated 3.7 out of 5 from 12 reviews")]
    [InlineData(0.0, 0, "No reviews yet")]
    public void The_rating_has_a_readable_label(double rating, int reviews, string label)
    {
        var cut = RenderCard(Product(rating: rating, reviews: reviews));
        var stars = cut.Find(".rating");
        Assert.Equal("img", stars.GetAttribute("role"));
        Assert.Equal(label, stars.GetAttribute("aria-label"));
        // One element draws the five stars, filled to the rating (no icon markup per star).
        Assert.Equal($"--rating: {(rating * 20).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}%", cut.Find(".rating__stars").GetAttribute("style"));
        Assert.Empty(cut.FindAll(".rating svg"));
        Assert.Equal($"({reviews})", cut.Find(".rating__count").TextContent.Trim());
    }
}
