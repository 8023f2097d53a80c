using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>POST /api/v1/products/{id}/reviews: only buyers review, once per product. Every test uses its own customer.</summary>
public class ReviewsApiTests(ReviewsApiTests.DemoCatalogFixture fixture) : IClassFixture<ReviewsApiTests.DemoCatalogFixture>
{
    /// <summary>With the demo catalog, whose products come with reviews.</summary>
    public sealed class DemoCatalogFixture() : ShopperAppFixture(new Dictionary<string, string?> { ["Seed:DemoCatalog"] = "true" });

    private StoreApp App => fixture.App;

    private static Task<ApiReply> Review(ApiSession customer, int productId, object body) =>
        customer.Client.PostApiAsync($"/api/v1/products/{productId}/reviews", body);

    private static object Body(int rating = 5) => new { rating, title = "Amazing product!", comment = "I love this product. Highly recommended!" };

    [Fact]
    public async Task A_buyer_reviews_the_product_and_its_rating_and_count_follow()
    {
        var product = await App.AddProductAsync(10m);
        var earlier = DateTime.UtcNow.AddDays(-3);
        await App.WithDbAsync(async db =>
        {
            var entity = await db.Products.SingleAsync(p => p.Id == product);
            await db.AddReviewAsync(entity, "Ann B.", 5, earlier, "Great");
            await db.AddReviewAsync(entity, "Bob C.", 2, earlier.AddHours(1), "Meh");
            await db.AddReviewAsync(entity, "Hidden H.", 1, earlier.AddHours(2), "Spam", hidden: true);
        });
        using var customer = await App.RegisterCustomerAsync(firstName: "John", lastName: "doe");
        await customer.PaidOrderAsync(App, product);

        var reply = await Review(customer, product, new { rating = 4, title = " Solid ", comment = "Does the job." });
        var review = reply.Data(HttpStatusCode.Created);
        Assert.Equal(["id", "productId", "userId", "userName", "rating", "title", "comment", "createdAt"], ApiAssert.PropertyNames(review));
        var reviewId = review.Id();
        Assert.Equal(product, review.Id("productId"));
        Assert.Equal(customer.UserId, review.Str("userId"));
        Assert.Equal("John D.", review.Str("userName"));
        Assert.Equal(4, review.Int("rating"));
        Assert.Equal("Solid", review.Str("title"));
        Assert.Equal("Does the job.", review.Str("comment"));
        ApiAssert.UtcTimestamp(review.GetProperty("createdAt"));

        var detail = (await customer.Client.GetApiAsync($"/api/v1/products/{product}")).Data();
        var shown = detail.GetProperty("reviews").EnumerateArray().ToList();
        Assert.Equal(reviewId, shown[0].Id()); // newest first
        Assert.Equal(4, shown[0].Int("rating"));
        Assert.Equal("John D.", shown[0].Str("userName"));
        Assert.Equal(3, shown.Count); // the hidden review is neither shown nor counted
        Assert.Equal(3, detail.Int("reviewCount"));
        Assert.Equal(Math.Round((5 + 2 + 4) / 3.0, 1), detail.GetProperty("rating").GetDouble());
    }

