using Bunit;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Web.Components.Shared;

public class PagerLinksTests : MudTestContext
{
    private IRenderedComponent<PagerLinks> RenderPager(string url, int pageNumber, int totalPages)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<PagerLinks>(ps => ps.Add(p => p.PageNumber, pageNumber).Add(p => p.TotalPages, totalPages));
    }

    /// <summary>The text of each pager item: numbers, "…" for gaps, in order (previous/next left out).</summary>
    private static List<string> Items(IRenderedComponent<PagerLinks> cut) =>
        cut.FindAll(".pager > *").Where(e => e.GetAttribute("rel") is null).Select(e => e.TextContent.Trim()).ToList();

    private static Dictionary<string, string> Query(string href) =>
        QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost/"), href).Query).ToDictionary(q => q.Key, q => q.Value.ToString());

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_single_page_needs_no_pager(int totalPages)
    {
        var cut = RenderPager("/c/audio", 1, totalPages);
        Assert.Empty(cut.FindAll("nav"));
    }

    [Fact]
    public void The_current_page_is_marked_and_not_a_link()
    {
        var cut = RenderPager("/c/audio?page=3", 3, 5);
        var nav = cut.Find("nav.pager");
        Assert.Equal("Pagination", nav.GetAttribute("aria-label"));
        var current = cut.Find("[aria-current='page']");
        Assert.Equal("3", current.TextContent.Trim());
        Assert.Equal("SPAN", current.TagName);
        Assert.Single(cut.FindAll("[aria-current]"));
        Assert.Equal(["1", "2", "3", "4", "5"], Items(cut));
    }

    [Fact]
    public void Page_links_keep_the_other_query_values()
    {
        var cut = RenderPager("/c/audio?sort=price-asc&min=10&page=3", 3, 5);
        var four = cut.Find("a[aria-label='Page 4']");
        Assert.Equal("/c/audio", new Uri(four.GetAttribute("href")!).AbsolutePath);
        Assert.Equal(new Dictionary<string, string> { ["sort"] = "price-asc", ["min"] = "10", ["page"] = "4" }, Query(four.GetAttribute("href")!));

        var next = cut.Find("a[rel='next']");
        Assert.Equal("4", Query(next.GetAttribute("href")!)["page"]);
        Assert.Equal("Next page", next.GetAttribute("aria-label"));
        var previous = cut.Find("a[rel='prev']");
        Assert.Equal("2", Query(previous.GetAttribute("href")!)["page"]);
        Assert.Equal("price-asc", Query(previous.GetAttribute("href")!)["sort"]);
        Assert.Equal("Previous page", previous.GetAttribute("aria-label"));
    }

    [Fact]
    public void The_first_page_link_drops_the_page_parameter()
    {
        var cut = RenderPager("/search?q=lamp&page=2", 2, 3);
        var first = Query(cut.Find("a[aria-label='Page 1']").GetAttribute("href")!);
        Assert.Equal(new Dictionary<string, string> { ["q"] = "lamp" }, first);
        Assert.False(Query(cut.Find("a[rel='prev']").GetAttribute("href")!).ContainsKey("page"));
    }

    [Fact]
    public void The_first_page_has_no_previous_link_and_the_last_no_next_link()
    {
        var first = RenderPager("/c/audio", 1, 4);
        Assert.Empty(first.FindAll("a[rel='prev']"));
        Assert.Single(first.FindAll("a[rel='next']"));

        var last = RenderPager("/c/audio?page=4", 4, 4);
        Assert.Single(last.FindAll("a[rel='prev']"));
        Assert.Empty(last.FindAll("a[rel='next']"));
    }

    [Theory]
    [InlineData(10, 20, "1 … 8 9 10 11 12 … 20")]
    [InlineData(1, 20, "1 2 3 … 20")]
    [InlineData(20, 20, "1 … 18 19 20")]
    [InlineData(4, 20, "1 2 3 4 5 6 … 20")]
    [InlineData(5, 20, "1 … 3 4 5 6 7 … 20")]
    [InlineData(17, 20, "1 … 15 16 17 18 19 20")]
    [InlineData(3, 7, "1 2 3 4 5 … 7")]
    [InlineData(4, 7, "1 2 3 4 5 6 7")]
    public void Long_ranges_show_gaps(int pageNumber, int totalPages, string expected)
    {
        var cut = RenderPager($"/c/audio?page={pageNumber}", pageNumber, totalPages);
        Assert.Equal(expected, string.Join(' ', Items(cut)));
        Assert.All(cut.FindAll(".pager__gap"), gap => Assert.Equal("true", gap.GetAttribute("aria-hidden")));
    }

    [Fact]
    public void Another_page_parameter_name_can_be_used()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/orders?p=2&status=paid");
        var cut = Render<PagerLinks>(ps => ps.Add(p => p.PageNumber, 2).Add(p => p.TotalPages, 3).Add(p => p.PageParameter, "p"));
        Assert.Equal(new Dictionary<string, string> { ["p"] = "3", ["status"] = "paid" }, Query(cut.Find("a[rel='next']").GetAttribute("href")!));
    }
}
