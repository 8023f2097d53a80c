using Ecommerce.Shared.Orders;

namespace Ecommerce.Tests.Unit.Orders;

/// <summary>OrderStatusRules: pending → paid → processing → shipped → delivered, cancelled before shipping, nothing else.</summary>
public class OrderStatusRulesTests
{
    private static readonly HashSet<(OrderStatus, OrderStatus)> Allowed =
    [
        (OrderStatus.Pending, OrderStatus.Paid),
        (OrderStatus.Paid, OrderStatus.Processing),
        (OrderStatus.Processing, OrderStatus.Shipped),
        (OrderStatus.Shipped, OrderStatus.Delivered),
        (OrderStatus.Pending, OrderStatus.Cancelled),
        (OrderStatus.Paid, OrderStatus.Cancelled),
        (OrderStatus.Processing, OrderStatus.Cancelled),
    ];

    public static TheoryData<OrderStatus, OrderStatus> EveryPair()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        foreach (var to in Enum.GetValues<OrderStatus>())
            data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void CanMove_is_true_only_for_the_allowed_moves(OrderStatus from, OrderStatus to)
    {
        Assert.Equal(Allowed.Contains((from, to)), OrderStatusRules.CanMove(from, to));
    }

    [Fact]
    public void Exactly_seven_moves_are_allowed()
    {
        var allowed = EveryPair().Select(row => ((OrderStatus)row[0], (OrderStatus)row[1])).Where(p => OrderStatusRules.CanMove(p.Item1, p.Item2));
        Assert.Equal(7, allowed.Count());
    }

    [Theory]
    [InlineData(OrderStatus.Pending, true)]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.Processing, true)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Delivered, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.Refunded, false)]
    public void Orders_can_be_cancelled_until_they_ship(OrderStatus status, bool cancellable)
    {
        Assert.Equal(cancellable, OrderStatusRules.CanCancel(status));
    }

    [Theory]
    [InlineData(OrderStatus.Pending, OrderStatus.Paid)]
    [InlineData(OrderStatus.Paid, OrderStatus.Processing)]
    [InlineData(OrderStatus.Processing, OrderStatus.Shipped)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Delivered)]
    [InlineData(OrderStatus.Delivered, null)]
    [InlineData(OrderStatus.Cancelled, null)]
    [InlineData(OrderStatus.Refunded, null)]
    public void NextOf_gives_the_one_next_step(OrderStatus status, OrderStatus? next)
    {
        Assert.Equal(next, OrderStatusRules.NextOf(status));
    }

    [Theory]
    [InlineData("pending", OrderStatus.Pending)]
    [InlineData("PAID", OrderStatus.Paid)]
    [InlineData(" Shipped ", OrderStatus.Shipped)]
    [InlineData("cancelled", OrderStatus.Cancelled)]
    [InlineData("teleported", null)]
    [InlineData("1", null)]
    [InlineData("99", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Parse_reads_names_case_insensitively_and_never_numbers(string? value, OrderStatus? status)
    {
        Assert.Equal(status, OrderStatusRules.Parse(value));
    }

    [Fact]
    public void Names_are_lower_case()
    {
        Assert.Equal(["pending", "paid", "processing", "shipped", "delivered", "cancelled", "refunded"],
            Enum.GetValues<OrderStatus>().Select(OrderStatusRules.Name));
    }
}
