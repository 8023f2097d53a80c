using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ecommerce.Shared.Coupons;
using Ecommerce.Shared.Orders;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>POST /api/v1/orders: placing an order from the cart. Every test uses its own customer and products.</summary>
public partial class PlaceOrderApiTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;

    private static Task<ApiReply> Place(ApiSession customer, object body) => customer.Client.PostApiAsync("/api/v1/orders", body);

    private Task<int> OrderCountOf(string userId) => App.WithDbAsync(db => db.Orders.CountAsync(o => o.UserId == userId));

    [GeneratedRegex(@"^ORD-\d{4}-\d{6}$")]
    private static partial Regex OrderNumberPattern();

    [Fact]
    public async Task An_order_from_the_cart_is_201_pending_with_a_snapshot_of_lines_totals_and_address()
    {
        var headphones = await App.AddProductAsync(115.20m, stock: 10, name: "Wireless Headphones");
        var watch = await App.AddProductAsync(19.99m, stock: 5, name: "Smart Watch");
        using var customer = await App.RegisterCustomerAsync();
        var addressId = await customer.AddAddressAsync("123 Main St", "New York");
        await customer.AddToCartAsync(headphones, 2);
        await customer.AddToCartAsync(watch, 1);
        var cart = await customer.CartAsync();
        var cartLines = cart.GetProperty("items").EnumerateArray().ToList();

        var reply = await Place(customer, new { shippingAddressId = addressId.ToString(), paymentMethodId = "bank_transfer", notes = "Please deliver between 2-5 PM" });
        var order = reply.Data(HttpStatusCode.Created);
        Assert.Equal("Order created successfully", reply.Body.Str("message"));

        var orderId = order.Id();
        Assert.Matches(OrderNumberPattern(), order.Str("orderNumber"));
        Assert.StartsWith($"ORD-{DateTime.UtcNow.Year}-", order.Str("orderNumber"));
        Assert.Equal(customer.UserId, order.Str("userId"));
        Assert.Equal("pending", order.Str("status"));
        Assert.Equal("USD", order.Str("currency"));
        Assert.Equal("Bank transfer", order.Str("paymentMethod"));
        Assert.Equal("bank_transfer", order.Str("paymentMethodId"));
        Assert.Equal("pending", order.Str("paymentStatus"));
        Assert.Equal("Please deliver between 2-5 PM", order.Str("notes"));
        Assert.Equal(JsonValueKind.Null, order.GetProperty("couponCode").ValueKind);
        ApiAssert.UtcTimestamp(order.GetProperty("createdAt"));

        var items = order.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        foreach (var (item, line) in items.Zip(cartLines))
        {
            ApiAssert.Id(item.GetProperty("id"));
            Assert.Equal(line.Str("productId"), item.Str("productId"));
            Assert.Equal(line.Str("productName"), item.Str("productName"));
            Assert.Equal(line.Str("sku"), item.Str("sku"));
            Assert.Equal(line.Money("price"), item.Money("price"));
            Assert.Equal(line.Int("quantity"), item.Int("quantity"));
            Assert.Equal(line.Money("subtotal"), item.Money("subtotal"));
        }

        // The order's money is the cart's money just before: 230.40 + 19.99 = 250.39, tax 20.0312 → 20.03.
        Assert.Equal(cart.Money("subtotal"), order.Money("subtotal"));
        Assert.Equal(cart.Money("discount"), order.Money("discount"));
        Assert.Equal(cart.Money("tax"), order.Money("tax"));
        Assert.Equal(cart.Money("shipping"), order.Money("shippingCost"));
        Assert.Equal(cart.Money("total"), order.Money("total"));
        Assert.Equal(250.39m, order.Money("subtotal"));
        Assert.Equal(20.03m, order.Money("tax"));
        Assert.Equal(270.42m, order.Money("total"));

        var shipping = order.GetProperty("shippingAddress");
        Assert.Equal("123 Main St", shipping.Str("street"));
        Assert.Equal("New York", shipping.Str("city"));
        Assert.Equal("OR", shipping.Str("state"));
        Assert.Equal("97201", shipping.Str("zipCode"));
        Assert.Equal("USA", shipping.Str("country"));
        Assert.Equal(shipping.GetRawText(), order.GetProperty("billingAddress").GetRawText());

        var history = Assert.Single(order.GetProperty("statusHistory").EnumerateArray());
        Assert.Equal("pending", history.Str("status"));
        ApiAssert.UtcTimestamp(history.GetProperty("timestamp"));

        // The cart is empty, the stock is taken.
        var after = await customer.CartAsync();
        Assert.Equal(0, after.GetProperty("items").GetArrayLength());
        Assert.Equal(0m, after.Money("total"));
        Assert.Equal(8, await App.StockOfAsync(headphones));
        Assert.Equal(4, await App.StockOfAsync(watch));
        Assert.Equal(1, await OrderCountOf(customer.UserId));

        // A confirmation is mailed to the customer.
        var confirmation = Assert.Single(App.MailsTo(customer.Email, "order"));
        Assert.Contains(order.Str("orderNumber"), confirmation.Subject);
        Assert.Contains("$270.42", confirmation.TextBody);

        // Later changes to the product and to the saved address do not change the order.
        await App.WithDbAsync(db => db.Products.Where(p => p.Id == headphones)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Renamed").SetProperty(p => p.PriceCents, 1).SetProperty(p => p.Sku, "CHANGED-" + orderId)));
        (await customer.Client.PutApiAsync($"/api/v1/users/addresses/{addressId}", ShopData.AddressBody("9 Elsewhere Blvd", "Boston"))).Expect(HttpStatusCode.OK);

        var reread = (await customer.Client.GetApiAsync($"/api/v1/orders/{orderId}")).Data();
        Assert.Equal(items[0].Str("productName"), reread.GetProperty("items")[0].Str("productName"));
        Assert.Equal(items[0].Str("sku"), reread.GetProperty("items")[0].Str("sku"));
        Assert.Equal(115.20m, reread.GetProperty("items")[0].Money("price"));
        Assert.Equal("123 Main St", reread.GetProperty("shippingAddress").Str("street"));
        Assert.Equal("New York", reread.GetProperty("billingAddress").Str("city"));
        Assert.Equal(270.42m, reread.Money("total"));
    }

    [Fact]
    public async Task Order_numbers_increase_by_one()
    {
        var product = await App.AddProductAsync(5m, stock: 10);
        using var customer = await App.RegisterCustomerAsync();
        var first = (await customer.OrderAsync(product)).Str("orderNumber");
        var second = (await customer.OrderAsync(product)).Str("orderNumber");
        using var other = await App.RegisterCustomerAsync();
        var third = (await other.OrderAsync(product)).Str("orderNumber");

        static int Sequence(string number) => int.Parse(number[^6..], CultureInfo.InvariantCulture);
        Assert.Equal(first[..9], second[..9]);
        Assert.Equal(Sequence(first) + 1, Sequence(second));
        Assert.Equal(Sequence(second) + 1, Sequence(third));
    }

    [Fact]
    public async Task A_separate_billing_address_id_is_used_for_billing()
    {
        var product = await App.AddProductAsync(5m);
        using var customer = await App.RegisterCustomerAsync();
        var shipTo = await customer.AddAddressAsync("1 Ship St");
        var billTo = await customer.AddAddressAsync("2 Bill St", "Seattle");
        await customer.AddToCartAsync(product);

        var order = (await Place(customer, new { shippingAddressId = shipTo, billingAddressId = billTo, paymentMethodId = "bank_transfer" }))
            .Data(HttpStatusCode.Created);
        Assert.Equal("1 Ship St", order.GetProperty("shippingAddress").Str("street"));
        Assert.Equal("2 Bill St", order.GetProperty("billingAddress").Str("street"));
        Assert.Equal("Seattle", order.GetProperty("billingAddress").Str("city"));
    }

    [Fact]
    public async Task Inline_addresses_are_copied_into_the_order_and_cash_on_delivery_is_accepted()
    {
        var product = await App.AddProductAsync(5m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);

        var order = (await Place(customer, new
        {
            shippingAddress = new { firstName = "Ann", lastName = "Lee", street = "10 Dock Rd", city = "Tacoma", state = "WA", zipCode = "98401", country = "USA", phone = "+1 253 555 0100" },
            billingAddress = new { street = "20 Bank St", city = "Olympia", zipCode = "98501", country = "USA" },
            paymentMethodId = "cash_on_delivery",
        })).Data(HttpStatusCode.Created);

        var shipping = order.GetProperty("shippingAddress");
        Assert.Equal("Ann", shipping.Str("firstName"));
        Assert.Equal("Lee", shipping.Str("lastName"));
        Assert.Equal("10 Dock Rd", shipping.Str("street"));
        Assert.Equal("Tacoma", shipping.Str("city"));
        Assert.Equal("+1 253 555 0100", shipping.Str("phone"));
        Assert.Equal("20 Bank St", order.GetProperty("billingAddress").Str("street"));
        Assert.Equal("Olympia", order.GetProperty("billingAddress").Str("city"));
        Assert.Equal("cash_on_delivery", order.Str("paymentMethodId"));
        Assert.Equal("Pay on delivery", order.Str("paymentMethod"));
        // Typed addresses are not saved to the address book.
        Assert.Empty((await customer.Client.GetApiAsync("/api/v1/users/addresses")).Data().EnumerateArray());
    }

    [Fact]
    public async Task An_inline_shipping_address_alone_is_also_the_billing_address()
    {
        var product = await App.AddProductAsync(5m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);
        var order = (await Place(customer, new { shippingAddress = ShopData.AddressBody("5 Only St"), paymentMethodId = "bank_transfer" }))
            .Data(HttpStatusCode.Created);
        Assert.Equal("5 Only St", order.GetProperty("billingAddress").Str("street"));
    }

    [Fact]
    public async Task Invalid_inline_addresses_are_400_naming_the_nested_fields()
    {
        var product = await App.AddProductAsync(5m, stock: 3);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);

        var reply = await Place(customer, new
        {
            shippingAddress = new { street = "1 Main St", zipCode = "97201", country = "USA" },
            billingAddress = new { city = "Salem", zipCode = "97301" },
            paymentMethodId = "bank_transfer",
        });
        reply.Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["billingAddress.country", "billingAddress.street", "shippingAddress.city"], reply.ErrorFields.Order());
        reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "shippingAddress.city");
        reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "billingAddress.street");

        Assert.Equal(0, await OrderCountOf(customer.UserId));
        Assert.Equal(3, await App.StockOfAsync(product));
        Assert.Single((await customer.CartAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Without_any_shipping_address_is_400()
    {
        var product = await App.AddProductAsync(5m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);
        (await Place(customer, new { paymentMethodId = "bank_transfer" })).Error(HttpStatusCode.BadRequest, "REQUIRED_FIELD", "shippingAddressId");
    }

    [Theory]
    [InlineData("pm-001", "VALIDATION_ERROR")]
    [InlineData("card", "VALIDATION_ERROR")]
    [InlineData(null, "REQUIRED_FIELD")]
    public async Task An_unknown_or_missing_payment_method_is_400(string? paymentMethodId, string code)
    {
        var product = await App.AddProductAsync(5m, stock: 2);
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product);
        var error = (await Place(customer, new { shippingAddressId = address, paymentMethodId })).Error(HttpStatusCode.BadRequest, code, "paymentMethodId");
        // The 400 names every method the store accepts, so a client can correct the request.
        if (paymentMethodId is not null) Assert.Contains("Choose one of: bank_transfer, cash_on_delivery.", error.ErrorMessage());
        Assert.Equal(0, await OrderCountOf(customer.UserId));
        Assert.Equal(2, await App.StockOfAsync(product));
    }

    [Fact]
    public async Task A_coupon_code_in_the_request_is_applied_and_counted()
    {
        var code = ShopData.NewCode("ORDER10");
        await App.AddCouponAsync(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, UsageLimit = 5 });
        var product = await App.AddProductAsync(115.20m);
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product);

        var order = (await Place(customer, new { shippingAddressId = address, paymentMethodId = "bank_transfer", couponCode = code.ToLowerInvariant() }))
            .Data(HttpStatusCode.Created);
        Assert.Equal(code, order.Str("couponCode"));
        Assert.Equal(115.20m, order.Money("subtotal"));
        Assert.Equal(11.52m, order.Money("discount"));
        Assert.Equal(8.29m, order.Money("tax"));     // 103.68 × 0.08 = 8.2944
        Assert.Equal(111.97m, order.Money("total"));

        var coupon = await App.CouponAsync(code);
        Assert.Equal(1, coupon.TimesUsed);
        var redemption = await App.WithDbAsync(db => db.CouponRedemptions.AsNoTracking().SingleAsync(r => r.CouponId == coupon.Id));
        Assert.Equal(customer.UserId, redemption.UserId);
        Assert.Equal(order.Id(), redemption.OrderId);
        Assert.Equal(1152, redemption.DiscountCents);
    }

    [Fact]
    public async Task The_carts_coupon_is_used_when_the_request_names_none()
    {
        var code = ShopData.NewCode("CARTC");
        await App.AddCouponAsync(new Coupon { Code = code, Kind = CouponKind.FixedAmount, AmountOffCents = 500 });
        var product = await App.AddProductAsync(20m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);
        (await customer.Client.PostApiAsync("/api/v1/cart/apply-coupon", new { couponCode = code })).Expect(HttpStatusCode.OK);
        var cart = await customer.CartAsync();

        var order = await customer.PlaceOrderAsync();
        Assert.Equal(code, order.Str("couponCode"));
        Assert.Equal(5.00m, order.Money("discount"));
        Assert.Equal(cart.Money("total"), order.Money("total"));
        Assert.Equal(1, (await App.CouponAsync(code)).TimesUsed);
        // The cart's coupon is used up with the cart.
        Assert.Equal(JsonValueKind.Null, (await customer.CartAsync()).GetProperty("couponCode").ValueKind);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("expired")]
    [InlineData("usedup")]
    public async Task An_invalid_coupon_code_in_the_request_is_400_and_nothing_happens(string kind)
    {
        var code = ShopData.NewCode("BAD");
        if (kind == "expired") await App.AddCouponAsync(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, EndsAt = DateTime.UtcNow.AddDays(-1) });
        if (kind == "usedup") await App.AddCouponAsync(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, UsageLimit = 1, TimesUsed = 1 });
        var product = await App.AddProductAsync(20m, stock: 4);
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product);

        (await Place(customer, new { shippingAddressId = address, paymentMethodId = "bank_transfer", couponCode = code }))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "couponCode");
        Assert.Equal(0, await OrderCountOf(customer.UserId));
        Assert.Equal(4, await App.StockOfAsync(product));
        Assert.Single((await customer.CartAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_empty_cart_is_400()
    {
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        (await Place(customer, new { shippingAddressId = address, paymentMethodId = "bank_transfer" })).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "cart");

        // Also after the cart was used once.
        var product = await App.AddProductAsync(5m);
        await customer.OrderAsync(product);
        (await Place(customer, new { shippingAddressId = address, paymentMethodId = "bank_transfer" })).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "cart");
        Assert.Equal(1, await OrderCountOf(customer.UserId));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("addr-001")]
    public async Task An_unknown_address_id_is_404(string shippingAddressId)
    {
        var product = await App.AddProductAsync(5m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);
        (await Place(customer, new { shippingAddressId, paymentMethodId = "bank_transfer" })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, await OrderCountOf(customer.UserId));
    }

    [Fact]
    public async Task Another_customers_address_id_is_404()
    {
        var product = await App.AddProductAsync(5m, stock: 1);
        using var owner = await App.RegisterCustomerAsync();
        using var other = await App.RegisterCustomerAsync();
        var address = await owner.AddAddressAsync();
        await other.AddToCartAsync(product);
        (await Place(other, new { shippingAddressId = address, paymentMethodId = "bank_transfer" })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(1, await App.StockOfAsync(product));
        Assert.Equal(0, await OrderCountOf(other.UserId));
    }

    [Fact]
    public async Task A_line_that_can_no_longer_be_filled_is_409_and_nothing_is_taken()
    {
        var plenty = await App.AddProductAsync(10m, stock: 10);
        var scarce = await App.AddProductAsync(20m, stock: 5);
        var code = ShopData.NewCode("KEEP");
        await App.AddCouponAsync(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10 });
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(plenty, 2);
        await customer.AddToCartAsync(scarce, 3);
        (await customer.Client.PostApiAsync("/api/v1/cart/apply-coupon", new { couponCode = code })).Expect(HttpStatusCode.OK);
        var before = await customer.CartAsync();

        // Someone else bought most of it meanwhile.
        await App.SetStockAsync(scarce, 1);

        var reply = await Place(customer, new { shippingAddressId = address, paymentMethodId = "bank_transfer" });
        var error = reply.Error(HttpStatusCode.Conflict, "INSUFFICIENT_STOCK", "quantity");
        Assert.Equal("INSUFFICIENT_STOCK", reply.Errors[0].Str("code"));
        // The envelope's summary is exactly document 002's; the error itself keeps the numbers.
        Assert.Equal("Insufficient stock", reply.Body.Str("message"));
        Assert.NotEqual("Insufficient stock", error.ErrorMessage());
        Assert.Equal(1, error.Int("availableStock"));
        Assert.Equal(3, error.Int("requestedQuantity"));
        Assert.Equal(scarce.ToString(), error.Str("productId"));

        Assert.Equal(10, await App.StockOfAsync(plenty)); // the first line's stock was given back
        Assert.Equal(1, await App.StockOfAsync(scarce));
        Assert.Equal(0, await OrderCountOf(customer.UserId));
        Assert.Equal(0, (await App.CouponAsync(code)).TimesUsed);

        var after = await customer.CartAsync();
        Assert.Equal(
            before.GetProperty("items").EnumerateArray().Select(i => (i.Str("productId"), i.Int("quantity"))),
            after.GetProperty("items").EnumerateArray().Select(i => (i.Str("productId"), i.Int("quantity"))));
        Assert.Equal(code, after.Str("couponCode"));

        // Once the cart fits the stock, the order goes through.
        var line = after.GetProperty("items").EnumerateArray().Single(i => i.Str("productId") == scarce.ToString());
        (await customer.Client.PutApiAsync($"/api/v1/cart/items/{line.Id()}", new { quantity = 1 })).Expect(HttpStatusCode.OK);
        (await Place(customer, new { shippingAddressId = address, paymentMethodId = "bank_transfer" })).Expect(HttpStatusCode.Created);
        Assert.Equal(8, await App.StockOfAsync(plenty));
        Assert.Equal(0, await App.StockOfAsync(scarce));
    }

    [Fact]
    public async Task A_double_submitted_checkout_places_one_order()
    {
        var product = await App.AddProductAsync(10m, stock: 10);
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product, 2);

        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Place(customer, new { shippingAddressId = address, paymentMethodId = "bank_transfer" })));

        Assert.Equal(1, replies.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "cart"));
        Assert.Equal(1, await OrderCountOf(customer.UserId));
        Assert.Equal(8, await App.StockOfAsync(product));
    }

    [Fact]
    public async Task Notes_longer_than_2000_characters_are_400()
    {
        var product = await App.AddProductAsync(10m);
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product);
        (await Place(customer, new { shippingAddressId = address, paymentMethodId = "bank_transfer", notes = new string('n', 2001) }))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "notes");
        var order = (await Place(customer, new { shippingAddressId = address, paymentMethodId = "bank_transfer", notes = "   " })).Data(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("notes").ValueKind);
    }

    [Fact]
    public async Task A_malformed_body_is_400_not_500()
    {
        using var customer = await App.RegisterCustomerAsync();
        var truncated = (await Place(customer, new RawJson("{ \"shippingAddressId\": "))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_FORMAT", truncated.Errors[0].Str("code"));
        (await Place(customer, new RawJson("{ \"shippingAddressId\": true }"))).Error(HttpStatusCode.BadRequest, "INVALID_FORMAT", "shippingAddressId");
    }
}

