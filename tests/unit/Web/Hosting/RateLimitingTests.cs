using System.Globalization;
using System.Net;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Web.Hosting;

public class RateCountersTests
{
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 3, 1, 10, 59, 50, TimeSpan.Zero));

    [Fact]
    public void Windows_follow_the_clock_and_every_bucket_must_have_room()
    {
        var counters = new RateCounters(_clock);
        var hour = new RateBucket("plan:a", new RateWindow(5, TimeSpan.FromHours(1)));
        var burst = new RateBucket("burst:a", new RateWindow(2, TimeSpan.FromSeconds(10)));

        var first = counters.TryTake(hour, burst);
        Assert.True(first.Allowed);
        Assert.Equal((5, 4), (first.Limit, first.Remaining));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero), first.Reset);
        Assert.True(counters.TryTake(hour, burst).Allowed);

        // The burst window (10:59:50–11:00:00) is full: refused, and the hourly count is not taken.
        var refused = counters.TryTake(hour, burst);
        Assert.False(refused.Allowed);
        Assert.Equal(3, refused.Remaining);
        Assert.Equal(10, refused.RetryAfterSeconds);

        _clock.Advance(TimeSpan.FromSeconds(10)); // 11:00:00, a new hour and a new burst window
        var next = counters.TryTake(hour, burst);
        Assert.True(next.Allowed);
        Assert.Equal(4, next.Remaining);
    }

    [Fact]
    public void An_idle_counter_is_kept_while_its_window_lasts_and_dropped_after()
    {
        var counters = new RateCounters(_clock);
        var hour = new RateWindow(2, TimeSpan.FromHours(1));
        _clock.Set(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        counters.TryTake(new RateBucket("idle", hour));
        counters.TryTake(new RateBucket("idle", hour));

        // 50 idle minutes and other traffic (which sweeps old counters) later, the count still holds.
        _clock.Advance(TimeSpan.FromMinutes(50));
        counters.TryTake(new RateBucket("other", hour));
        Assert.False(counters.TryTake(new RateBucket("idle", hour)).Allowed);

        // Once the hour is over, the swept counters are gone and "idle" starts again from zero.
        _clock.Advance(TimeSpan.FromMinutes(15));
        counters.TryTake(new RateBucket("third", hour));
        Assert.Equal(1, counters.Count);
        Assert.True(counters.TryTake(new RateBucket("idle", hour)).Allowed);
    }
}

