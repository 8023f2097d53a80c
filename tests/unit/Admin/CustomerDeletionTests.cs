using System.Net;
using Ecommerce.Shared.Customers;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Admin;

/// <summary>
/// Deleting a customer with CustomerAdminService of the running app: a customer who used the shop through the API
/// (addresses, cart, favourites, tokens, orders, a review) loses the account and personal data; the orders stay
/// anonymised and the review stays, credited to "Former customer".
/// </summary>
[Collection(AdminApiCollection.Name)]
public class CustomerDeletionTests(AdminApiFixture fixture)
{
    private StoreApp App => fixture.App;

    [Fact]
    public async Task Deleting_a_customer_removes_personal_data_and_keeps_orders_anonymised()
    {
        using var customer = await App.RegisterCustomerAsync(firstName: "Dana", lastName: "Gone");
        var bought = await App.AddProductAsync(40m, name: "Kept lamp");
        var liked = await App.AddProductAsync(15m, name: "Liked mug");

        var address = (await customer.Client.PostApiAsync("/api/v1/users/addresses", new
        {
            firstName = "Dana", lastName = "Gone", street = "12 Private Lane", street2 = "Flat 3", city = "Portland", state = "OR",
            zipCode = "97201", country = "USA", phone = "+1 503 555 0100", isDefault = true,
        })).Data(HttpStatusCode.Created).Id();
        await customer.AddToCartAsync(bought, 2);
        var order = (await customer.Client.PostApiAsync("/api/v1/orders", new
        {
            shippingAddressId = address.ToString(), paymentMethodId = "bank_transfer", notes = "Ring twice, ask for Dana",
        })).Data(HttpStatusCode.Created);
        var orderId = order.Id();
        (await fixture.Admin.Client.PutApiAsync($"/api/v1/orders/{orderId}/status", new { status = "paid" })).Data();
        (await customer.Client.PostApiAsync($"/api/v1/products/{bought}/reviews", new { rating = 4, title = "Solid", comment = "Does the job" }))
            .Data(HttpStatusCode.Created);
        (await customer.Client.PostApiAsync($"/api/v1/favorites/{liked}")).Data(HttpStatusCode.Created);
        await customer.AddToCartAsync(liked, 1);

        var before = await App.WithDbAsync(async db => (
            Addresses: await db.Addresses.CountAsync(a => a.UserId == customer.UserId),
            Carts: await db.Carts.CountAsync(c => c.UserId == customer.UserId),
            Favorites: await db.Favorites.CountAsync(f => f.UserId == customer.UserId),
            Tokens: await db.RefreshTokens.CountAsync(t => t.UserId == customer.UserId)));
        Assert.Equal((1, 1, 1, 1), before); // the set-up did what the test relies on

        var result = await fixture.WithServiceAsync<CustomerAdminService, Ecommerce.Shared.Common.Result>(s =>
            s.DeleteAsync(fixture.AdminActor, customer.UserId));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));

        await App.WithDbAsync(async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == customer.UserId));
            Assert.False(await db.Addresses.AnyAsync(a => a.UserId == customer.UserId));
            Assert.False(await db.Carts.AnyAsync(c => c.UserId == customer.UserId));
            Assert.False(await db.Favorites.AnyAsync(f => f.UserId == customer.UserId));
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.UserId == customer.UserId));
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == customer.UserId));

            var kept = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == orderId);
            Assert.Null(kept.UserId);
            Assert.Matches(@"^deleted-[0-9a-f]+@deleted\.invalid$", kept.CustomerEmail);
            Assert.Equal("Deleted customer", kept.CustomerName);
            Assert.Null(kept.Notes);
            foreach (var copy in new[] { kept.ShippingAddress, kept.BillingAddress })
            {
                Assert.Equal("(removed)", copy.Street);
                Assert.Null(copy.Street2);
                Assert.Null(copy.FirstName);
                Assert.Null(copy.LastName);
                Assert.Null(copy.Phone);
                Assert.Equal("Portland", copy.City);
                Assert.Equal("OR", copy.State);
                Assert.Equal("USA", copy.Country);
            }
            Assert.Equal(order.Money("total"), kept.TotalCents / 100m);
            Assert.Equal(8000, kept.SubtotalCents);
            var line = Assert.Single(kept.Lines);
            Assert.Equal((bought, 2), (line.ProductId, line.Quantity));
            Assert.NotNull(kept.PaidAt);

            var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.ProductId == bought);
            Assert.Null(review.UserId);
            Assert.Equal("Former customer", review.AuthorName);
            Assert.Equal(4, review.Rating);

            // Nothing personal is left anywhere in the order or the audit trail.
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "customer.deleted" && e.EntityId == customer.UserId);
            Assert.Equal(StoreApp.AdminEmail, entry.UserEmail);
            Assert.DoesNotContain(customer.Email, entry.Summary + entry.Changes);
        });

        // The order still shows to admins; the review still shows on the product, from a former customer.
        var adminView = (await fixture.Admin.Client.GetApiAsync($"/api/v1/orders/{orderId}")).Data();
        Assert.Equal(order.Money("total"), adminView.Money("total"));
        Assert.Equal("(removed)", adminView.GetProperty("shippingAddress").Str("street"));
        using var anonymous = App.CreateRawClient();
        var product = (await anonymous.GetApiAsync($"/api/v1/products/{bought}")).Data();
        Assert.Contains(product.GetProperty("reviews").EnumerateArray(), r => r.GetRawText().Contains("Former customer"));
        Assert.Equal(1, product.Int("reviewCount"));
    }
}
