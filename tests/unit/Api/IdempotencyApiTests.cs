using System.Net;
using Ecommerce.Shared.Idempotency;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>Idempotency-Key on POST /api/v1/orders (document 002, "Use Idempotency Keys for Critical Operations").</summary>
public class IdempotencyApiTests
{
    private const string Key = "Idempotency-Key";

    private static Task<ApiReply> OrderAsync(ApiSession customer, int addressId, string? key, string? notes = null) =>
        customer.Client.SendApiAsync(HttpMethod.Post, "/api/v1/orders",
            new { shippingAddressId = addressId.ToString(), paymentMethodId = "bank_transfer", notes },
            key is null ? [] : [(Key, key)]);

    private static Task<int> OrdersOfAsync(StoreApp app, ApiSession customer) =>
        app.WithDbAsync(db => db.Orders.CountAsync(o => o.UserId == customer.UserId));

    [Fact]
    public async Task A_hundred_copies_of_one_order_request_sent_at_once_place_one_order_and_all_get_its_answer()
    {
        using var app = ShopperApp.Create();
        var product = await app.AddProductAsync(12m, stock: 50);
        using var customer = await app.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product, 2);
        var key = Guid.NewGuid().ToString();

        var replies = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => OrderAsync(customer, address, key)));

        Assert.All(replies, r => r.Expect(HttpStatusCode.Created));
        Assert.Equal(1, await OrdersOfAsync(app, customer));
        Assert.Single(replies.Select(r => r.Data(HttpStatusCode.Created).Str("id")).Distinct());
        Assert.Equal(99, replies.Count(r => r.Header("Idempotent-Replayed") == "true"));
        Assert.Single(replies, r => r.Header("Idempotent-Replayed") is null);
        Assert.All(replies, r => Assert.StartsWith("/api/v1/orders/", r.Header("Location")));
        Assert.Equal(48, await app.StockOfAsync(product));
    }

    [Fact]
    public async Task A_replay_after_the_first_answer_returns_it_unchanged_and_does_no_work()
    {
        using var app = ShopperApp.Create();
        var product = await app.AddProductAsync(10m, stock: 10);
        using var customer = await app.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product);
        var key = Guid.NewGuid().ToString();

        var first = await OrderAsync(customer, address, key);
        first.Expect(HttpStatusCode.Created);
        Assert.Null(first.Header("Idempotent-Replayed"));
        // Something new in the cart: a replay must not order it.
        await customer.AddToCartAsync(product, 3);

        var replay = await OrderAsync(customer, address, key);

        replay.Expect(HttpStatusCode.Created);
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.Equal(first.RawBody, replay.RawBody);
        Assert.Equal(first.Header("Location"), replay.Header("Location"));
        Assert.Equal(1, await OrdersOfAsync(app, customer));
        Assert.Equal(3, (await customer.CartAsync()).GetProperty("items")[0].Int("quantity"));
        Assert.Equal(9, await app.StockOfAsync(product));

        // Without a key, the same request is a new order.
        (await OrderAsync(customer, address, key: null)).Expect(HttpStatusCode.Created);
        Assert.Equal(2, await OrdersOfAsync(app, customer));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_refused_with_422_and_places_nothing()
    {
        using var app = ShopperApp.Create();
        var product = await app.AddProductAsync(10m);
        using var customer = await app.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product);
        var key = Guid.NewGuid().ToString();
        (await OrderAsync(customer, address, key, notes: "Leave at the door")).Expect(HttpStatusCode.Created);
        await customer.AddToCartAsync(product);

        var reused = await OrderAsync(customer, address, key, notes: "Ring twice");

        var error = reused.Error(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key");
        Assert.Contains("different request", error.ErrorMessage(), StringComparison.Ordinal);
        Assert.Null(reused.Header("Idempotent-Replayed"));
        Assert.Equal(1, await OrdersOfAsync(app, customer));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_a_400_and_one_of_255_is_accepted()
    {
        using var app = ShopperApp.Create();
        var product = await app.AddProductAsync(10m);
        using var customer = await app.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product);

        (await OrderAsync(customer, address, new string('k', 256))).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "Idempotency-Key");
        (await OrderAsync(customer, address, "   ")).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "Idempotency-Key");
        Assert.Equal(0, await OrdersOfAsync(app, customer));

        (await OrderAsync(customer, address, new string('k', 255))).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_refused_order_stays_refused_for_its_key_and_a_new_key_places_it()
    {
        using var app = ShopperApp.Create();
        var product = await app.AddProductAsync(10m, stock: 1);
        using var customer = await app.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        var key = Guid.NewGuid().ToString();

        var empty = await OrderAsync(customer, address, key);
        empty.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "cart");
        await customer.AddToCartAsync(product);

        var replay = await OrderAsync(customer, address, key);
        Assert.Equal(empty.RawBody, replay.RawBody);
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.Equal(0, await OrdersOfAsync(app, customer));

        (await OrderAsync(customer, address, Guid.NewGuid().ToString())).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        using var app = ShopperApp.Create();
        var product = await app.AddProductAsync(10m);
        using var first = await app.RegisterCustomerAsync();
        using var second = await app.RegisterCustomerAsync();
        var key = Guid.NewGuid().ToString();
        foreach (var customer in new[] { first, second })
        {
            var address = await customer.AddAddressAsync();
            await customer.AddToCartAsync(product);
            var reply = await OrderAsync(customer, address, key);
            reply.Expect(HttpStatusCode.Created);
            Assert.Null(reply.Header("Idempotent-Replayed"));
        }
        Assert.Equal(1, await OrdersOfAsync(app, first));
        Assert.Equal(1, await OrdersOfAsync(app, second));
    }

    [Fact]
    public async Task A_key_survives_a_restart_of_the_store()
    {
        var settings = new Dictionary<string, string?> { ["Storage:DataPath"] = ShopperApp.NewDataPath() };
        string accessToken, body;
        int address;
        var key = Guid.NewGuid().ToString();
        IReadOnlyDictionary<string, string?> databaseSettings;
        using (var first = new StoreApp(new Dictionary<string, string?>(settings) { ["Seed:DemoCatalog"] = "false" }, ShopperApp.FastPasswordHashing) { KeepDataFolder = true })
        {
            var product = await first.AddProductAsync(10m);
            using var customer = await first.RegisterCustomerAsync();
            address = await customer.AddAddressAsync();
            await customer.AddToCartAsync(product);
            accessToken = customer.AccessToken;
            body = (await OrderAsync(customer, address, key)).Expect(HttpStatusCode.Created).RawBody;
            databaseSettings = first.DatabaseSettings;
        }

        foreach (var (name, value) in databaseSettings) settings[name] = value;
        using var second = ShopperApp.Create(settings);
        using var client = second.CreateBearerClient(accessToken);
        var replay = await client.SendApiAsync(HttpMethod.Post, "/api/v1/orders",
            new { shippingAddressId = address.ToString(), paymentMethodId = "bank_transfer", notes = (string?)null }, (Key, key));

        replay.Expect(HttpStatusCode.Created);
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.Equal(body, replay.RawBody);
        Assert.Equal(1, await second.WithDbAsync(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task A_repeat_while_the_first_request_is_still_running_gets_409_after_the_wait_and_an_abandoned_one_runs_again()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Idempotency:WaitSeconds"] = "0", ["Idempotency:AbandonAfterSeconds"] = "60" });
        var product = await app.AddProductAsync(10m);
        using var customer = await app.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product);
        var key = Guid.NewGuid().ToString();
        (await OrderAsync(customer, address, key)).Expect(HttpStatusCode.Created);
        // As if the first request were still running (on this or another instance): claimed, no answer yet.
        await app.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAt, (DateTime?)null).SetProperty(r => r.CreatedAt, DateTime.UtcNow)));

        var busy = await OrderAsync(customer, address, key);

        var error = busy.Error(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Contains("still being processed", error.ErrorMessage(), StringComparison.Ordinal);
        Assert.Equal("1", busy.Header("Retry-After"));
        Assert.Equal(1, await OrdersOfAsync(app, customer));

        // A claim older than Idempotency:AbandonAfterSeconds died with its instance: the next attempt runs the request
        // (here the cart is empty by now, so it is refused — and that answer is what the key keeps).
        await app.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, DateTime.UtcNow.AddMinutes(-5))));
        var rerun = await OrderAsync(customer, address, key);
        rerun.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "cart");
        Assert.Null(rerun.Header("Idempotent-Replayed"));
        Assert.Equal("true", (await OrderAsync(customer, address, key)).Header("Idempotent-Replayed"));
        Assert.Equal(1, await OrdersOfAsync(app, customer));
    }

    [Fact]
    public async Task Expired_keys_are_purged_and_an_expired_key_starts_a_new_operation()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { ["Idempotency:Hours"] = "1" });
        var product = await app.AddProductAsync(10m);
        using var customer = await app.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product);
        var key = Guid.NewGuid().ToString();
        (await OrderAsync(customer, address, key)).Expect(HttpStatusCode.Created);
        var record = await app.WithDbAsync(db => db.IdempotencyRecords.SingleAsync(r => r.Key == key));
        Assert.InRange(record.ExpiresAt - record.CreatedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));

        await app.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));
        await customer.AddToCartAsync(product);
        // Past its time the key is free again: another body is a new operation, not a reuse.
        (await OrderAsync(customer, address, key, notes: "Second order")).Expect(HttpStatusCode.Created);
        Assert.Equal(2, await OrdersOfAsync(app, customer));

        await app.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PurgeExpiredAsync());
        Assert.False(await app.WithDbAsync(db => db.IdempotencyRecords.AnyAsync(r => r.Key == key)));
    }

    [Fact]
    public async Task The_purge_job_runs_at_start_up_under_its_lease()
    {
        var settings = new Dictionary<string, string?> { ["Storage:DataPath"] = ShopperApp.NewDataPath(), ["Seed:DemoCatalog"] = "false" };
        IReadOnlyDictionary<string, string?> databaseSettings;
        using (var first = new StoreApp(settings, ShopperApp.FastPasswordHashing) { KeepDataFolder = true })
        {
            first.CreateRawClient().Dispose(); // starts the app (and its migrations)
            await first.WithDbAsync(async db =>
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "user:x", Key = "old", RequestHash = "h", CreatedAt = DateTime.UtcNow.AddDays(-2), ExpiresAt = DateTime.UtcNow.AddDays(-1) });
                db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "user:x", Key = "fresh", RequestHash = "h", CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1) });
                await db.SaveChangesAsync();
            });
            databaseSettings = first.DatabaseSettings;
        }

        foreach (var (name, value) in databaseSettings) settings[name] = value;
        using var second = ShopperApp.Create(settings);
        second.CreateRawClient().Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await second.WithDbAsync(db => db.IdempotencyRecords.AnyAsync(r => r.Key == "old")) && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.Equal(["fresh"], await second.WithDbAsync(db => db.IdempotencyRecords.Select(r => r.Key).ToListAsync()));
        Assert.NotNull(await second.WithDbAsync(db => db.JobLeases.SingleOrDefaultAsync(l => l.Name == "idempotency-purge")));
    }
}
