using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Reporting;

public sealed record DailyRevenue(DateOnly Day, Money Revenue, int Orders);
public sealed record StockAlert(int Id, string Name, string Sku, int Stock);
public sealed record TopSeller(int ProductId, string Name, string Sku, int Quantity, Money Revenue);

public sealed record DashboardFigures(
    Money RevenueToday, Money Revenue7Days, Money Revenue30Days, int PaidOrders30Days, Money AverageOrderValue30Days,
    IReadOnlyDictionary<OrderStatus, int> OrdersByStatus, IReadOnlyList<DailyRevenue> RevenuePerDay,
    IReadOnlyList<StockAlert> LowStock, int LowStockThreshold, IReadOnlyList<TopSeller> TopSellers, IReadOnlyList<OrderSummaryView> LatestOrders);

/// <summary>
/// The back office's figures, each from an aggregate query (sums, counts, groups in the database), never by
/// loading orders into memory. Revenue counts paid orders (paid, processing, shipped, delivered) by payment date.
/// </summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, IOptions<AdminOptions> options, TimeProvider clock)
{
    public async Task<DashboardFigures> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.Date;
        var from30 = today.AddDays(-29);
        var threshold = options.Value.LowStockThreshold;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var paid = db.Orders.AsNoTracking().Where(o => o.PaidAt != null
            && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Processing || o.Status == OrderStatus.Shipped || o.Status == OrderStatus.Delivered));
        async Task<long> RevenueSince(DateTime since) =>
            await paid.Where(o => o.PaidAt >= since).SumAsync(o => (long?)o.TotalCents, cancellationToken) ?? 0;

        var revenueToday = await RevenueSince(today);
        var revenue7 = await RevenueSince(today.AddDays(-6));
        var revenue30 = await RevenueSince(from30);
        var count30 = await paid.CountAsync(o => o.PaidAt >= from30, cancellationToken);

        var byStatus = await db.Orders.AsNoTracking().GroupBy(o => o.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var perDay = await paid.Where(o => o.PaidAt >= from30)
            .GroupBy(o => o.PaidAt!.Value.Date)
            .Select(g => new { Day = g.Key, Revenue = g.Sum(o => o.TotalCents), Orders = g.Count() })
            .ToListAsync(cancellationToken);
        var days = Enumerable.Range(0, 30).Select(i => from30.AddDays(i)).Select(day =>
        {
            var found = perDay.FirstOrDefault(d => d.Day.Date == day);
            return new DailyRevenue(DateOnly.FromDateTime(day), new Money(found?.Revenue ?? 0), found?.Orders ?? 0);
        }).ToList();

        var lowStock = await db.Products.AsNoTracking()
            .Where(p => p.Status == ProductStatus.Active && p.Stock <= threshold)
            .OrderBy(p => p.Stock).ThenBy(p => p.Name).Take(10)
            .Select(p => new StockAlert(p.Id, p.Name, p.Sku, p.Stock)).ToListAsync(cancellationToken);

        var top = await (
                from line in db.OrderLines.AsNoTracking()
                join order in paid on line.OrderId equals order.Id
                where order.PaidAt >= from30
                group line by new { line.ProductId, line.ProductName, line.Sku } into g
                select new { g.Key.ProductId, g.Key.ProductName, g.Key.Sku, Quantity = g.Sum(l => l.Quantity), Revenue = g.Sum(l => l.LineTotalCents) })
            .OrderByDescending(x => x.Quantity).ThenByDescending(x => x.Revenue).Take(5)
            .ToListAsync(cancellationToken);

        var latest = await db.Orders.AsNoTracking().OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(8)
            .Select(o => new OrderSummaryView(o.Id, o.OrderNumber, o.Status, o.Lines.Sum(l => l.Quantity), new Money(o.TotalCents), o.CreatedAt, o.CustomerEmail))
            .ToListAsync(cancellationToken);

        return new DashboardFigures(
            new Money(revenueToday), new Money(revenue7), new Money(revenue30), count30,
            count30 == 0 ? Money.Zero : new Money((long)Math.Round(revenue30 / (decimal)count30, MidpointRounding.AwayFromZero)),
            Enum.GetValues<OrderStatus>().ToDictionary(s => s, s => byStatus.GetValueOrDefault(s)),
            days, lowStock, threshold,
            top.Select(t => new TopSeller(t.ProductId, t.ProductName, t.Sku, t.Quantity, new Money(t.Revenue))).ToList(),
            latest);
    }
}
