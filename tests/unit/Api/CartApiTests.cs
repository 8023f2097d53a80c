using System.Net;
using System.Text.Json;
using Ecommerce.Shared.Coupons;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>/api/v1/cart: lines, stock limits and totals. Every test uses its own customer and products.</summary>
public class CartApiTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;

    private static void Totals(JsonElement cart, decimal subtotal, decimal discount, decimal tax, decimal shipping, decimal total)
    {
        Assert.Equal(subtotal, cart.Money("subtotal"));
        Assert.Equal(discount, cart.Money("discount"));
        Assert.Equal(tax, cart.Money("tax"));
        Assert.Equal(shipping, cart.Money("shipping"));
        Assert.Equal(total, cart.Money("total"));
    }

    [Fact]
    public async Task A_new_customers_cart_is_empty_with_zero_totals()
    {
        using var customer = await App.RegisterCustomerAsync();
        var cart = await customer.CartAsync();
        Assert.Equal(customer.UserId, cart.Str("userId"));
        Assert.Equal(0, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(0, cart.Int("itemCount"));
        Totals(cart, 0, 0, 0, 0, 0);
        Assert.Equal(JsonValueKind.Null, cart.GetProperty("couponCode").ValueKind);
    }

    [Fact]
    public async Task Adding_a_product_is_201_with_the_line()
    {
        var product = await App.AddProductAsync(299.99m, stock: 10, name: "Wireless Headphones");
        using var customer = await App.RegisterCustomerAsync();

        var reply = await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = product.ToString(), quantity = 2 });
        var line = reply.Data(HttpStatusCode.Created);
        Assert.Equal("Item added to cart", reply.Body.Str("message"));
        ApiAssert.Id(line.GetProperty("id"));
        Assert.Equal(product, line.Id("productId"));
        Assert.StartsWith("Wireless Headphones", line.Str("productName"));
        Assert.StartsWith("T-", line.Str("sku"));
        Assert.Equal(299.99m, line.Money("price"));
        Assert.Equal(2, line.Int("quantity"));
        Assert.Equal(599.98m, line.Money("subtotal"));
        Assert.StartsWith("http", line.Str("productImage"));
        ApiAssert.UtcTimestamp(line.GetProperty("addedAt"));

        var cart = await customer.CartAsync();
        var item = Assert.Single(cart.GetProperty("items").EnumerateArray());
        Assert.Equal(line.Id(), item.Id());
        Assert.Equal(2, cart.Int("itemCount"));
        Totals(cart, 599.98m, 0, 48.00m, 0, 647.98m); // 599.98 × 0.08 = 47.9984
    }

    [Fact]
    public async Task The_product_id_may_be_a_json_number()
    {
        var product = await App.AddProductAsync(5m);
        using var customer = await App.RegisterCustomerAsync();
        var line = (await customer.Client.PostApiAsync("/api/v1/cart/items", new RawJson($$"""{ "productId": {{product}}, "quantity": 1 }""")))
            .Data(HttpStatusCode.Created);
        Assert.Equal(product.ToString(), line.Str("productId"));
    }

    [Fact]
    public async Task Adding_the_same_product_again_adds_to_its_line()
    {
        var product = await App.AddProductAsync(10m, stock: 10);
        using var customer = await App.RegisterCustomerAsync();
        var first = await customer.AddToCartAsync(product, 2);
        var second = await customer.AddToCartAsync(product, 3);

        Assert.Equal(first.Id(), second.Id());
        Assert.Equal(5, second.Int("quantity"));
        Assert.Equal(50.00m, second.Money("subtotal"));
        var cart = await customer.CartAsync();
        Assert.Equal(5, Assert.Single(cart.GetProperty("items").EnumerateArray()).Int("quantity"));
        Assert.Equal(5, cart.Int("itemCount"));
    }

    [Fact]
    public async Task More_than_the_stock_is_409_insufficient_stock_with_the_numbers()
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();

        var error = (await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = product.ToString(), quantity = 10 }))
            .Error(HttpStatusCode.Conflict, "INSUFFICIENT_STOCK", "quantity");
        Assert.Equal(5, error.Int("availableStock"));
        Assert.Equal(10, error.Int("requestedQuantity"));
        Assert.Equal(0, (await customer.CartAsync()).GetProperty("items").GetArrayLength());

        // What is already in the cart counts: 3 + 3 > 5.
        await customer.AddToCartAsync(product, 3);
        var reply = await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = product.ToString(), quantity = 3 });
        error = reply.Error(HttpStatusCode.Conflict, "INSUFFICIENT_STOCK", "quantity");
        Assert.Equal("INSUFFICIENT_STOCK", reply.Errors[0].Str("code"));
        Assert.Equal("Insufficient stock", reply.Body.Str("message")); // document 002's "Stock Error (409)"
        Assert.Contains("5", error.ErrorMessage());
        Assert.Equal(5, reply.Errors[0].Int("availableStock"));
        Assert.Equal(6, reply.Errors[0].Int("requestedQuantity"));
        Assert.Equal(3, Assert.Single((await customer.CartAsync()).GetProperty("items").EnumerateArray()).Int("quantity"));

        // Exactly the stock is fine.
        Assert.Equal(5, (await customer.AddToCartAsync(product, 2)).Int("quantity"));
    }

    [Fact]
    public async Task A_quantity_that_overflows_the_line_is_refused_and_never_makes_it_negative()
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product, 1);

        var reply = await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = product.ToString(), quantity = int.MaxValue });

        Assert.Equal(HttpStatusCode.Conflict, reply.Status);
        var cart = await customer.CartAsync();
        Assert.Equal(1, Assert.Single(cart.GetProperty("items").EnumerateArray()).Int("quantity"));
        Assert.Equal(10.00m, cart.Money("subtotal"));
    }

    [Fact]
    public async Task An_out_of_stock_product_cannot_be_added()
    {
        var product = await App.AddProductAsync(10m, stock: 0);
        using var customer = await App.RegisterCustomerAsync();
        var error = (await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = product.ToString(), quantity = 1 }))
            .Error(HttpStatusCode.Conflict, "INSUFFICIENT_STOCK", "quantity");
        Assert.Equal(0, error.Int("availableStock"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-100)]
    public async Task A_quantity_below_one_is_400(int quantity)
    {
        var product = await App.AddProductAsync(10m);
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = product.ToString(), quantity }))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "quantity");
        Assert.Equal(0, (await customer.CartAsync()).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("{ \"productId\": \"1\", \"quantity\": 1.5 }", "quantity")]
    [InlineData("{ \"productId\": \"1\", \"quantity\": \"two\" }", "quantity")]
    [InlineData("{ \"productId\": true, \"quantity\": 1 }", "productId")]
    [InlineData("{ \"productId\": 1.5, \"quantity\": 1 }", "productId")]
    public async Task A_value_of_the_wrong_type_is_400_invalid_format_not_500(string json, string field)
    {
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.PostApiAsync("/api/v1/cart/items", new RawJson(json))).Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", field);
    }

    [Fact]
    public async Task Missing_fields_are_400_per_field()
    {
        using var customer = await App.RegisterCustomerAsync();
        var reply = await customer.Client.PostApiAsync("/api/v1/cart/items", new { });
        Assert.Equal(["productId", "quantity"], reply.Expect(HttpStatusCode.BadRequest).ErrorFields.Order());
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("prod-001")]
    public async Task An_unknown_product_is_404(string productId)
    {
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId, quantity = 1 })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task An_archived_product_is_404_and_leaves_the_cart()
    {
        var product = await App.AddProductAsync(10m);
        var kept = await App.AddProductAsync(20m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);
        await customer.AddToCartAsync(kept);

        await App.ArchiveAsync(product);

        (await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = product.ToString(), quantity = 1 }))
            .Error(HttpStatusCode.NotFound, "NOT_FOUND");
        var cart = await customer.CartAsync();
        Assert.Equal(kept, Assert.Single(cart.GetProperty("items").EnumerateArray()).Id("productId"));
        Totals(cart, 20.00m, 0, 1.60m, 0, 21.60m);
    }

    [Fact]
    public async Task Put_sets_the_quantity()
    {
        var product = await App.AddProductAsync(299.99m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var line = await customer.AddToCartAsync(product);

        var reply = await customer.Client.PutApiAsync($"/api/v1/cart/items/{line.Id()}", new { quantity = 3 });
        var data = reply.Data();
        Assert.Equal(line.Id(), data.Id());
        Assert.Equal(3, data.Int("quantity"));
        Assert.Equal(899.97m, data.Money("subtotal"));
        Assert.Equal(3, (await customer.CartAsync()).Int("itemCount"));

        // Down works too, and exactly the stock is fine.
        Assert.Equal(1, (await customer.Client.PutApiAsync($"/api/v1/cart/items/{line.Id()}", new { quantity = 1 })).Data().Int("quantity"));
        Assert.Equal(5, (await customer.Client.PutApiAsync($"/api/v1/cart/items/{line.Id()}", new { quantity = 5 })).Data().Int("quantity"));
    }

    [Fact]
    public async Task Put_above_the_stock_is_409_and_zero_is_400()
    {
        var product = await App.AddProductAsync(10m, stock: 4);
        using var customer = await App.RegisterCustomerAsync();
        var line = await customer.AddToCartAsync(product, 2);

        var error = (await customer.Client.PutApiAsync($"/api/v1/cart/items/{line.Id()}", new { quantity = 5 }))
            .Error(HttpStatusCode.Conflict, "INSUFFICIENT_STOCK", "quantity");
        Assert.Equal(4, error.Int("availableStock"));
        Assert.Equal(5, error.Int("requestedQuantity"));

        (await customer.Client.PutApiAsync($"/api/v1/cart/items/{line.Id()}", new { quantity = 0 }))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "quantity");
        (await customer.Client.PutApiAsync($"/api/v1/cart/items/{line.Id()}", new { }))
            .Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "quantity");

        Assert.Equal(2, Assert.Single((await customer.CartAsync()).GetProperty("items").EnumerateArray()).Int("quantity"));
    }

    [Fact]
    public async Task Another_customers_line_is_404_for_put_and_delete()
    {
        var product = await App.AddProductAsync(10m);
        using var owner = await App.RegisterCustomerAsync();
        using var other = await App.RegisterCustomerAsync();
        var line = await owner.AddToCartAsync(product, 2);
        await other.AddToCartAsync(product, 1); // the other customer has a cart too

        (await other.Client.PutApiAsync($"/api/v1/cart/items/{line.Id()}", new { quantity = 1 })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Client.DeleteApiAsync($"/api/v1/cart/items/{line.Id()}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Equal(2, Assert.Single((await owner.CartAsync()).GetProperty("items").EnumerateArray()).Int("quantity"));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    public async Task An_unknown_line_is_404(string id)
    {
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.PutApiAsync($"/api/v1/cart/items/{id}", new { quantity = 1 })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await customer.Client.DeleteApiAsync($"/api/v1/cart/items/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Delete_line_is_204_then_404()
    {
        var a = await App.AddProductAsync(10m);
        var b = await App.AddProductAsync(2.50m);
        using var customer = await App.RegisterCustomerAsync();
        var line = await customer.AddToCartAsync(a);
        await customer.AddToCartAsync(b, 2);

        var reply = await customer.Client.DeleteApiAsync($"/api/v1/cart/items/{line.Id()}");
        reply.Expect(HttpStatusCode.NoContent);
        Assert.Equal("", reply.RawBody);
        var cart = await customer.CartAsync();
        Assert.Equal(b, Assert.Single(cart.GetProperty("items").EnumerateArray()).Id("productId"));
        Totals(cart, 5.00m, 0, 0.40m, 0, 5.40m);

        (await customer.Client.DeleteApiAsync($"/api/v1/cart/items/{line.Id()}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Clearing_the_cart_is_204_and_empties_it_with_its_coupon()
    {
        var a = await App.AddProductAsync(10m);
        var b = await App.AddProductAsync(20m);
        var code = ShopData.NewCode("CLR");
        await App.AddCouponAsync(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10 });
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(a);
        await customer.AddToCartAsync(b);
        (await customer.Client.PostApiAsync("/api/v1/cart/apply-coupon", new { couponCode = code })).Expect(HttpStatusCode.OK);

        var reply = await customer.Client.DeleteApiAsync("/api/v1/cart");
        reply.Expect(HttpStatusCode.NoContent);

        var cart = await customer.CartAsync();
        Assert.Equal(0, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, cart.GetProperty("couponCode").ValueKind);
        Totals(cart, 0, 0, 0, 0, 0);
        // Clearing an empty cart is fine too.
        (await customer.Client.DeleteApiAsync("/api/v1/cart")).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Parallel_first_adds_to_a_new_cart_all_succeed_and_never_fail_with_500()
    {
        // A double-clicked "Add to cart" (or several tabs) sends the same request at once. The deterministic
        // version of this race is in Cart/CartConcurrencyTests.
        var product = await App.AddProductAsync(10m, stock: 50);
        using var customer = await App.RegisterCustomerAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = product.ToString(), quantity = 1 })));

        Assert.All(replies, r => Assert.True(r.Status == HttpStatusCode.Created, $"{(int)r.Status}: {r.RawBody}"));
        var line = Assert.Single((await customer.CartAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(20, line.Int("quantity"));
    }

    [Fact]
    public async Task Parallel_adds_to_an_existing_line_all_count()
    {
        var product = await App.AddProductAsync(10m, stock: 50);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product, 1);

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = product.ToString(), quantity = 1 })));

        Assert.All(replies, r => Assert.True(r.Status == HttpStatusCode.Created, $"{(int)r.Status}: {r.RawBody}"));
        var line = Assert.Single((await customer.CartAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(21, line.Int("quantity"));
    }

    [Theory]
    [InlineData("115.20", 1, "115.20", "9.22", "124.42")]  // 9.216 rounds up
    [InlineData("1.06", 1, "1.06", "0.08", "1.14")]        // 0.0848 rounds down
    [InlineData("19.99", 3, "59.97", "4.80", "64.77")]     // 4.7976
    [InlineData("0.06", 1, "0.06", "0.00", "0.06")]        // 0.0048
    [InlineData("0.07", 1, "0.07", "0.01", "0.08")]        // 0.0056
    [InlineData("12345.67", 2, "24691.34", "1975.31", "26666.65")] // 1975.3072
    public async Task Tax_is_eight_percent_of_the_subtotal_rounded_to_the_cent(string price, int quantity, string subtotal, string tax, string total)
    {
        var product = await App.AddProductAsync(decimal.Parse(price), stock: 10);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product, quantity);
        Totals(await customer.CartAsync(), decimal.Parse(subtotal), 0, decimal.Parse(tax), 0, decimal.Parse(total));
    }

    [Fact]
    public async Task Several_lines_add_up_before_tax_is_rounded()
    {
        var a = await App.AddProductAsync(0.03m);
        var b = await App.AddProductAsync(0.03m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(a, 3);
        await customer.AddToCartAsync(b, 3);
        // 0.18 × 0.08 = 0.0144 → 0.01 (rounding per line would give 0.01 + 0.01).
        Totals(await customer.CartAsync(), 0.18m, 0, 0.01m, 0, 0.19m);
    }
}

/// <summary>Coupons at the cart (POST /cart/apply-coupon, DELETE /cart/coupon). Every test uses its own customer and coupon.</summary>
public class CartCouponApiTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;

    private async Task<(ApiSession Customer, string Code)> CartWithCoupon(decimal price, Coupon coupon, int quantity = 1)
    {
        await App.AddCouponAsync(coupon);
        var product = await App.AddProductAsync(price, stock: 50);
        var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product, quantity);
        return (customer, coupon.Code);
    }

    private static Task<ApiReply> Apply(ApiSession customer, string code) =>
        customer.Client.PostApiAsync("/api/v1/cart/apply-coupon", new { couponCode = code });

    private static async Task<string> Refused(ApiSession customer, string code)
    {
        var reply = await Apply(customer, code);
        var message = reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "couponCode").ErrorMessage();
        var cart = await customer.CartAsync();
        Assert.Equal(JsonValueKind.Null, cart.GetProperty("couponCode").ValueKind);
        Assert.Equal(0m, cart.Money("discount"));
        return message;
    }

    [Fact]
    public async Task A_percentage_coupon_takes_its_share_off_and_tax_follows()
    {
        var code = ShopData.NewCode("SAVE20");
        var (customer, _) = await CartWithCoupon(115.20m, new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 20 });
        using var _customer = customer;

        var reply = await Apply(customer, code.ToLowerInvariant());
        var data = reply.Data();
        Assert.Equal("Coupon applied successfully", reply.Body.Str("message"));
        Assert.Equal(code, data.Str("couponCode"));
        Assert.Equal("percentage", data.Str("discountType"));
        Assert.Equal(20m, data.GetProperty("discountValue").GetDecimal());
        Assert.Equal(23.04m, data.Money("discountAmount"));
        Assert.Equal(115.20m, data.Money("subtotal"));
        Assert.Equal(23.04m, data.Money("discount"));
        Assert.Equal(7.37m, data.Money("tax"));   // 92.16 × 0.08 = 7.3728
        Assert.Equal(0m, data.Money("shipping"));
        Assert.Equal(99.53m, data.Money("total"));

        var cart = await customer.CartAsync();
        Assert.Equal(code, cart.Str("couponCode"));
        Assert.Equal(23.04m, cart.Money("discount"));
        Assert.Equal(7.37m, cart.Money("tax"));
        Assert.Equal(99.53m, cart.Money("total"));
        Assert.True(cart.GetProperty("coupon").GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_fixed_coupon_takes_its_amount_off()
    {
        var code = ShopData.NewCode("TENOFF");
        var (customer, _) = await CartWithCoupon(115.20m, new Coupon { Code = code, Kind = CouponKind.FixedAmount, AmountOffCents = 1000 });
        using var _customer = customer;

        var data = (await Apply(customer, code)).Data();
        Assert.Equal("fixed", data.Str("discountType"));
        Assert.Equal(10.00m, data.Money("discountAmount"));
        Assert.Equal(10.00m, data.Money("discount"));
        Assert.Equal(8.42m, data.Money("tax"));   // 105.20 × 0.08 = 8.416
        Assert.Equal(113.62m, data.Money("total"));
    }

    [Fact]
    public async Task A_fixed_coupon_is_never_more_than_the_subtotal()
    {
        var code = ShopData.NewCode("BIG");
        var (customer, _) = await CartWithCoupon(30m, new Coupon { Code = code, Kind = CouponKind.FixedAmount, AmountOffCents = 5000 });
        using var _customer = customer;

        var data = (await Apply(customer, code)).Data();
        Assert.Equal(30.00m, data.Money("discountAmount"));
        Assert.Equal(30.00m, data.Money("discount"));
        Assert.Equal(0.00m, data.Money("tax"));
        Assert.Equal(0.00m, data.Money("total"));
        Assert.Equal(0.00m, (await customer.CartAsync()).Money("total"));
    }

    [Fact]
    public async Task An_unknown_coupon_is_400_saying_it_does_not_exist()
    {
        var product = await App.AddProductAsync(10m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);
        var message = await Refused(customer, "NOPE-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Contains("does not exist", message);
    }

    [Fact]
    public async Task An_expired_coupon_is_400_saying_it_expired()
    {
        var code = ShopData.NewCode("OLD");
        var (customer, _) = await CartWithCoupon(50m, new Coupon
        {
            Code = code, Kind = CouponKind.Percentage, PercentOff = 10,
            StartsAt = DateTime.UtcNow.AddDays(-30), EndsAt = DateTime.UtcNow.AddDays(-1),
        });
        using var _customer = customer;
        Assert.Contains("expired", await Refused(customer, code));
    }

    [Fact]
    public async Task A_coupon_not_valid_yet_is_400_saying_from_when()
    {
        var code = ShopData.NewCode("SOON");
        var starts = DateTime.UtcNow.AddDays(10);
        var (customer, _) = await CartWithCoupon(50m, new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, StartsAt = starts });
        using var _customer = customer;
        var message = await Refused(customer, code);
        Assert.Contains("not valid yet", message);
        Assert.Contains(starts.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US")), message);
    }

    [Fact]
    public async Task A_used_up_coupon_is_400()
    {
        var code = ShopData.NewCode("GONE");
        var (customer, _) = await CartWithCoupon(50m, new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, UsageLimit = 3, TimesUsed = 3 });
        using var _customer = customer;
        Assert.Contains("used up", await Refused(customer, code));
    }

    [Fact]
    public async Task A_coupon_with_uses_left_applies()
    {
        var code = ShopData.NewCode("LEFT");
        var (customer, _) = await CartWithCoupon(50m, new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, UsageLimit = 3, TimesUsed = 2 });
        using var _customer = customer;
        Assert.Equal(5.00m, (await Apply(customer, code)).Data().Money("discount"));
    }

    [Fact]
    public async Task A_coupon_the_customer_already_used_up_to_their_limit_is_400()
    {
        var code = ShopData.NewCode("ONCE");
        var (customer, _) = await CartWithCoupon(50m, new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, PerCustomerLimit = 1 });
        using var _customer = customer;
        (await Apply(customer, code)).Expect(HttpStatusCode.OK);
        var order = await customer.PlaceOrderAsync();
        Assert.Equal(code, order.Str("couponCode"));

        var product = await App.AddProductAsync(50m);
        await customer.AddToCartAsync(product);
        Assert.Contains("already used", await Refused(customer, code));

        // Another customer still may.
        using var other = await App.RegisterCustomerAsync();
        await other.AddToCartAsync(product);
        (await Apply(other, code)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_minimum_subtotal_not_met_is_400_saying_how_much_more_is_needed()
    {
        var code = ShopData.NewCode("MIN100");
        var (customer, _) = await CartWithCoupon(30.01m, new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, MinimumSubtotalCents = 100_00 });
        using var _customer = customer;
        var message = await Refused(customer, code);
        Assert.Contains("$100.00", message);
        Assert.Contains("$69.99 more", message);
    }

    [Fact]
    public async Task A_minimum_subtotal_exactly_met_applies()
    {
        var code = ShopData.NewCode("MIN60");
        var (customer, _) = await CartWithCoupon(30m, new Coupon { Code = code, Kind = CouponKind.FixedAmount, AmountOffCents = 500, MinimumSubtotalCents = 60_00 }, quantity: 2);
        using var _customer = customer;
        Assert.Equal(5.00m, (await Apply(customer, code)).Data().Money("discount"));
    }

    [Fact]
    public async Task An_inactive_coupon_is_400()
    {
        var code = ShopData.NewCode("OFF");
        var (customer, _) = await CartWithCoupon(50m, new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, IsActive = false });
        using var _customer = customer;
        Assert.Contains("no longer active", await Refused(customer, code));
    }

    [Fact]
    public async Task A_coupon_on_an_empty_cart_or_without_a_code_is_400()
    {
        var code = ShopData.NewCode("EMPTY");
        await App.AddCouponAsync(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10 });
        using var customer = await App.RegisterCustomerAsync();
        (await Apply(customer, code)).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "couponCode");
        (await customer.Client.PostApiAsync("/api/v1/cart/apply-coupon", new { })).Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "couponCode");
    }

    [Fact]
    public async Task Removing_the_coupon_is_200_and_the_discount_goes()
    {
        var code = ShopData.NewCode("RM");
        var (customer, _) = await CartWithCoupon(100m, new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 25 });
        using var _customer = customer;
        Assert.Equal(25.00m, (await Apply(customer, code)).Data().Money("discount"));

        var reply = await customer.Client.DeleteApiAsync("/api/v1/cart/coupon");
        var cart = reply.Data();
        Assert.Equal(0m, cart.Money("discount"));
        Assert.Equal(JsonValueKind.Null, cart.GetProperty("couponCode").ValueKind);
        Assert.Equal(8.00m, cart.Money("tax"));
        Assert.Equal(108.00m, cart.Money("total"));

        cart = await customer.CartAsync();
        Assert.Equal(0m, cart.Money("discount"));
        Assert.Equal(108.00m, cart.Money("total"));
    }

    [Fact]
    public async Task A_coupon_that_stops_applying_after_it_was_applied_gives_no_discount()
    {
        var code = ShopData.NewCode("LATER");
        var (customer, _) = await CartWithCoupon(100m, new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 25 });
        using var _customer = customer;
        (await Apply(customer, code)).Expect(HttpStatusCode.OK);
        await App.WithDbAsync(db => db.Coupons.Where(c => c.Code == code).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false)));

        var cart = await customer.CartAsync();
        Assert.Equal(0m, cart.Money("discount"));
        Assert.Equal(108.00m, cart.Money("total"));
        Assert.False(cart.GetProperty("coupon").GetProperty("valid").GetBoolean());
        Assert.Contains("no longer active", cart.GetProperty("coupon").Str("message"));
    }
}