/// <summary>Reading orders: lists with filters, one order by id or number, and whose orders a caller sees.</summary>
public class OrderQueryApiTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    private StoreApp App => fixture.App;

    private static async Task<JsonElement> List(ApiSession caller, string query = "") =>
        (await caller.Client.GetApiAsync("/api/v1/orders" + query)).Data();

    private static List<string> Numbers(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(o => o.Str("orderNumber")).ToList();

    [Fact]
    public async Task The_list_holds_only_the_callers_orders_newest_first_ten_per_page()
    {
        var product = await App.AddProductAsync(3m, stock: 100);
        using var customer = await App.RegisterCustomerAsync();
        using var other = await App.RegisterCustomerAsync();
        var othersOrder = (await other.OrderAsync(product)).Str("orderNumber");
        var address = await customer.AddAddressAsync();
        var numbers = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            await customer.AddToCartAsync(product, i % 3 + 1);
            numbers.Add((await customer.Client.PostApiAsync("/api/v1/orders", new { shippingAddressId = address, paymentMethodId = "bank_transfer" }))
                .Data(HttpStatusCode.Created).Str("orderNumber"));
        }
        numbers.Reverse();

        var page = await List(customer);
        Assert.Equal(10, page.Int("pageSize"));
        Assert.Equal(1, page.Int("pageNumber"));
        Assert.Equal(11, page.Int("totalCount"));
        Assert.Equal(2, page.Int("totalPages"));
        Assert.True(page.GetProperty("hasNextPage").GetBoolean());
        Assert.False(page.GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(numbers.Take(10), Numbers(page));
        Assert.DoesNotContain(othersOrder, Numbers(page));

        var first = page.GetProperty("items")[0];
        Assert.Equal(["id", "orderNumber", "status", "itemCount", "total", "createdAt"], ApiAssert.PropertyNames(first));
        Assert.Equal("pending", first.Str("status"));
        ApiAssert.UtcTimestamp(first.GetProperty("createdAt"));
        // Newest first: quantities 2, 1, 3, 2, … of a 3.00 product, plus 8 % tax.
        var quantities = Enumerable.Range(0, 11).Select(i => i % 3 + 1).Reverse().ToList();
        Assert.Equal(quantities.Take(10), page.GetProperty("items").EnumerateArray().Select(o => o.Int("itemCount")));
        Assert.Equal(quantities.Take(10).Select(q => q * 3m * 1.08m), page.GetProperty("items").EnumerateArray().Select(o => o.Money("total")));

        var second = await List(customer, "?pageNumber=2");
        Assert.Equal(numbers.Skip(10), Numbers(second));
        Assert.True(second.GetProperty("hasPreviousPage").GetBoolean());
        Assert.False(second.GetProperty("hasNextPage").GetBoolean());

        Assert.Equal(numbers.Take(4), Numbers(await List(customer, "?pageSize=4")));
        Assert.Empty(Numbers(await List(customer, "?pageNumber=5")));
        Assert.Equal([othersOrder], Numbers(await List(other)));
    }

    [Theory]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageNumber=0", "pageNumber")]
    [InlineData("?pageSize=abc", "pageSize")]
    [InlineData("?startDate=yesterday", "startDate")]
    [InlineData("?endDate=2025-02-30", "endDate")]
    public async Task Bad_paging_or_dates_are_400_naming_the_parameter(string query, string field)
    {
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.GetApiAsync("/api/v1/orders" + query)).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
    }

    [Fact]
    public async Task The_status_filter_keeps_orders_of_that_status_and_an_unknown_status_is_400()
    {
        var product = await App.AddProductAsync(3m, stock: 100);
        using var customer = await App.RegisterCustomerAsync();
        using var admin = await App.SignInAdminAsync();
        var paid = await customer.OrderAsync(product);
        var pending = await customer.OrderAsync(product);
        var cancelled = await customer.OrderAsync(product);
        (await admin.Client.PutApiAsync($"/api/v1/orders/{paid.Id()}/status", new { status = "paid" })).Expect(HttpStatusCode.OK);
        (await customer.Client.PostApiAsync($"/api/v1/orders/{cancelled.Id()}/cancel", new { reason = "no" })).Expect(HttpStatusCode.OK);

        Assert.Equal([paid.Str("orderNumber")], Numbers(await List(customer, "?status=paid")));
        Assert.Equal([paid.Str("orderNumber")], Numbers(await List(customer, "?status=PAID")));
        Assert.Equal([pending.Str("orderNumber")], Numbers(await List(customer, "?status=pending")));
        Assert.Equal([cancelled.Str("orderNumber")], Numbers(await List(customer, "?status=cancelled")));
        Assert.Empty(Numbers(await List(customer, "?status=shipped")));
        Assert.Equal(3, (await List(customer)).Int("totalCount"));

        foreach (var status in new[] { "teleported", "1", "all" })
        {
            var error = (await customer.Client.GetApiAsync($"/api/v1/orders?status={status}")).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "status");
            Assert.Contains("pending", error.ErrorMessage());
        }
    }

    [Fact]
    public async Task Date_filters_include_a_dates_whole_day()
    {
        var product = await App.AddProductAsync(3m, stock: 100);
        using var customer = await App.RegisterCustomerAsync();
        var ninth = await customer.OrderAsync(product);
        var tenthLate = await customer.OrderAsync(product);
        var eleventh = await customer.OrderAsync(product);
        await SetCreatedAt(ninth.Id(), new DateTime(2025, 3, 9, 12, 0, 0, DateTimeKind.Utc));
        await SetCreatedAt(tenthLate.Id(), new DateTime(2025, 3, 10, 23, 30, 0, DateTimeKind.Utc));
        await SetCreatedAt(eleventh.Id(), new DateTime(2025, 3, 11, 0, 0, 0, DateTimeKind.Utc));
        var (n9, n10, n11) = (ninth.Str("orderNumber"), tenthLate.Str("orderNumber"), eleventh.Str("orderNumber"));

        Assert.Equal([n10, n9], Numbers(await List(customer, "?endDate=2025-03-10")));
        Assert.Equal([n10], Numbers(await List(customer, "?startDate=2025-03-10&endDate=2025-03-10")));
        Assert.Equal([n11, n10], Numbers(await List(customer, "?startDate=2025-03-10")));
        Assert.Equal([n11], Numbers(await List(customer, "?startDate=2025-03-11")));
        Assert.Equal([n11, n10, n9], Numbers(await List(customer, "?startDate=2025-03-09&endDate=2025-03-11")));
        Assert.Empty(Numbers(await List(customer, "?endDate=2025-03-08")));
        Assert.Equal([n10], Numbers(await List(customer, "?startDate=2025-03-10T23:00:00Z&endDate=2025-03-10T23:59:00Z")));

        (await customer.Client.GetApiAsync("/api/v1/orders?startDate=2025-03-12&endDate=2025-03-10"))
            .Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "startDate");
    }

    [Fact]
    public async Task An_end_given_with_a_time_is_that_moment_even_at_midnight()
    {
        // The endpoint documents endDate as "orders placed before this time (UTC); a date alone includes that
        // whole day". A client that sends an explicit time asks for orders before that instant.
        var product = await App.AddProductAsync(3m, stock: 100);
        using var customer = await App.RegisterCustomerAsync();
        var before = await customer.OrderAsync(product);
        var after = await customer.OrderAsync(product);
        await SetCreatedAt(before.Id(), new DateTime(2025, 3, 10, 23, 30, 0, DateTimeKind.Utc));
        await SetCreatedAt(after.Id(), new DateTime(2025, 3, 11, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal([before.Str("orderNumber")], Numbers(await List(customer, "?endDate=2025-03-11T00:00:00Z")));
    }

    private Task SetCreatedAt(int orderId, DateTime createdAt) =>
        App.WithDbAsync(db => db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, createdAt)));

    [Fact]
    public async Task One_order_by_id_or_by_number_with_its_status_history()
    {
        var product = await App.AddProductAsync(3m, stock: 100);
        using var customer = await App.RegisterCustomerAsync();
        var placed = await customer.OrderAsync(product);
        var id = placed.Id();
        var number = placed.Str("orderNumber");

        var byId = (await customer.Client.GetApiAsync($"/api/v1/orders/{id}")).Data();
        var byNumber = (await customer.Client.GetApiAsync($"/api/v1/orders/{number}")).Data();
        var byLowerNumber = (await customer.Client.GetApiAsync($"/api/v1/orders/{number.ToLowerInvariant()}")).Data();
        Assert.Equal(id, byNumber.Id());
        Assert.Equal(id, byLowerNumber.Id());
        Assert.Equal(number, byId.Str("orderNumber"));
        Assert.Equal(placed.GetProperty("items").GetRawText(), byId.GetProperty("items").GetRawText());
        Assert.Equal(placed.Money("total"), byId.Money("total"));

        var history = byId.GetProperty("statusHistory").EnumerateArray().ToList();
        var entry = Assert.Single(history);
        Assert.Equal(["status", "timestamp", "note"], ApiAssert.PropertyNames(entry));
        Assert.Equal("pending", entry.Str("status"));
    }

    [Fact]
    public async Task Another_customers_order_is_404_by_id_and_by_number_but_the_admin_sees_it()
    {
        var product = await App.AddProductAsync(3m, stock: 100);
        using var owner = await App.RegisterCustomerAsync();
        using var other = await App.RegisterCustomerAsync();
        using var admin = await App.SignInAdminAsync();
        var placed = await owner.OrderAsync(product);
        var (id, number) = (placed.Id(), placed.Str("orderNumber"));

        (await other.Client.GetApiAsync($"/api/v1/orders/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Client.GetApiAsync($"/api/v1/orders/{number}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Client.PostApiAsync($"/api/v1/orders/{id}/cancel", new { reason = "mine now" })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Client.PostApiAsync($"/api/v1/orders/{number}/cancel", new { reason = "mine now" })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal("pending", (await owner.Client.GetApiAsync($"/api/v1/orders/{id}")).Data().Str("status"));

        Assert.Equal(owner.UserId, (await admin.Client.GetApiAsync($"/api/v1/orders/{id}")).Data().Str("userId"));
        Assert.Equal(id, (await admin.Client.GetApiAsync($"/api/v1/orders/{number}")).Data().Id());
        var all = await admin.Client.GetApiAsync($"/api/v1/orders?pageSize=100");
        Assert.Contains(number, Numbers(all.Data()));
        Assert.True(all.Data().Int("totalCount") >= 1);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("ORD-1999-000001")]
    [InlineData("nope")]
    public async Task An_unknown_order_is_404(string id)
    {
        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.GetApiAsync($"/api/v1/orders/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await customer.Client.PostApiAsync($"/api/v1/orders/{id}/cancel", new { })).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}

/// <summary>Cancelling and moving orders through their statuses.</summary>
public class OrderStatusApiTests(ShopperAdminFixture fixture) : IClassFixture<ShopperAdminFixture>
{
    private StoreApp App => fixture.App;
    private HttpClient Admin => fixture.Admin.Client;

    private Task<ApiReply> Move(int orderId, string status, string? note = null, string? trackingNumber = null, string? carrier = null) =>
        Admin.PutApiAsync($"/api/v1/orders/{orderId}/status", new { status, note, trackingNumber, carrier });

    [Fact]
    public async Task Cancelling_a_pending_order_restores_stock_and_returns_the_coupon_use()
    {
        var code = ShopData.NewCode("BACK");
        await App.AddCouponAsync(new Coupon { Code = code, Kind = CouponKind.Percentage, PercentOff = 10, UsageLimit = 1, PerCustomerLimit = 1 });
        var a = await App.AddProductAsync(10m, stock: 5);
        var b = await App.AddProductAsync(20m, stock: 3);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(a, 2);
        await customer.AddToCartAsync(b, 3);
        var order = await customer.PlaceOrderAsync(couponCode: code);
        Assert.Equal((3, 0), (await App.StockOfAsync(a), await App.StockOfAsync(b)));
        Assert.Equal(1, (await App.CouponAsync(code)).TimesUsed);

        var reply = await customer.Client.PostApiAsync($"/api/v1/orders/{order.Id()}/cancel", new { reason = "Changed my mind" });
        var data = reply.Data();
        Assert.Equal("Order cancelled successfully", reply.Body.Str("message"));
        Assert.Equal(order.Id(), data.Id());
        Assert.Equal("cancelled", data.Str("status"));
        Assert.Equal("Changed my mind", data.Str("cancelReason"));
        var cancelledAt = ApiAssert.UtcTimestamp(data.GetProperty("cancelledAt"));
        Assert.True(Math.Abs((DateTime.UtcNow - cancelledAt).TotalMinutes) < 5);
        Assert.Equal("cancelled", data.Str("paymentStatus"));
        Assert.Equal(["pending", "cancelled"], data.GetProperty("statusHistory").EnumerateArray().Select(h => h.Str("status")));

        Assert.Equal((5, 3), (await App.StockOfAsync(a), await App.StockOfAsync(b)));
        var coupon = await App.CouponAsync(code);
        Assert.Equal(0, coupon.TimesUsed);
        Assert.Equal(0, await App.WithDbAsync(db => db.CouponRedemptions.CountAsync(r => r.CouponId == coupon.Id)));

        // The coupon (limit 1 overall, 1 per customer) can be used again.
        await customer.AddToCartAsync(a);
        (await customer.Client.PostApiAsync("/api/v1/cart/apply-coupon", new { couponCode = code })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cancelling_twice_is_409_conflict_and_restores_stock_only_once()
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var order = await customer.OrderAsync(product);
        (await customer.Client.PostApiAsync($"/api/v1/orders/{order.Id()}/cancel", new { })).Expect(HttpStatusCode.OK);
        (await customer.Client.PostApiAsync($"/api/v1/orders/{order.Id()}/cancel", new { reason = "again" })).Error(HttpStatusCode.Conflict, "CONFLICT");
        (await Move(order.Id(), "cancelled")).Error(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(5, await App.StockOfAsync(product));
    }

    [Theory]
    [InlineData("paid", true)]
    [InlineData("processing", true)]
    [InlineData("shipped", false)]
    [InlineData("delivered", false)]
    public async Task An_order_can_be_cancelled_until_it_ships(string reached, bool cancellable)
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var order = await customer.OrderAsync(product);
        foreach (var status in new[] { "paid", "processing", "shipped", "delivered" })
        {
            (await Move(order.Id(), status)).Expect(HttpStatusCode.OK);
            if (status == reached) break;
        }

        var reply = await customer.Client.PostApiAsync($"/api/v1/orders/{order.Id()}/cancel", new { reason = "late" });
        if (cancellable)
        {
            Assert.Equal("cancelled", reply.Data().Str("status"));
            Assert.Equal(5, await App.StockOfAsync(product));
        }
        else
        {
            reply.Error(HttpStatusCode.Conflict, "CONFLICT");
            Assert.Equal(reached, (await customer.Client.GetApiAsync($"/api/v1/orders/{order.Id()}")).Data().Str("status"));
            Assert.Equal(4, await App.StockOfAsync(product));
        }
    }

    [Fact]
    public async Task The_admin_moves_an_order_step_by_step_to_delivered()
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var id = (await customer.OrderAsync(product)).Id();

        var reply = await Move(id, "paid");
        var paid = reply.Data();
        Assert.Equal("Order status updated", reply.Body.Str("message"));
        Assert.Equal("paid", paid.Str("status"));
        Assert.Equal("succeeded", paid.Str("paymentStatus"));
        ApiAssert.UtcTimestamp(paid.GetProperty("paidAt"));
        Assert.Equal("Payment confirmed", paid.GetProperty("statusHistory")[1].Str("note"));

        Assert.Equal("processing", (await Move(id, "processing", note: "Packing")).Data().Str("status"));

        var shipped = (await Move(id, "shipped", "Order shipped via FedEx", "123456789", "FedEx")).Data();
        Assert.Equal("shipped", shipped.Str("status"));
        Assert.Equal("123456789", shipped.Str("trackingNumber"));
        Assert.Equal("FedEx", shipped.Str("carrier"));
        ApiAssert.UtcTimestamp(shipped.GetProperty("shippedAt"));

        var delivered = (await Move(id, "delivered")).Data();
        Assert.Equal("delivered", delivered.Str("status"));
        ApiAssert.UtcTimestamp(delivered.GetProperty("deliveredAt"));
        // Tracking stays on the order after later moves.
        Assert.Equal("123456789", delivered.Str("trackingNumber"));
        Assert.Equal("FedEx", delivered.Str("carrier"));

        // The customer sees the same timeline.
        var order = (await customer.Client.GetApiAsync($"/api/v1/orders/{id}")).Data();
        var history = order.GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["pending", "paid", "processing", "shipped", "delivered"], history.Select(h => h.Str("status")));
        Assert.Equal("Packing", history[2].Str("note"));
        Assert.Equal("Order shipped via FedEx", history[3].Str("note"));
        Assert.Equal("123456789", history[3].Str("trackingNumber"));
        Assert.Equal("FedEx", history[3].Str("carrier"));
        Assert.False(history[4].TryGetProperty("trackingNumber", out _));
        var times = history.Select(h => ApiAssert.UtcTimestamp(h.GetProperty("timestamp"))).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Theory]
    [InlineData(new string[0], "shipped")]            // skipping steps
    [InlineData(new string[0], "delivered")]
    [InlineData(new[] { "paid" }, "pending")]           // going back
    [InlineData(new[] { "paid", "processing" }, "paid")]
    [InlineData(new[] { "paid" }, "paid")]              // the same status again
    [InlineData(new string[0], "pending")]
    [InlineData(new[] { "paid", "processing", "shipped", "delivered" }, "shipped")]
    public async Task Any_other_move_is_409_conflict_and_changes_nothing(string[] steps, string target)
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var id = (await customer.OrderAsync(product)).Id();
        foreach (var step in steps) (await Move(id, step)).Expect(HttpStatusCode.OK);
        var before = (await Admin.GetApiAsync($"/api/v1/orders/{id}")).Data();

        (await Move(id, target)).Error(HttpStatusCode.Conflict, "CONFLICT");

        var after = (await Admin.GetApiAsync($"/api/v1/orders/{id}")).Data();
        Assert.Equal(before.Str("status"), after.Str("status"));
        Assert.Equal(before.GetProperty("statusHistory").GetArrayLength(), after.GetProperty("statusHistory").GetArrayLength());
    }

    [Theory]
    [InlineData("teleported", "VALIDATION_ERROR")]
    [InlineData("refunded", "VALIDATION_ERROR")]
    [InlineData("3", "VALIDATION_ERROR")]
    [InlineData(null, "REQUIRED_FIELD")]
    public async Task An_unknown_status_is_400(string? status, string code)
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var id = (await customer.OrderAsync(product)).Id();
        (await Move(id, status!)).Error(HttpStatusCode.BadRequest, code, "status");
        Assert.Equal("pending", (await customer.Client.GetApiAsync($"/api/v1/orders/{id}")).Data().Str("status"));
    }

    [Fact]
    public async Task The_admin_cancelling_through_the_status_restores_stock()
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product, 4);
        var id = (await customer.PlaceOrderAsync()).Id();
        (await Move(id, "paid")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, await App.StockOfAsync(product));

        var cancelled = (await Move(id, "cancelled", note: "Out of business")).Data();
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Equal("Out of business", cancelled.Str("cancelReason"));
        Assert.Equal(5, await App.StockOfAsync(product));
        Assert.Equal("cancelled", (await customer.Client.GetApiAsync($"/api/v1/orders/{id}")).Data().Str("status"));
    }

    [Fact]
    public async Task A_customer_changing_a_status_is_403_and_an_unknown_order_is_404()
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var id = (await customer.OrderAsync(product)).Id();
        (await customer.Client.PutApiAsync($"/api/v1/orders/{id}/status", new { status = "paid" })).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal("pending", (await customer.Client.GetApiAsync($"/api/v1/orders/{id}")).Data().Str("status"));

        (await Move(999999, "paid")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task The_admin_can_cancel_any_customers_order()
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var id = (await customer.OrderAsync(product)).Id();
        Assert.Equal("cancelled", (await Admin.PostApiAsync($"/api/v1/orders/{id}/cancel", new { reason = "fraud" })).Data().Str("status"));
        Assert.Equal(5, await App.StockOfAsync(product));
    }
}