    [Fact]
    public async Task Reviewing_a_demo_product_averages_with_its_existing_reviews()
    {
        var (productId, ratings) = await App.WithDbAsync(async db =>
        {
            var id = await db.Reviews
                .Where(r => !r.IsHidden && db.Products.Any(p => p.Id == r.ProductId && p.Stock > 0 && p.Status == Ecommerce.Shared.Catalog.ProductStatus.Active))
                .GroupBy(r => r.ProductId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var existing = await db.Reviews.Where(r => r.ProductId == id && !r.IsHidden).Select(r => r.Rating).ToListAsync();
            return (id, existing);
        });
        Assert.NotEmpty(ratings);
        using var customer = await App.RegisterCustomerAsync();
        await customer.PaidOrderAsync(App, productId);

        (await Review(customer, productId, Body(rating: 1))).Expect(HttpStatusCode.Created);

        var detail = (await customer.Client.GetApiAsync($"/api/v1/products/{productId}")).Data();
        Assert.Equal(ratings.Count + 1, detail.Int("reviewCount"));
        Assert.Equal(Math.Round(ratings.Append(1).Average(), 1), detail.GetProperty("rating").GetDouble());
        Assert.Contains(detail.GetProperty("reviews").EnumerateArray(), r => r.Str("userId") == customer.UserId);
    }

    [Fact]
    public async Task Without_an_order_of_the_product_is_403_forbidden()
    {
        var product = await App.AddProductAsync(10m);
        var otherProduct = await App.AddProductAsync(10m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.OrderAsync(otherProduct);
        await customer.AddToCartAsync(product); // in the cart is not bought

        (await Review(customer, product, Body())).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
        var detail = (await customer.Client.GetApiAsync($"/api/v1/products/{product}")).Data();
        Assert.Equal(0, detail.Int("reviewCount"));
    }

    [Fact]
    public async Task Only_a_cancelled_order_of_the_product_is_403()
    {
        var product = await App.AddProductAsync(10m);
        using var customer = await App.RegisterCustomerAsync();
        var order = await customer.OrderAsync(product);
        (await customer.Client.PostApiAsync($"/api/v1/orders/{order.Id()}/cancel", new { reason = "no" })).Expect(HttpStatusCode.OK);

        (await Review(customer, product, Body())).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task An_unpaid_order_is_403_saying_the_review_waits_for_the_payment()
    {
        var product = await App.AddProductAsync(10m);
        using var customer = await App.RegisterCustomerAsync();
        var pending = await customer.OrderAsync(product);

        var error = (await Review(customer, product, Body())).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal("You can review this product once your order of it is paid.", error.ErrorMessage());
        error = (await Review(customer, product, new { rating = 5, comment = "x", orderId = pending.Str("id") })).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal("That order is not paid yet: you can review the product once it is.", error.ErrorMessage());
        Assert.Equal(0, (await customer.Client.GetApiAsync($"/api/v1/products/{product}")).Data().Int("reviewCount"));

        await App.MarkPaidAsync(pending.Id());
        (await Review(customer, product, Body())).Expect(HttpStatusCode.Created);
        var review = await App.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.ProductId == product));
        Assert.Equal(pending.Id(), review.OrderId); // the review records the order that qualified it
    }

    [Fact]
    public async Task An_order_id_that_is_not_the_callers_or_lacks_the_product_is_403()
    {
        var product = await App.AddProductAsync(10m);
        var other = await App.AddProductAsync(10m);
        using var customer = await App.RegisterCustomerAsync();
        using var stranger = await App.RegisterCustomerAsync();
        var ownOrder = await customer.PaidOrderAsync(App, product);
        var otherOrder = await customer.PaidOrderAsync(App, other);
        var strangersOrder = await stranger.PaidOrderAsync(App, product);

        (await Review(customer, product, new { rating = 5, comment = "x", orderId = otherOrder.Str("id") })).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await Review(customer, product, new { rating = 5, comment = "x", orderId = strangersOrder.Str("id") })).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await Review(customer, product, new { rating = 5, comment = "x", orderId = ownOrder.Str("id") })).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_second_review_of_the_same_product_is_409()
    {
        var product = await App.AddProductAsync(10m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.PaidOrderAsync(App, product);
        await customer.PaidOrderAsync(App, product);
        (await Review(customer, product, Body(5))).Expect(HttpStatusCode.Created);
        (await Review(customer, product, Body(1))).Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "productId");

        var detail = (await customer.Client.GetApiAsync($"/api/v1/products/{product}")).Data();
        Assert.Equal(1, detail.Int("reviewCount"));
        Assert.Equal(5.0, detail.GetProperty("rating").GetDouble());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public async Task A_rating_outside_one_to_five_is_400(int rating)
    {
        var product = await App.AddProductAsync(10m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.OrderAsync(product);
        var reply = await Review(customer, product, Body(rating));
        reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "rating");
        Assert.Equal(["rating"], reply.ErrorFields);
        Assert.Equal(0, (await customer.Client.GetApiAsync($"/api/v1/products/{product}")).Data().Int("reviewCount"));
    }

    [Fact]
    public async Task Missing_rating_and_text_are_400_per_field()
    {
        var product = await App.AddProductAsync(10m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.OrderAsync(product);
        var reply = await Review(customer, product, new { });
        Assert.Equal(["comment", "rating"], reply.Expect(HttpStatusCode.BadRequest).ErrorFields.Order());
        (await Review(customer, product, new { rating = 3.5 })).Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "rating");
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    public async Task An_unknown_product_is_404(string productId)
    {
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.PostApiAsync($"/api/v1/products/{productId}/reviews", Body())).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Anonymous_is_401()
    {
        var product = await App.AddProductAsync(10m);
        using var anonymous = App.CreateRawClient();
        (await anonymous.PostApiAsync($"/api/v1/products/{product}/reviews", Body())).Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}

/// <summary>/api/v1/favorites. Every test uses its own customer and products.</summary>
public class FavoritesApiTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;

    private Task<int> RowsAsync(string userId, int productId) =>
        App.WithDbAsync(db => db.Favorites.CountAsync(f => f.UserId == userId && f.ProductId == productId));

    [Fact]
    public async Task A_new_customer_has_an_empty_page()
    {
        using var customer = await App.RegisterCustomerAsync();
        var page = (await customer.Client.GetApiAsync("/api/v1/favorites")).Data();
        Assert.Equal(["items", "pageNumber", "pageSize", "totalPages", "totalCount", "hasPreviousPage", "hasNextPage"], ApiAssert.PropertyNames(page));
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(0, page.Int("totalCount"));
        Assert.Equal(20, page.Int("pageSize"));
    }

    [Fact]
    public async Task Adding_is_201_then_200_and_keeps_one_row()
    {
        var product = await App.AddProductAsync(12.34m);
        using var customer = await App.RegisterCustomerAsync();

        var first = await customer.Client.PostApiAsync($"/api/v1/favorites/{product}");
        var data = first.Data(HttpStatusCode.Created);
        Assert.Equal(product.ToString(), data.Str("productId"));
        Assert.True(data.GetProperty("isFavorite").GetBoolean());

        var second = await customer.Client.PostApiAsync($"/api/v1/favorites/{product}");
        Assert.True(second.Data(HttpStatusCode.OK).GetProperty("isFavorite").GetBoolean());
        Assert.Equal(1, await RowsAsync(customer.UserId, product));

        var page = (await customer.Client.GetApiAsync("/api/v1/favorites")).Data();
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(product, item.Id());
        Assert.Equal(12.34m, item.Money("price"));
        Assert.Equal(1, page.Int("totalCount"));
    }

    [Fact]
    public async Task The_list_is_paged_most_recent_first_and_only_the_callers()
    {
        var a = await App.AddProductAsync(1m);
        var b = await App.AddProductAsync(2m);
        var c = await App.AddProductAsync(3m);
        using var customer = await App.RegisterCustomerAsync();
        using var other = await App.RegisterCustomerAsync();
        foreach (var id in new[] { a, b, c })
        {
            (await customer.Client.PostApiAsync($"/api/v1/favorites/{id}")).Expect(HttpStatusCode.Created);
            await Task.Delay(5);
        }
        (await other.Client.PostApiAsync($"/api/v1/favorites/{a}")).Expect(HttpStatusCode.Created);

        var page = (await customer.Client.GetApiAsync("/api/v1/favorites?pageSize=2")).Data();
        Assert.Equal(3, page.Int("totalCount"));
        Assert.Equal(2, page.Int("totalPages"));
        Assert.Equal([c, b], page.GetProperty("items").EnumerateArray().Select(p => p.Id()));
        var second = (await customer.Client.GetApiAsync("/api/v1/favorites?pageSize=2&pageNumber=2")).Data();
        Assert.Equal([a], second.GetProperty("items").EnumerateArray().Select(p => p.Id()));
        Assert.Equal(1, (await other.Client.GetApiAsync("/api/v1/favorites")).Data().Int("totalCount"));

        (await customer.Client.GetApiAsync("/api/v1/favorites?pageSize=0")).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "pageSize");
    }

    [Fact]
    public async Task Removing_is_204_then_404()
    {
        var product = await App.AddProductAsync(5m);
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.PostApiAsync($"/api/v1/favorites/{product}")).Expect(HttpStatusCode.Created);

        var reply = await customer.Client.DeleteApiAsync($"/api/v1/favorites/{product}");
        reply.Expect(HttpStatusCode.NoContent);
        Assert.Equal("", reply.RawBody);
        Assert.Equal(0, await RowsAsync(customer.UserId, product));
        Assert.Equal(0, (await customer.Client.GetApiAsync("/api/v1/favorites")).Data().Int("totalCount"));

        (await customer.Client.DeleteApiAsync($"/api/v1/favorites/{product}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        // Adding again after removal is a new favourite.
        (await customer.Client.PostApiAsync($"/api/v1/favorites/{product}")).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Removing_does_not_touch_another_customers_favorite()
    {
        var product = await App.AddProductAsync(5m);
        using var owner = await App.RegisterCustomerAsync();
        using var other = await App.RegisterCustomerAsync();
        (await owner.Client.PostApiAsync($"/api/v1/favorites/{product}")).Expect(HttpStatusCode.Created);
        (await other.Client.DeleteApiAsync($"/api/v1/favorites/{product}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(1, await RowsAsync(owner.UserId, product));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    public async Task An_unknown_product_is_404(string productId)
    {
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.PostApiAsync($"/api/v1/favorites/{productId}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await customer.Client.DeleteApiAsync($"/api/v1/favorites/{productId}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task An_archived_product_cannot_be_added_and_leaves_the_list()
    {
        var product = await App.AddProductAsync(5m);
        var archivedFirst = await App.AddProductAsync(5m);
        await App.ArchiveAsync(archivedFirst);
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.PostApiAsync($"/api/v1/favorites/{archivedFirst}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");

        (await customer.Client.PostApiAsync($"/api/v1/favorites/{product}")).Expect(HttpStatusCode.Created);
        await App.ArchiveAsync(product);
        Assert.Equal(0, (await customer.Client.GetApiAsync("/api/v1/favorites")).Data().Int("totalCount"));
    }

    [Theory]
    [InlineData("GET", "/api/v1/favorites")]
    [InlineData("POST", "/api/v1/favorites/1")]
    [InlineData("DELETE", "/api/v1/favorites/1")]
    public async Task Anonymous_is_401(string method, string path)
    {
        using var anonymous = App.CreateRawClient();
        (await anonymous.CallAsync(new HttpMethod(method), path)).Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