/// <summary>Shipping: a flat rate below the free-shipping threshold (Store:ShippingFlatRate, Store:FreeShippingThreshold).</summary>
public class CartShippingApiTests(CartShippingApiTests.ShippingFixture fixture) : IClassFixture<CartShippingApiTests.ShippingFixture>
{
    public sealed class ShippingFixture() : ShopperAppFixture(new Dictionary<string, string?>
    {
        ["Store:ShippingFlatRate"] = "4.95",
        ["Store:FreeShippingThreshold"] = "50",
    });

    private StoreApp App => fixture.App;

    [Fact]
    public async Task Below_the_threshold_the_flat_rate_is_charged_and_from_it_shipping_is_free()
    {
        var below = await App.AddProductAsync(49.99m);
        var cent = await App.AddProductAsync(0.01m);
        using var customer = await App.RegisterCustomerAsync();

        Assert.Equal(0m, (await customer.CartAsync()).Money("shipping")); // an empty cart ships nothing

        await customer.AddToCartAsync(below);
        var cart = await customer.CartAsync();
        Assert.Equal(49.99m, cart.Money("subtotal"));
        Assert.Equal(4.00m, cart.Money("tax"));
        Assert.Equal(4.95m, cart.Money("shipping"));
        Assert.Equal(58.94m, cart.Money("total"));

        await customer.AddToCartAsync(cent);
        cart = await customer.CartAsync();
        Assert.Equal(50.00m, cart.Money("subtotal"));
        Assert.Equal(0.00m, cart.Money("shipping"));
        Assert.Equal(54.00m, cart.Money("total"));
    }

    [Fact]
    public async Task A_discount_that_brings_the_subtotal_below_the_threshold_brings_shipping_back()
    {
        var code = ShopData.NewCode("SHIP");
        await App.AddCouponAsync(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 20 });
        var product = await App.AddProductAsync(60m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);
        Assert.Equal(0m, (await customer.CartAsync()).Money("shipping"));

        var data = (await customer.Client.PostApiAsync("/api/v1/cart/apply-coupon", new { couponCode = code })).Data();
        Assert.Equal(12.00m, data.Money("discount"));
        Assert.Equal(3.84m, data.Money("tax"));
        Assert.Equal(4.95m, data.Money("shipping"));
        Assert.Equal(56.79m, data.Money("total"));
    }

    [Fact]
    public async Task The_order_charges_the_carts_shipping()
    {
        var product = await App.AddProductAsync(20m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);
        var cart = await customer.CartAsync();
        var order = await customer.PlaceOrderAsync();
        Assert.Equal(4.95m, order.Money("shippingCost"));
        Assert.Equal(cart.Money("total"), order.Money("total"));
        Assert.Equal(26.55m, order.Money("total")); // 20 + 1.60 + 4.95
    }
}
