using Bunit;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Web.Components.Shared;
using MudBlazor;

namespace Ecommerce.Tests.Unit.Web.Components.Shared;

/// <summary>The words for order and payment states, the same in the storefront and the back office.</summary>
public class OrderDisplayTests : MudTestContext
{
    public static readonly TheoryData<OrderStatus, string, Color> Statuses = new()
    {
        { OrderStatus.Pending, "Pending", Color.Warning },
        { OrderStatus.Paid, "Paid", Color.Info },
        { OrderStatus.Processing, "Processing", Color.Primary },
        { OrderStatus.Shipped, "Shipped", Color.Secondary },
        { OrderStatus.Delivered, "Delivered", Color.Success },
        { OrderStatus.Cancelled, "Cancelled", Color.Error },
        { OrderStatus.Refunded, "Refunded", Color.Default },
    };

    public static readonly TheoryData<PaymentStatus?, string> Payments = new()
    {
        { null, "No payment" },
        { PaymentStatus.Pending, "Awaiting payment" },
        { PaymentStatus.Succeeded, "Paid" },
        { PaymentStatus.Failed, "Failed" },
        { PaymentStatus.Refunded, "Refunded" },
        { PaymentStatus.PartiallyRefunded, "Partially refunded" },
        { PaymentStatus.Cancelled, "Cancelled" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Each_order_status_has_its_label_and_colour(OrderStatus status, string label, Color color)
    {
        Assert.Equal(label, OrderDisplay.Status(status));
        Assert.Equal(color, OrderDisplay.StatusColor(status));
    }

    [Fact]
    public void Every_order_status_is_covered() =>
        Assert.Equal(Enum.GetValues<OrderStatus>().Order(), Statuses.Select(row => (OrderStatus)row[0]).Order());

    [Theory]
    [MemberData(nameof(Payments))]
    public void Each_payment_status_has_its_label(PaymentStatus? status, string label) =>
        Assert.Equal(label, OrderDisplay.Payment(status));

    [Fact]
    public void Every_payment_status_is_covered() =>
        Assert.Equal(Enum.GetValues<PaymentStatus>().Order(), Payments.Select(row => row[0]).OfType<PaymentStatus>().Order());

    [Theory]
    [InlineData(RefundStatus.Pending, "Pending")]
    [InlineData(RefundStatus.Succeeded, "Refunded")]
    [InlineData(RefundStatus.Failed, "Failed")]
    public void Each_refund_status_has_its_label(RefundStatus status, string label) =>
        Assert.Equal(label, OrderDisplay.Refund(status));

    [Theory]
    [InlineData("bank_transfer", "Bank transfer")]
    [InlineData("cash-on-delivery", "Cash on delivery")]
    [InlineData("stripe", "Stripe")]
    [InlineData("", "")]
    public void A_method_id_reads_as_words(string id, string words) => Assert.Equal(words, OrderDisplay.Method(id));

    [Theory]
    [MemberData(nameof(Statuses))]
    public void The_status_chip_shows_the_label_in_its_colour_with_the_api_name_for_styles(OrderStatus status, string label, Color color)
    {
        var cut = Render<OrderStatusChip>(ps => ps.Add(p => p.Status, status));

        var chip = cut.Find(".mud-chip");
        Assert.Equal(label, chip.TextContent.Trim());
        Assert.Contains("order-status", chip.ClassList);
        Assert.Equal(OrderStatusRules.Name(status), chip.GetAttribute("data-status"));
        Assert.Contains($"mud-chip-color-{color.ToString().ToLowerInvariant()}", chip.ClassName);
    }

    [Fact]
    public void The_back_office_chip_is_the_same_chip_outlined_with_its_own_class()
    {
        var cut = Render<OrderStatusChip>(ps => ps
            .Add(p => p.Status, OrderStatus.Shipped).Add(p => p.Variant, Variant.Outlined).Add(p => p.Class, "admin-chip"));

        var chip = cut.Find(".mud-chip");
        Assert.Equal("Shipped", chip.TextContent.Trim());
        Assert.Contains("admin-chip", chip.ClassList);
        Assert.Contains("order-status", chip.ClassList);
        Assert.Contains("mud-chip-outlined", chip.ClassName);
    }
}
