using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;
using Ecommerce.Shared.Reviews;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Ecommerce.Tests.Unit.Infrastructure.ResultAssert;

namespace Ecommerce.Tests.Unit.Reviews;

/// <summary>
/// Only real buyers review: a review needs a paid order of the product and records it; when that order is cancelled
/// or refunded the review moves to another paid order of the author, or the store hides it and it leaves the rating.
/// </summary>
public class ReviewQualificationTests
{
    private static ReviewInput Stars(int rating) => new(rating, "My take", $"{rating} stars from me.");

    private static Task<(double Rating, int Count)> RatingOfAsync(AdminServices s, int productId) =>
        s.WithDbAsync(db => db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new ValueTuple<double, int>(p.Rating, p.ReviewCount)).SingleAsync());

    private static Task<Review> ReviewOfAsync(AdminServices s, string userId, int productId) =>
        s.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.UserId == userId && r.ProductId == productId));

    /// <summary>A product rated 4.8 by five earlier reviews (5, 5, 5, 5, 4).</summary>
    private static async Task<Product> WellRatedProductAsync(AdminServices s)
    {
        var product = await s.AddProductAsync("Tide clock", 60m, stock: 50);
        await using var db = s.Db();
        foreach (var (rating, i) in new[] { 5, 5, 5, 5, 4 }.Select((r, i) => (r, i)))
            await db.AddReviewAsync(product, $"Reviewer {i}", rating, new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i));
        await db.InTransactionAsync(ct => ReviewService.RecomputeRatingAsync(db, product.Id, ct));
        return product;
    }

    [Fact]
    public async Task Throwaway_accounts_with_unpaid_then_cancelled_orders_cannot_move_the_rating()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await WellRatedProductAsync(s);
        Assert.Equal((4.8, 5), await RatingOfAsync(s, product.Id));
        var reviews = s.Get<ReviewService>();

        // Three throwaway accounts order without paying: none may review.
        var throwaways = new List<(string User, OrderView Order)>();
        for (var i = 0; i < 3; i++)
        {
            var user = await s.AddUserAsync(firstName: "Throw", lastName: $"Away{i}");
            var order = await s.PlaceOrderAsync(user.Id, [(product.Id, 1)], paid: false);
            Assert.Equal(ReviewEligibility.NotPaid, await reviews.EligibilityAsync(user.Id, product.Id));
            var refused = await reviews.AddAsync(user.Id, product.Id, Stars(1));
            Assert.Equal((ErrorCodes.Forbidden, "You can review this product once your order of it is paid."),
                (refused.Errors.Single().Code, refused.Errors.Single().Message));
            throwaways.Add((user.Id, order));
        }
        Assert.Equal((4.8, 5), await RatingOfAsync(s, product.Id));

        // Paying makes them buyers: their one-star reviews count…
        foreach (var (user, order) in throwaways)
        {
            Ok(await s.Orders.ChangeStatusAsync(order.Id, "paid", null, null, null, s.AdminId, s.Actor));
            Ok(await reviews.AddAsync(user, product.Id, Stars(1)));
            Assert.Equal(order.Id, (await ReviewOfAsync(s, user, product.Id)).OrderId); // the review records the order that qualified it
        }
        Assert.Equal((27 / 8.0, 8), await RatingOfAsync(s, product.Id));

        // …until the orders are cancelled (by the customer or the shop) or refunded: the reviews leave the rating.
        Ok(await s.Orders.CancelAsync(OrderAccess.Customer(throwaways[0].User), throwaways[0].Order.Id, "changed my mind", throwaways[0].User));
        Ok(await s.Orders.ChangeStatusAsync(throwaways[1].Order.Id, "cancelled", "fraud", null, null, s.AdminId, s.Actor));
        Ok(await s.Get<RefundService>().RefundAsync(s.Actor, throwaways[2].Order.Id, amount: null, reason: "returned"));

        Assert.Equal((4.8, 5), await RatingOfAsync(s, product.Id));
        Assert.Equal([SystemHideReason.OrderCancelled, SystemHideReason.OrderCancelled, SystemHideReason.OrderRefunded],
            await Task.WhenAll(throwaways.Select(async t => (await ReviewOfAsync(s, t.User, product.Id)).SystemHidden!.Value)));
        var details = (await s.Get<CatalogService>().GetProductAsync(product.Id))!;
        Assert.DoesNotContain(details.Reviews, r => throwaways.Any(t => t.User == r.UserId));

        // The back office shows them as hidden by the store, apart from the reviews an admin hides.
        var hidden = (await s.Get<ReviewAdminService>().ListAsync(hidden: true)).Value;
        Assert.Equal(3, hidden.TotalCount);
        Assert.All(hidden.Items, r => Assert.False(r.IsHidden));
        Assert.Equal(["Order cancelled", "Order cancelled", "Order refunded"],
            hidden.Items.OrderBy(r => r.SystemHidden).Select(r => r.SystemHidden == SystemHideReason.OrderRefunded ? "Order refunded" : "Order cancelled"));
        Assert.Equal(5, ((await s.Get<ReviewAdminService>().ListAsync(hidden: false)).Value).TotalCount);
    }

    [Fact]
    public async Task A_review_moves_to_another_paid_order_of_its_author_when_its_order_is_cancelled()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await s.AddProductAsync("Sea chest", 120m, stock: 10);
        var other = await s.AddProductAsync("Rope handle", 8m, stock: 10);
        var buyer = await s.AddUserAsync();
        var first = await s.PlaceOrderAsync(buyer.Id, [(product.Id, 1)], paid: true);
        var second = await s.PlaceOrderAsync(buyer.Id, [(product.Id, 1), (other.Id, 1)], paid: true);
        var reviews = s.Get<ReviewService>();
        Ok(await reviews.AddAsync(buyer.Id, product.Id, Stars(5)));
        Assert.Equal(second.Id, (await ReviewOfAsync(s, buyer.Id, product.Id)).OrderId); // the latest paid order qualifies it

        Ok(await s.Orders.ChangeStatusAsync(second.Id, "cancelled", null, null, null, s.AdminId, s.Actor));

        var moved = await ReviewOfAsync(s, buyer.Id, product.Id);
        Assert.Equal((first.Id, (SystemHideReason?)null), (moved.OrderId, moved.SystemHidden));
        Assert.Equal((5.0, 1), await RatingOfAsync(s, product.Id));

        // With the last paid order gone too, the store hides it; a new paid order brings it back.
        Ok(await s.Get<RefundService>().RefundAsync(s.Actor, first.Id, amount: null, reason: null));
        var hidden = await ReviewOfAsync(s, buyer.Id, product.Id);
        Assert.Equal((first.Id, SystemHideReason.OrderRefunded), (hidden.OrderId, hidden.SystemHidden!.Value));
        Assert.Equal((0.0, 0), await RatingOfAsync(s, product.Id));

        var third = await s.PlaceOrderAsync(buyer.Id, [(product.Id, 1)], paid: true);
        var back = await ReviewOfAsync(s, buyer.Id, product.Id);
        Assert.Equal((third.Id, (SystemHideReason?)null), (back.OrderId, back.SystemHidden));
        Assert.Equal((5.0, 1), await RatingOfAsync(s, product.Id));
    }

    [Fact]
    public async Task A_partial_refund_leaves_the_review_counted()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await s.AddProductAsync("Ship lamp", 50m, stock: 10);
        var buyer = await s.AddUserAsync();
        var order = await s.PlaceOrderAsync(buyer.Id, [(product.Id, 2)], paid: true);
        Ok(await s.Get<ReviewService>().AddAsync(buyer.Id, product.Id, Stars(4)));

        Ok(await s.Get<RefundService>().RefundAsync(s.Actor, order.Id, amount: 10m, reason: "scratched"));

        Assert.Null((await ReviewOfAsync(s, buyer.Id, product.Id)).SystemHidden);
        Assert.Equal((4.0, 1), await RatingOfAsync(s, product.Id));
    }

    [Fact]
    public async Task A_review_names_the_order_given_only_when_it_is_paid_and_the_callers()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await s.AddProductAsync("Compass", 30m, stock: 10);
        var buyer = await s.AddUserAsync();
        var stranger = await s.AddUserAsync();
        var pending = await s.PlaceOrderAsync(buyer.Id, [(product.Id, 1)], paid: false);
        var strangers = await s.PlaceOrderAsync(stranger.Id, [(product.Id, 1)], paid: true);
        var reviews = s.Get<ReviewService>();

        Assert.Equal("That order is not paid yet: you can review the product once it is.",
            (await reviews.AddAsync(buyer.Id, product.Id, Stars(5) with { OrderId = pending.Id })).Errors.Single().Message);
        Assert.Equal(ErrorCodes.Forbidden, (await reviews.AddAsync(buyer.Id, product.Id, Stars(5) with { OrderId = strangers.Id })).Errors.Single().Code);
        Assert.Equal(ReviewEligibility.NotBought, await reviews.EligibilityAsync((await s.AddUserAsync()).Id, product.Id));
    }
}
