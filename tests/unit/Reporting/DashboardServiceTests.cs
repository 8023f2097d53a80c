using Ecommerce.Shared.Common;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Reporting;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Reporting;

/// <summary>
/// The dashboard's figures from orders placed and paid on known days: revenue today / 7 / 30 days counts paid
/// orders by payment date (cancelled and unpaid ones do not count), the average order value, orders by status,
/// revenue per day for 30 days, low stock at the configured threshold, top sellers and the latest orders.
/// </summary>
public class DashboardServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 31, 15, 0, 0, TimeSpan.Zero);

    private static async Task<OrderView> PaidOnAsync(AdminServices s, string userId, DateTimeOffset paidAt, params (int ProductId, int Quantity)[] lines)
    {
        s.Clock.Set(paidAt);
        return await s.PlaceOrderAsync(userId, lines, paid: true);
    }

    [Fact]
    public async Task Revenue_counts_paid_orders_by_payment_date_and_leaves_out_unpaid_and_cancelled_ones()
    {
        using var s = await AdminServices.CreateAsync();
        var lamp = await s.AddProductAsync("Dash lamp", 100m, stock: 100);
        var mug = await s.AddProductAsync("Dash mug", 10m, stock: 100);
        var buyer = await s.AddUserAsync();

        await PaidOnAsync(s, buyer.Id, Now.AddHours(-2), (lamp.Id, 1));                 // today: 100 + tax 8 = 108
        await PaidOnAsync(s, buyer.Id, Now.AddDays(-3), (mug.Id, 5));                   // 7 days: 50 + 4 = 54
        await PaidOnAsync(s, buyer.Id, Now.AddDays(-20), (lamp.Id, 2));                 // 30 days: 200 + 16 = 216
        await PaidOnAsync(s, buyer.Id, Now.AddDays(-40), (lamp.Id, 3));                 // too old for every figure
        var cancelled = await PaidOnAsync(s, buyer.Id, Now.AddDays(-1), (lamp.Id, 4));
        s.Clock.Set(Now.AddHours(-1));
        Assert.True((await s.Orders.CancelAsync(OrderAccess.Admin, cancelled.Id, "changed mind", s.AdminId, s.Actor)).Succeeded);
        await s.PlaceOrderAsync(buyer.Id, [(mug.Id, 1)], paid: false);                 // pending: not revenue
        s.Clock.Set(Now);

        var figures = await s.Get<DashboardService>().GetAsync();

        Assert.Equal(Money.FromDecimal(108m), figures.RevenueToday);
        Assert.Equal(Money.FromDecimal(162m), figures.Revenue7Days);
        Assert.Equal(Money.FromDecimal(378m), figures.Revenue30Days);
        Assert.Equal(3, figures.PaidOrders30Days);
        Assert.Equal(Money.FromDecimal(126m), figures.AverageOrderValue30Days);

        Assert.Equal(30, figures.RevenuePerDay.Count);
        Assert.Equal(new DateOnly(2026, 3, 31), figures.RevenuePerDay[^1].Day);
        Assert.Equal(new DateOnly(2026, 3, 2), figures.RevenuePerDay[0].Day);
        Assert.Equal(Money.FromDecimal(108m), figures.RevenuePerDay[^1].Revenue);
        Assert.Equal(Money.FromDecimal(54m), figures.RevenuePerDay.Single(d => d.Day == new DateOnly(2026, 3, 28)).Revenue);
        Assert.Equal(Money.FromDecimal(378m), figures.RevenuePerDay.Aggregate(Money.Zero, (sum, d) => sum + d.Revenue));

        Assert.Equal(4, figures.OrdersByStatus[OrderStatus.Paid]);
        Assert.Equal(1, figures.OrdersByStatus[OrderStatus.Cancelled]);
        Assert.Equal(1, figures.OrdersByStatus[OrderStatus.Pending]);
        Assert.Equal(0, figures.OrdersByStatus[OrderStatus.Shipped]);
    }

    [Fact]
    public async Task Top_sellers_rank_by_units_sold_in_paid_orders_of_the_last_30_days()
    {
        using var s = await AdminServices.CreateAsync();
        var lamp = await s.AddProductAsync("Top lamp", 100m, stock: 100);
        var mug = await s.AddProductAsync("Top mug", 10m, stock: 100);
        var rug = await s.AddProductAsync("Top rug", 50m, stock: 100);
        var buyer = await s.AddUserAsync();
        await PaidOnAsync(s, buyer.Id, Now.AddDays(-2), (mug.Id, 6), (lamp.Id, 1));
        await PaidOnAsync(s, buyer.Id, Now.AddDays(-5), (lamp.Id, 2));
        await PaidOnAsync(s, buyer.Id, Now.AddDays(-45), (rug.Id, 50)); // outside the window
        s.Clock.Set(Now);
        await s.PlaceOrderAsync(buyer.Id, [(rug.Id, 20)], paid: false); // not paid

        var figures = await s.Get<DashboardService>().GetAsync();

        Assert.Equal(["Top mug", "Top lamp"], figures.TopSellers.Select(t => t.Name));
        Assert.Equal((6, Money.FromDecimal(60m)), (figures.TopSellers[0].Quantity, figures.TopSellers[0].Revenue));
        Assert.Equal((3, Money.FromDecimal(300m)), (figures.TopSellers[1].Quantity, figures.TopSellers[1].Revenue));
        Assert.Equal(figures.LatestOrders.Select(o => o.CreatedAt).OrderByDescending(t => t), figures.LatestOrders.Select(o => o.CreatedAt));
        Assert.Equal(4, figures.LatestOrders.Count);
    }

    [Fact]
    public async Task Low_stock_lists_active_products_at_or_under_the_configured_threshold()
    {
        using var s = await AdminServices.CreateAsync(new Dictionary<string, string?> { ["Admin:LowStockThreshold"] = "3" });
        await s.AddProductAsync("Low empty", 10m, stock: 0);
        await s.AddProductAsync("Low three", 10m, stock: 3);
        await s.AddProductAsync("Low four", 10m, stock: 4);
        await s.AddProductAsync("Low archived", 10m, stock: 1, status: Ecommerce.Shared.Catalog.ProductStatus.Archived);

        var figures = await s.Get<DashboardService>().GetAsync();

        Assert.Equal(3, figures.LowStockThreshold);
        Assert.Equal(["Low empty", "Low three"], figures.LowStock.Where(p => p.Name.StartsWith("Low ")).Select(p => p.Name));
    }
}
