using System.Net;
using System.Net.Http.Json;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Payments;
using Ecommerce.Tests.Unit.Infrastructure;
using Ecommerce.Tests.Unit.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// The store's business metrics (meter "Ecommerce.Store") are recorded by the real services and handlers. Each test
/// store has its own meter factory, so a collector sees only its own store's measurements.
/// </summary>
public class CheckoutMetricsTests(CheckoutMetricsTests.Fixture fixture) : IClassFixture<CheckoutMetricsTests.Fixture>
{
    /// <summary>A shopper store that also offers two test payment methods: one the provider declines, one that throws.</summary>
    public sealed class Fixture : IDisposable
    {
        public StoreApp App { get; } = new(
            new Dictionary<string, string?> { ["Storage:DataPath"] = ShopperApp.NewDataPath(), ["Seed:DemoCatalog"] = "false" },
            services =>
            {
                ShopperApp.FastPasswordHashing(services);
                services.AddSingleton<IPaymentMethod>(new TestPaymentMethod("test_declined", PaymentStatus.Failed));
                services.AddSingleton<IPaymentMethod>(new TestPaymentMethod("test_broken", null));
            });

        public void Dispose() => App.Dispose();
    }

    /// <summary>A payment method whose provider answers <paramref name="status"/>, or cannot be reached when it is null.</summary>
    internal sealed class TestPaymentMethod(string id, PaymentStatus? status) : IPaymentMethod
    {
        public string Id => id;
        public string Name => id;
        public string Description => id;

        public Task<PaymentStart> StartAsync(int orderId, long amountCents, string currency, CancellationToken cancellationToken) =>
            status is { } answer
                ? Task.FromResult(new PaymentStart("testpay", answer))
                : throw new HttpRequestException("The payment provider cannot be reached.");
    }

    private StoreApp App => fixture.App;

    private static Task<ApiReply> Place(ApiSession customer, int address, string paymentMethodId) =>
        customer.Client.PostApiAsync("/api/v1/orders", new { shippingAddressId = address.ToString(), paymentMethodId });

    [Fact]
    public async Task Placing_an_order_counts_it_by_payment_method_and_records_a_placed_checkout()
    {
        using var placed = App.Collect<long>(StoreMetrics.OrdersPlacedName);
        using var duration = App.Collect<double>(StoreMetrics.CheckoutDurationName);
        var product = await App.AddProductAsync(12m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product, 2);

        (await Place(customer, address, "cash_on_delivery")).Expect(HttpStatusCode.Created);

        Assert.Equal(1, placed.Sum(("payment.method", "cash_on_delivery")));
        Assert.Equal(0, placed.Sum(("payment.method", "bank_transfer")));
        var checkout = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal(StoreMetrics.Outcomes.Placed, checkout.Tags["outcome"]);
        Assert.False(checkout.Tags.ContainsKey("reason"));
        Assert.InRange(checkout.Value, 0.0000001, 60);
    }

    [Fact]
    public async Task A_checkout_refused_for_stock_records_its_code_and_places_nothing()
    {
        using var placed = App.Collect<long>(StoreMetrics.OrdersPlacedName);
        using var duration = App.Collect<double>(StoreMetrics.CheckoutDurationName);
        var product = await App.AddProductAsync(30m, stock: 2);
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product, 2);
        await App.SetStockAsync(product, 0); // sold elsewhere meanwhile

        (await Place(customer, address, "bank_transfer")).Error(HttpStatusCode.Conflict, ErrorCodes.InsufficientStock, "quantity");

        Assert.Empty(placed.GetMeasurementSnapshot());
        var checkout = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal((StoreMetrics.Outcomes.Refused, ErrorCodes.InsufficientStock), (checkout.Tags["outcome"], checkout.Tags["reason"]));
    }

    [Fact]
    public async Task A_declined_payment_and_a_provider_that_fails_are_payment_failures()
    {
        using var failures = App.Collect<long>(StoreMetrics.PaymentFailuresName);
        using var duration = App.Collect<double>(StoreMetrics.CheckoutDurationName);
        var product = await App.AddProductAsync(8m, stock: 10);
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();

        // Declined: the order stands with its failed payment (today's rule; the card provider's issue decides more).
        await customer.AddToCartAsync(product);
        (await Place(customer, address, "test_declined")).Expect(HttpStatusCode.Created);
        Assert.Equal(1, failures.Sum(("payment.method", "test_declined"), ("payment.provider", "testpay"), ("reason", "declined")));

        // The provider cannot be reached: no order, a 500, a failed checkout and a payment failure.
        await customer.AddToCartAsync(product);
        (await Place(customer, address, "test_broken")).Expect(HttpStatusCode.InternalServerError);
        Assert.Equal(1, failures.Sum(("payment.method", "test_broken"), ("reason", "error")));
        Assert.Equal(2, failures.Sum());
        Assert.Equal(1, await App.WithDbAsync(db => db.Orders.CountAsync(o => o.UserId == customer.UserId)));
        Assert.Equal([StoreMetrics.Outcomes.Placed, StoreMetrics.Outcomes.Failed],
            duration.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]).ToArray());
    }
}

