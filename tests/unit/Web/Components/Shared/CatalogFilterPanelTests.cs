using AngleSharp.Html.Dom;
using Bunit;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Shared;

namespace Ecommerce.Tests.Unit.Web.Components.Shared;

public class CatalogFilterPanelTests : MudTestContext
{
    private IRenderedComponent<CatalogFilterPanel> RenderPanel(
        string action = "/c/audio", decimal? min = null, decimal? max = null, string sort = "newest",
        IReadOnlyList<Error>? errors = null, IReadOnlyDictionary<string, string>? preserve = null) =>
        Render<CatalogFilterPanel>(ps =>
        {
            ps.Add(p => p.Action, action).Add(p => p.MinPrice, min).Add(p => p.MaxPrice, max).Add(p => p.Sort, sort);
            if (errors is not null) ps.Add(p => p.Errors, errors);
            if (preserve is not null) ps.Add(p => p.Preserve, preserve);
        });

    [Fact]
    public void Is_a_get_form_to_the_listing()
    {
        var form = RenderPanel(action: "/c/coffee-tea").Find("form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/c/coffee-tea", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("button[type='submit']"));
    }

    [Theory]
    [InlineData("filter-min", "Min price", "min")]
    [InlineData("filter-max", "Max price", "max")]
    [InlineData("filter-sort", "Sort by", "sort")]
    public void Every_field_has_a_label(string id, string label, string name)
    {
        var cut = RenderPanel();
        Assert.Equal(label, cut.Find($"label[for='{id}']").TextContent.Trim());
        Assert.Equal(name, cut.Find($"#{id}").GetAttribute("name"));
    }

    [Fact]
    public void Price_inputs_are_numbers_from_zero()
    {
        var cut = RenderPanel();
        foreach (var id in new[] { "filter-min", "filter-max" })
        {
            var input = cut.Find($"#{id}");
            Assert.Equal("number", input.GetAttribute("type"));
            Assert.Equal("0", input.GetAttribute("min"));
            Assert.Equal("0.01", input.GetAttribute("step"));
        }
    }

    [Fact]
    public void Shows_the_current_values()
    {
        var cut = RenderPanel(min: 12.50m, max: 200m, sort: "price-desc");
        Assert.Equal("12.5", cut.Find("#filter-min").GetAttribute("value"));
        Assert.Equal("200", cut.Find("#filter-max").GetAttribute("value"));
        var selected = cut.FindAll("#filter-sort option").Where(o => o.HasAttribute("selected")).ToList();
        Assert.Equal("price-desc", Assert.Single(selected).GetAttribute("value"));
        Assert.Equal("Price: high to low", selected[0].TextContent.Trim());
    }

    [Fact]
    public void Offers_every_sort()
    {
        var options = RenderPanel().FindAll("#filter-sort option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(StorefrontSort.Options.Select(o => o.Key), options);
        Assert.Equal("newest", StorefrontSort.Default);
    }

    [Fact]
    public void Unfiltered_shows_empty_inputs_the_default_sort_and_no_clear_link()
    {
        var cut = RenderPanel();
        Assert.Null(cut.Find("#filter-min").GetAttribute("value"));
        Assert.Null(cut.Find("#filter-max").GetAttribute("value"));
        Assert.Equal("newest", cut.FindAll("#filter-sort option").Single(o => o.HasAttribute("selected")).GetAttribute("value"));
        Assert.DoesNotContain(cut.FindAll("a"), a => a.TextContent.Contains("Clear filters"));
        Assert.Null(cut.Find("#filter-min").GetAttribute("aria-invalid"));
        Assert.Empty(cut.FindAll(".field__error"));
    }

    [Fact]
    public void Preserved_values_become_hidden_inputs()
    {
        var cut = RenderPanel(action: "/search", preserve: new Dictionary<string, string> { ["q"] = "lamp shade", ["tag"] = "eco" });
        var hidden = cut.FindAll("form input[type='hidden']").Cast<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        Assert.Equal(new Dictionary<string, string> { ["q"] = "lamp shade", ["tag"] = "eco" }, hidden);
    }

    [Fact]
    public void A_min_price_error_is_shown_next_to_min_price()
    {
        var cut = RenderPanel(errors: [Error.Validation("minPrice", "Min price must be a number.")]);
        var min = cut.Find("#filter-min");
        Assert.Equal("true", min.GetAttribute("aria-invalid"));
        Assert.Equal("filter-min-error", min.GetAttribute("aria-describedby"));
        var error = cut.Find("#filter-min-error");
        Assert.Equal("Min price must be a number.", error.TextContent.Trim());
        Assert.Equal("alert", error.GetAttribute("role"));

        var max = cut.Find("#filter-max");
        Assert.Null(max.GetAttribute("aria-invalid"));
        Assert.Null(max.GetAttribute("aria-describedby"));
        Assert.Empty(cut.FindAll("#filter-max-error"));
    }

    [Fact]
    public void A_max_price_error_is_shown_next_to_max_price()
    {
        var cut = RenderPanel(errors: [Error.Validation("maxPrice", "Max price cannot be negative.")]);
        Assert.Equal("true", cut.Find("#filter-max").GetAttribute("aria-invalid"));
        Assert.Equal("Max price cannot be negative.", cut.Find("#filter-max-error").TextContent.Trim());
        Assert.Null(cut.Find("#filter-min").GetAttribute("aria-invalid"));
        Assert.Empty(cut.FindAll("#filter-min-error"));
    }

    [Fact]
    public void Errors_of_other_fields_are_not_shown()
    {
        var cut = RenderPanel(errors: [Error.Validation("sortBy", "Unknown sort.")]);
        Assert.Empty(cut.FindAll(".field__error"));
        Assert.DoesNotContain("Unknown sort.", cut.Markup);
    }

    [Theory]
    [InlineData(10, null, "newest")]
    [InlineData(null, 50, "newest")]
    [InlineData(null, null, "price-asc")]
    public void A_filtered_listing_offers_to_clear_the_filters(int? min, int? max, string sort)
    {
        var cut = RenderPanel(action: "/c/audio", min: min, max: max, sort: sort);
        var clear = cut.FindAll("a").Single(a => a.TextContent.Trim() == "Clear filters");
        Assert.Equal("/c/audio", clear.GetAttribute("href"));
    }

    [Fact]
    public void Clearing_keeps_the_preserved_values()
    {
        var cut = RenderPanel(action: "/search", min: 5, preserve: new Dictionary<string, string> { ["q"] = "lamp shade & bulb" });
        var clear = cut.FindAll("a").Single(a => a.TextContent.Trim() == "Clear filters");
        Assert.Equal("/search?q=lamp%20shade%20%26%20bulb", clear.GetAttribute("href"));
    }
}
