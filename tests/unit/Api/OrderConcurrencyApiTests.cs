using System.Net;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>Thirty customers racing through POST /api/v1/orders for a product with five in stock.</summary>
public class OrderConcurrencyApiTests
{
    [Fact]
    public async Task Thirty_parallel_orders_for_five_items_give_five_201_and_twenty_five_409()
    {
        using var app = ShopperApp.Create();
        var product = await app.AddProductAsync(9.99m, stock: 5);

        var customers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            var customer = await app.RegisterCustomerAsync();
            var address = await customer.AddAddressAsync();
            await customer.AddToCartAsync(product);
            return (Customer: customer, Address: address);
        }));

        try
        {
            var replies = await Task.WhenAll(customers.Select(c =>
                c.Customer.Client.PostApiAsync("/api/v1/orders", new { shippingAddressId = c.Address.ToString(), paymentMethodId = "bank_transfer" })));

            Assert.All(replies, r => Assert.True((int)r.Status < 500, $"{(int)r.Status}: {r.RawBody}"));
            Assert.Equal(5, replies.Count(r => r.Status == HttpStatusCode.Created));
            var refused = replies.Where(r => r.Status != HttpStatusCode.Created).ToList();
            Assert.Equal(25, refused.Count);
            Assert.All(refused, r =>
            {
                var error = r.Error(HttpStatusCode.Conflict, "INSUFFICIENT_STOCK", "quantity");
                Assert.Equal(0, error.Int("availableStock"));
                Assert.Equal(1, error.Int("requestedQuantity"));
            });

            Assert.Equal(0, await app.StockOfAsync(product));
            Assert.Equal(5, await app.WithDbAsync(db => db.Orders.CountAsync()));
            Assert.Equal(5, await app.WithDbAsync(db => db.OrderLines.Where(l => l.ProductId == product).SumAsync(l => l.Quantity)));
            var numbers = replies.Where(r => r.Status == HttpStatusCode.Created).Select(r => r.Body.GetProperty("data").Str("orderNumber")).ToList();
            Assert.Equal(5, numbers.Distinct().Count());

            // The winners' carts are empty; the others still hold their line.
            var carts = await Task.WhenAll(customers.Select(c => c.Customer.CartAsync()));
            Assert.Equal(25, carts.Count(c => c.GetProperty("items").GetArrayLength() == 1));
        }
        finally
        {
            foreach (var c in customers) c.Customer.Dispose();
        }
    }
}