/// <summary>Catalog cache hits, misses and bypasses, so that a hit ratio can be computed.</summary>
public class CatalogCacheMetricsTests
{
    [Fact]
    public async Task Hits_misses_and_bypasses_of_the_catalog_cache_are_counted_by_policy()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Caching:CatalogSeconds"] = "60" });
        using var requests = app.Collect<long>(StoreMetrics.CatalogCacheName);
        var product = await app.AddProductAsync(15m);
        var client = app.CreateRawClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);      // miss
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);      // hit
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);      // hit
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/products/{product}")).StatusCode); // miss
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/products/{product}")).StatusCode); // hit
        using var customer = await app.RegisterCustomerAsync();
        Assert.Equal(HttpStatusCode.OK, (await customer.Client.GetAsync("/api/v1/products")).StatusCode); // bypass: signed in

        Assert.Equal((1L, 2L, 1L), (requests.Sum(("result", "miss"), ("policy", "listings")),
            requests.Sum(("result", "hit"), ("policy", "listings")), requests.Sum(("result", "bypass"), ("policy", "listings"))));
        Assert.Equal((1L, 1L), (requests.Sum(("result", "miss"), ("policy", "product")), requests.Sum(("result", "hit"), ("policy", "product"))));
        Assert.Equal(6, requests.Sum());
    }

    [Fact]
    public async Task Nothing_is_counted_while_the_cache_is_off()
    {
        using var app = ShopperApp.Create(); // Caching:CatalogSeconds=0 in tests
        using var requests = app.Collect<long>(StoreMetrics.CatalogCacheName);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateRawClient().GetAsync("/api/v1/products")).StatusCode);
        Assert.Empty(requests.GetMeasurementSnapshot());
    }
}

/// <summary>Rate-limit rejections, by kind (plan, action) and policy.</summary>
public class RateLimitMetricsTests
{
    [Fact]
    public async Task Rejections_are_counted_by_plan_and_by_action()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Plans:Guest:Burst"] = "3",
            ["RateLimiting:Actions:SignIn:PermitLimit"] = "1",
            ["RateLimiting:Actions:StorefrontForm:PermitLimit"] = "1",
            // Failed sign-ins are another counter (SignInProtectionTests); this test counts requests only.
            ["Auth:FailedSignInsPerAccountAndIp"] = "100", ["Auth:FailedSignInsPerIp"] = "100", ["Auth:LockoutThreshold"] = "101",
        });
        using var rejections = app.Collect<long>(StoreMetrics.RateLimitRejectionsName);
        var client = app.CreateRawClient();

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await ApiRateLimitTests.GetFrom(client, "203.0.113.40", "/api/v1/categories")).StatusCode);
        Assert.Empty(rejections.GetMeasurementSnapshot());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ApiRateLimitTests.GetFrom(client, "203.0.113.40", "/api/v1/categories")).StatusCode);
        Assert.Equal(1, rejections.Sum(("kind", "plan"), ("policy", "Guest")));

        foreach (var expected in new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests })
        {
            var request = ApiRateLimitTests.From("203.0.113.41", HttpMethod.Post, "/api/v1/auth/login");
            request.Content = JsonContent.Create(new { email = "nobody@test.example", password = "Wrong-Passw0rd!" });
            Assert.Equal(expected, (await client.SendAsync(request)).StatusCode);
        }
        Assert.Equal(1, rejections.Sum(("kind", "action"), ("policy", "SignIn")));

        // A storefront form over its limit is answered with the page's message (a redirect), and counted the same way.
        Task<HttpResponseMessage> AddToCart()
        {
            var request = ApiRateLimitTests.From("203.0.113.42", HttpMethod.Post, "/cart/add");
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["productId"] = "1", ["returnUrl"] = "/c/things" });
            return client.SendAsync(request);
        }
        (await AddToCart()).Dispose();
        Assert.Equal(0, rejections.Sum(("policy", "StorefrontForm")));
        using var refused = await AddToCart();
        Assert.Equal((HttpStatusCode.SeeOther, "/c/things"), (refused.StatusCode, refused.Headers.Location?.OriginalString));
        Assert.Equal(1, rejections.Sum(("kind", "action"), ("policy", "StorefrontForm")));
        Assert.Equal(3, rejections.Sum());
    }
}