/// <summary>Document 002's plan limits on /api/v1, with limits on (the test stores turn them off by default).</summary>
public class ApiRateLimitTests
{
    /// <summary>
    /// A clock standing still at the start of the current hour: counts never straddle a window's end while a test
    /// runs, and tokens issued on it are valid now.
    /// </summary>
    internal static FakeClock StillClock()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeClock(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero));
    }

    private static StoreApp LimitedApp(Dictionary<string, string?>? settings = null, FakeClock? clock = null)
    {
        clock ??= StillClock();
        var all = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true", ["Storage:DataPath"] = ShopperApp.NewDataPath(), ["Seed:DemoCatalog"] = "false",
            // Tokens are issued on the still clock (the start of this hour) and must still be valid in real time.
            ["Jwt:AccessTokenMinutes"] = "120",
            // These tests count requests, not failed sign-ins (SignInProtectionTests do that).
            ["Auth:FailedSignInsPerAccountAndIp"] = "1000", ["Auth:FailedSignInsPerIp"] = "1000", ["Auth:LockoutThreshold"] = "1001",
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        return new StoreApp(all, services =>
        {
            ShopperApp.FastPasswordHashing(services);
            services.AddSingleton<TimeProvider>(clock);
        });
    }

    internal static HttpRequestMessage From(string address, HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add(StoreApp.RemoteAddressHeader, address);
        return request;
    }

    internal static async Task<HttpResponseMessage> GetFrom(HttpClient client, string address, string url) =>
        await client.SendAsync(From(address, HttpMethod.Get, url));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header ({(int)response.StatusCode} {response.RequestMessage?.RequestUri})");

    [Fact]
    public async Task Every_api_response_carries_the_rate_limit_headers_and_counts_down()
    {
        using var app = LimitedApp();
        var client = app.CreateRawClient();

        foreach (var (url, status) in new[]
                 {
                     ("/api/v1/products", HttpStatusCode.OK), ("/api/v1/products/999999", HttpStatusCode.NotFound),
                     ("/api/v1/nope", HttpStatusCode.NotFound), ("/api/v1/cart", HttpStatusCode.Unauthorized),
                     ("/api/v1/products?pageSize=abc", HttpStatusCode.BadRequest),
                 })
        {
            using var response = await GetFrom(client, "203.0.113.10", url);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("100", Header(response, "X-RateLimit-Limit"));
            var reset = long.Parse(Header(response, "X-RateLimit-Reset"), CultureInfo.InvariantCulture);
            var resetAt = DateTimeOffset.FromUnixTimeSeconds(reset);
            Assert.Equal(0, resetAt.Minute + resetAt.Second); // the end of the current clock hour
            Assert.InRange(resetAt - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromHours(1));
        }
        using var sixth = await GetFrom(client, "203.0.113.10", "/api/v1/categories");
        Assert.Equal("94", Header(sixth, "X-RateLimit-Remaining"));

        // Pages are not API responses.
        using var page = await GetFrom(client, "203.0.113.10", "/");
        Assert.False(page.Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task A_guest_over_the_burst_gets_429_with_the_envelope_and_retry_after()
    {
        using var app = LimitedApp();
        var client = app.CreateRawClient();
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetFrom(client, "203.0.113.20", "/api/v1/categories")).StatusCode);

        using var refused = await GetFrom(client, "203.0.113.20", "/api/v1/categories");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Header(refused, "Retry-After"), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 10);
        var body = await refused.ReadJsonAsync();
        var error = ApiAssert.Error(body, "RATE_LIMIT_EXCEEDED", null, "/api/v1/categories");
        Assert.Equal(retryAfter, body.GetProperty("retryAfter").GetInt32());
        Assert.Contains($"Try again in {retryAfter} second", error.ErrorMessage());
        Assert.Equal("90", Header(refused, "X-RateLimit-Remaining"));

        // Another client address is another guest.
        Assert.Equal(HttpStatusCode.OK, (await GetFrom(client, "203.0.113.21", "/api/v1/categories")).StatusCode);
    }

    [Fact]
    public async Task A_guest_over_the_hourly_quota_waits_until_the_next_hour()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 12, 7, 9, 59, 15, TimeSpan.Zero));
        using var app = LimitedApp(new() { ["RateLimiting:Plans:Guest:RequestsPerHour"] = "3" }, clock);
        var client = app.CreateRawClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetFrom(client, "203.0.113.30", "/api/v1/categories")).StatusCode);

        using var refused = await GetFrom(client, "203.0.113.30", "/api/v1/categories");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("45", Header(refused, "Retry-After"));
        Assert.Equal("0", Header(refused, "X-RateLimit-Remaining"));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Header(refused, "X-RateLimit-Reset"));

        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(HttpStatusCode.OK, (await GetFrom(client, "203.0.113.30", "/api/v1/categories")).StatusCode);
    }

    [Fact]
    public async Task Signed_in_callers_are_counted_per_account_with_their_plan()
    {
        using var app = LimitedApp(new() { ["RateLimiting:Plans:Guest:Burst"] = "100", ["RateLimiting:Actions:SignIn:PermitLimit"] = "100",
            ["RateLimiting:Actions:Registration:PermitLimit"] = "100" });
        using var customer = await app.RegisterCustomerAsync();
        using var admin = await app.SignInAdminAsync();

        // The guest quota of this address is used up …
        var anonymous = app.CreateRawClient();
        for (var i = 0; i < 100; i++) await GetFrom(anonymous, "198.51.100.7", "/api/v1/categories");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetFrom(anonymous, "198.51.100.7", "/api/v1/categories")).StatusCode);

        // … but a customer and an admin at the same address have their own, larger ones.
        using var mine = await GetFrom(customer.Client, "198.51.100.7", "/api/v1/cart");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("1000", Header(mine, "X-RateLimit-Limit"));
        Assert.Equal("999", Header(mine, "X-RateLimit-Remaining"));
        using var admins = await GetFrom(admin.Client, "198.51.100.7", "/api/v1/admin/customers");
        Assert.Equal(HttpStatusCode.OK, admins.StatusCode);
        Assert.Equal("10000", Header(admins, "X-RateLimit-Limit"));

        // The customer's count follows the account to another address.
        using var elsewhere = await GetFrom(customer.Client, "192.0.2.99", "/api/v1/cart");
        Assert.Equal("998", Header(elsewhere, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Sign_in_and_password_resets_have_tighter_limits_per_address()
    {
        using var app = LimitedApp(new() { ["RateLimiting:Plans:Guest:Burst"] = "100" });
        var client = app.CreateRawClient();

        async Task<HttpStatusCode> Post(string address, string url, object body)
        {
            var request = From(address, HttpMethod.Post, url);
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await Post("203.0.113.40", "/api/v1/auth/login", new { email = "x@test.example", password = "wrong" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Post("203.0.113.40", "/api/v1/auth/login", new { email = "x@test.example", password = "wrong" }));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post("203.0.113.41", "/api/v1/auth/login", new { email = "x@test.example", password = "wrong" }));

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, await Post("203.0.113.42", "/api/v1/users/forgot-password", new { email = $"n{i}@test.example" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Post("203.0.113.42", "/api/v1/users/forgot-password", new { email = "n@test.example" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Post("203.0.113.42", "/api/v1/users/reset-password", new { email = "n@test.example", token = "t", newPassword = "x" }));

        for (var i = 0; i < 5; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await Post("203.0.113.43", "/api/v1/auth/register", new { email = $"r{i}@test.example" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Post("203.0.113.43", "/api/v1/auth/register", new { email = "r@test.example" }));
    }

    [Fact]
    public async Task Coupon_attempts_are_limited_per_account_across_addresses()
    {
        using var app = LimitedApp(new() { ["RateLimiting:Actions:Coupon:PermitLimit"] = "3" });
        using var customer = await app.RegisterCustomerAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var request = From($"192.0.2.{10 + i}", HttpMethod.Post, "/api/v1/cart/apply-coupon");
            request.Content = System.Net.Http.Json.JsonContent.Create(new { couponCode = "NOPE" });
            using var response = await customer.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Reviews_are_limited_per_account()
    {
        using var app = LimitedApp();
        using var customer = await app.RegisterCustomerAsync();
        var productId = await app.AddProductAsync(5m);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var reply = await customer.Client.PostApiAsync($"/api/v1/products/{productId}/reviews", new { rating = 5, title = "Fine", comment = "Fine." });
            statuses.Add(reply.Status);
        }
        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Forbidden, s)); // never bought it
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [Fact]
    public async Task Reset_mails_to_one_address_are_capped_silently()
    {
        using var app = LimitedApp(new() { ["RateLimiting:Actions:PasswordReset:PermitLimit"] = "100", ["RateLimiting:Plans:Guest:Burst"] = "100" });
        using var customer = await app.RegisterCustomerAsync();
        var client = app.CreateRawClient();
        var answers = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var reply = await client.PostApiAsync("/api/v1/users/forgot-password", new { email = customer.Email });
            answers.Add(reply.Expect(HttpStatusCode.OK).Body.Str("message"));
        }
        Assert.Single(answers.Distinct());
        Assert.Equal(3, app.MailsTo(customer.Email, Mailbox.ResetSubject).Count);
    }

    [Fact]
    public async Task Switched_off_nothing_is_limited_or_announced()
    {
        using var app = LimitedApp(new() { ["RateLimiting:Enabled"] = "false" });
        var client = app.CreateRawClient();
        for (var i = 0; i < 30; i++)
        {
            using var response = await GetFrom(client, "203.0.113.50", "/api/v1/categories");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("X-RateLimit-Limit"));
        }
        for (var i = 0; i < 12; i++)
        {
            var request = From("203.0.113.50", HttpMethod.Post, "/api/v1/users/forgot-password");
            request.Content = System.Net.Http.Json.JsonContent.Create(new { email = "a@test.example" });
            using var reset = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }
    }
}

/// <summary>The storefront: page views never limited, its form posts limited with an answer a shopper understands.</summary>
public class StorefrontRateLimitTests
{
    private static StoreApp LimitedApp() => new(new Dictionary<string, string?>
    {
        ["Storage:DataPath"] = ShopperApp.NewDataPath(),
        ["Seed:DemoCatalog"] = "false",
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:Actions:StorefrontForm:PermitLimit"] = "5",
        ["RateLimiting:Actions:SignIn:PermitLimit"] = "2",
        ["RateLimiting:Plans:Guest:RequestsPerHour"] = "1",
        ["RateLimiting:Plans:Guest:Burst"] = "1",
    }, services => services.AddSingleton<TimeProvider>(ApiRateLimitTests.StillClock()));

    [Fact]
    public async Task Page_views_static_files_and_health_checks_are_never_limited()
    {
        using var app = LimitedApp();
        var productId = await app.AddProductAsync(9.99m);
        var slug = await app.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Slug).SingleAsync());
        var client = app.CreateRawClient();
        foreach (var url in new[] { "/", $"/products/{slug}", "/account/login", "/cart", "/health/live", "/favicon.png", "/app.css", "/no-such-page" })
        {
            for (var i = 0; i < 15; i++)
            {
                using var get = await ApiRateLimitTests.GetFrom(client, "203.0.113.60", url);
                Assert.NotEqual(HttpStatusCode.TooManyRequests, get.StatusCode);
                using var head = await client.SendAsync(ApiRateLimitTests.From("203.0.113.60", HttpMethod.Head, url));
                Assert.NotEqual(HttpStatusCode.TooManyRequests, head.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Anonymous_add_to_cart_posts_are_limited_and_answered_with_a_message_to_wait()
    {
        using var app = LimitedApp();
        var productId = await app.AddProductAsync(9.99m, stock: 100);
        var client = app.CreateRawClient();

        async Task<HttpResponseMessage> AddToCart()
        {
            var request = ApiRateLimitTests.From("203.0.113.61", HttpMethod.Post, "/cart/add");
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["productId"] = productId.ToString(CultureInfo.InvariantCulture), ["returnUrl"] = "/c/things" });
            return await client.SendAsync(request);
        }

        for (var i = 0; i < 5; i++) (await AddToCart()).Dispose();
        using var refused = await AddToCart();
        Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
        Assert.Equal("/c/things", refused.Headers.Location?.OriginalString);
        var flash = Assert.Single(refused.SetCookies(), c => c.StartsWith("store.flash=", StringComparison.Ordinal));
        Assert.Contains("wait", Uri.UnescapeDataString(flash));

        // Each of the five allowed posts (no cookie: a new visitor each time) made a cart; the refused one did not.
        Assert.Equal(5, await app.WithDbAsync(db => db.Carts.CountAsync()));
    }

    [Fact]
    public async Task A_limited_sign_in_form_returns_to_the_sign_in_page_with_a_message()
    {
        using var app = LimitedApp();
        var client = app.CreateRawClient();
        for (var i = 0; i < 2; i++)
        {
            using var post = await client.SendAsync(ApiRateLimitTests.From("203.0.113.62", HttpMethod.Post, "/account/login?returnUrl=%2Fcart"));
            Assert.NotEqual(HttpStatusCode.SeeOther, post.StatusCode);
        }
        using var refused = await client.SendAsync(ApiRateLimitTests.From("203.0.113.62", HttpMethod.Post, "/account/login?returnUrl=%2Fcart"));
        Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Fcart", refused.Headers.Location?.OriginalString);
        Assert.Contains(refused.SetCookies(), c => c.StartsWith("store.flash=", StringComparison.Ordinal) && Uri.UnescapeDataString(Uri.UnescapeDataString(c)).Contains("Please wait"));

        // The page itself still opens, and shows the message.
        var browser = app.CreateRawClient();
        var request = ApiRateLimitTests.From("203.0.113.62", HttpMethod.Get, "/account/login?returnUrl=%2Fcart");
        request.Headers.Add("Cookie", refused.SetCookies().First(c => c.StartsWith("store.flash=", StringComparison.Ordinal)).Split(';')[0]);
        using var page = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("too often", (await page.ReadHtmlAsync()).Body!.TextContent);
    }
}

public class AnonymousCartCleanupTests
{
    [Fact]
    public async Task Anonymous_carts_untouched_for_the_configured_days_are_removed_with_their_lines()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Cart:AnonymousDays"] = "30" });
        using var customer = await app.RegisterCustomerAsync();
        var productId = await app.AddProductAsync(5m, stock: 50);
        var now = clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            ShoppingCart Cart(string? user, int daysAgo) => new()
            {
                UserId = user, AnonymousId = user is null ? Guid.NewGuid() : null,
                Items = [new CartItem { ProductId = productId, Quantity = 1, AddedAt = now.AddDays(-daysAgo) }],
            };
            db.Carts.AddRange(Cart(null, 31), Cart(null, 29), Cart(customer.UserId, 400));
            await db.SaveChangesAsync();
            // The timestamp interceptor stamps "now": set the ages afterwards.
            var carts = await db.Carts.OrderBy(c => c.Id).ToListAsync();
            foreach (var (cart, days) in carts.Zip(new[] { 31, 29, 400 }))
                await db.Carts.Where(c => c.Id == cart.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now.AddDays(-days)));
        });

        var cleanup = new AnonymousCartCleanup(app.Services.GetRequiredService<IDbContextFactory<Ecommerce.Shared.Data.AppDbContext>>(),
            Microsoft.Extensions.Options.Options.Create(new CartOptions { AnonymousDays = 30 }), clock);
        Assert.Equal(1, await cleanup.RemoveStaleCartsAsync());

        var left = await app.WithDbAsync(db => db.Carts.OrderBy(c => c.Id).Select(c => new { c.UserId, Items = c.Items.Count }).ToListAsync());
        Assert.Equal(2, left.Count);
        Assert.Null(left[0].UserId);
        Assert.Equal(customer.UserId, left[1].UserId);
        Assert.Equal(2, await app.WithDbAsync(db => db.CartItems.CountAsync()));
    }

    [Fact]
    public void The_cleanup_runs_as_a_hosted_service()
    {
        using var app = ShopperApp.Create();
        Assert.Contains(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is Ecommerce.Web.Hosting.AnonymousCartCleanupJob);
    }
}
