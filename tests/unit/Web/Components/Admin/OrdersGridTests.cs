using Bunit;
using Ecommerce.Shared.Orders;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Admin.Shared;
using Microsoft.AspNetCore.Components.Web;

namespace Ecommerce.Tests.Unit.Web.Components.Admin;

/// <summary>
/// The back office's orders grid over the real order service: one server page at a time, newest first, filtered by
/// status, dates and search; paging inside the grid is reported to the page (so it lands in the address); a bad
/// query shows the service's message instead of rows.
/// </summary>
public class OrdersGridTests : AdminComponentContext
{
    private static readonly DateTime Day = new(2026, 1, 10, 9, 0, 0, DateTimeKind.Utc);

    private readonly List<OrderQuery> _pagesShown = [];
    private readonly List<int> _totals = [];

    private IRenderedComponent<OrdersGrid> RenderGrid(OrderQuery query) =>
        Render<OrdersGrid>(p => p
            .Add(g => g.Query, query)
            .Add(g => g.QueryChanged, shown => _pagesShown.Add(shown))
            .Add(g => g.TotalChanged, total => _totals.Add(total)));

    private static List<string> Numbers(IRenderedComponent<OrdersGrid> cut) =>
        cut.FindAll("tbody tr td:first-child a").Select(a => a.Trimmed()).ToList();

    private async Task AddOrdersAsync(int count)
    {
        var product = await AddProductAsync("Grid lamp", 10m);
        for (var i = 1; i <= count; i++)
            await AddOrderAsync($"ORD-2026-{i:000000}", $"buyer{i}@example.com", OrderStatus.Pending, Day.AddHours(i), product: product);
    }

    [Fact]
    public async Task Shows_the_newest_orders_first_with_their_details_and_a_link_to_each()
    {
        var lamp = await AddProductAsync("Brass lamp", 24.5m);
        await AddOrderAsync("ORD-2026-000001", "early@example.com", OrderStatus.Delivered, Day, 24.5m, 2, lamp);
        await AddOrderAsync("ORD-2026-000002", "late@example.com", OrderStatus.Paid, Day.AddDays(1), 24.5m, 1, lamp);

        var cut = RenderGrid(new OrderQuery { PageSize = OrdersGrid.DefaultPageSize });

        cut.WaitForAssertion(() => Assert.Equal(["ORD-2026-000002", "ORD-2026-000001"], Numbers(cut)));
        var first = cut.FindAll("tbody tr")[0];
        Assert.Contains("late@example.com", first.TextContent);
        Assert.Equal("Paid", first.QuerySelector(".admin-chip")!.Trimmed());
        Assert.Contains("$24.50", first.TextContent);
        Assert.Equal("Jan 11, 2026, 9:00\u202FAM", first.QuerySelector("time")!.Trimmed()); // the store's culture (en-US) and its clock
        Assert.Equal("2026-01-11T09:00:00Z", first.QuerySelector("time")!.GetAttribute("datetime"));
        var second = cut.FindAll("tbody tr")[1];
        Assert.Equal("Delivered", second.QuerySelector(".admin-chip")!.Trimmed());
        Assert.Contains("$49.00", second.TextContent);
        Assert.Equal("/admin/orders/ORD-2026-000002", cut.Find("tbody tr a").GetAttribute("href"));
        Assert.Equal(2, _totals.Last());
    }

    [Fact]
    public async Task Filters_by_status_date_range_and_search()
    {
        var product = await AddProductAsync("Filter lamp", 10m);
        await AddOrderAsync("ORD-2026-000001", "dana@example.com", OrderStatus.Pending, Day, product: product);
        await AddOrderAsync("ORD-2026-000002", "dana@example.com", OrderStatus.Shipped, Day.AddDays(2), product: product);
        await AddOrderAsync("ORD-2026-000003", "eli@example.com", OrderStatus.Shipped, Day.AddDays(5), product: product);

        var shipped = RenderGrid(new OrderQuery { Status = "shipped", PageSize = 25 });
        shipped.WaitForAssertion(() => Assert.Equal(["ORD-2026-000003", "ORD-2026-000002"], Numbers(shipped)));

        var byDates = RenderGrid(new OrderQuery { From = Day.Date, Until = Day.Date.AddDays(3), PageSize = 25 });
        byDates.WaitForAssertion(() => Assert.Equal(["ORD-2026-000002", "ORD-2026-000001"], Numbers(byDates)));

        var byEmail = RenderGrid(new OrderQuery { Search = "DANA@", Status = "pending", PageSize = 25 });
        byEmail.WaitForAssertion(() => Assert.Equal(["ORD-2026-000001"], Numbers(byEmail)));

        var byNumber = RenderGrid(new OrderQuery { Search = "000003", PageSize = 25 });
        byNumber.WaitForAssertion(() => Assert.Equal(["ORD-2026-000003"], Numbers(byNumber)));
    }

    [Fact]
    public async Task Says_so_when_no_order_matches_the_filters()
    {
        await AddOrdersAsync(2);

        var cut = RenderGrid(new OrderQuery { Status = "refunded", PageSize = 25 });

        cut.WaitForAssertion(() => Assert.Contains("No orders match these filters.", cut.Markup));
        Assert.Empty(Numbers(cut));
        Assert.Equal(0, _totals.Last());
    }

    [Fact]
    public async Task Loads_one_server_page_at_a_time_and_reports_the_page_moved_to()
    {
        await AddOrdersAsync(30);

        var cut = RenderGrid(new OrderQuery { PageSize = 25 });
        cut.WaitForAssertion(() => Assert.Equal(25, Numbers(cut).Count));
        Assert.Equal("ORD-2026-000030", Numbers(cut)[0]);
        Assert.Contains("1-25 of 30", cut.Markup);
        Assert.Empty(_pagesShown); // the first page is the one asked for

        await cut.Find("button[aria-label='Next page']").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(["ORD-2026-000005", "ORD-2026-000004", "ORD-2026-000003", "ORD-2026-000002", "ORD-2026-000001"], Numbers(cut)));
        Assert.Equal(2, Assert.Single(_pagesShown).PageNumber);
    }

    [Fact]
    public async Task Starts_on_the_page_the_address_asks_for()
    {
        await AddOrdersAsync(30);

        var cut = RenderGrid(new OrderQuery { PageNumber = 2, PageSize = 25 });

        cut.WaitForAssertion(() => Assert.Equal(5, Numbers(cut).Count));
        Assert.Equal("ORD-2026-000005", Numbers(cut)[0]);
        Assert.Contains("26-30 of 30", cut.Markup);
    }

    [Fact]
    public async Task A_query_the_service_refuses_shows_its_message_instead_of_rows()
    {
        await AddOrdersAsync(1);

        var cut = RenderGrid(new OrderQuery { From = Day.AddDays(3), Until = Day, PageSize = 25 });

        cut.WaitForAssertion(() => Assert.Contains("startDate must be before endDate.", cut.Find("[role='alert']").TextContent));
        Assert.Empty(Numbers(cut));
    }
}
