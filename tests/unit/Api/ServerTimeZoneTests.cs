using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>Tests that change the process's local time zone; they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalTimeZoneCollection
{
    public const string Name = "Local time zone";
}

/// <summary>
/// API times are UTC (DESIGN: "Times are stored in UTC"; docs/api.md: "Times are UTC"; the order list: "Orders placed
/// at or after this time (UTC)"), so what a request means must not depend on the time zone of the machine the store
/// runs on. These tests run the store as if the machine were set to another zone.
/// </summary>
[Collection(LocalTimeZoneCollection.Name)]
public class ServerTimeZoneTests(ShopperAppFixture fixture) : IClassFixture<ShopperAppFixture>
{
    [Theory]
    [InlineData("America/Los_Angeles")]
    [InlineData("Asia/Tokyo")]
    public async Task Date_filters_mean_utc_days_whatever_the_servers_time_zone(string timeZone)
    {
        var original = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", timeZone);
        TimeZoneInfo.ClearCachedData();
        try
        {
            Assert.NotEqual(TimeSpan.Zero, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc)));
            var app = fixture.App;
            var product = await app.AddProductAsync(3m, stock: 10);
            using var customer = await app.RegisterCustomerAsync();
            var ninth = await customer.OrderAsync(product);
            var tenth = await customer.OrderAsync(product);
            var eleventh = await customer.OrderAsync(product);
            await SetCreatedAt(app, ninth.Id(), new DateTime(2025, 3, 9, 20, 0, 0, DateTimeKind.Utc));
            await SetCreatedAt(app, tenth.Id(), new DateTime(2025, 3, 10, 12, 0, 0, DateTimeKind.Utc));
            await SetCreatedAt(app, eleventh.Id(), new DateTime(2025, 3, 11, 4, 0, 0, DateTimeKind.Utc));

            async Task<List<string>> Numbers(string query) =>
                (await customer.Client.GetApiAsync("/api/v1/orders" + query)).Data().GetProperty("items").EnumerateArray()
                    .Select(o => o.Str("orderNumber")).ToList();

            // With explicit UTC times the filter works in any time zone ...
            Assert.Equal([tenth.Str("orderNumber")], await Numbers("?startDate=2025-03-10T00:00:00Z&endDate=2025-03-10T23:59:59Z"));
            // ... and a date alone must mean the same UTC day.
            Assert.Equal([tenth.Str("orderNumber")], await Numbers("?startDate=2025-03-10&endDate=2025-03-10"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", original);
            TimeZoneInfo.ClearCachedData();
        }
    }

    [Theory]
    [InlineData("America/Los_Angeles")]
    [InlineData("Asia/Tokyo")]
    public async Task Coupon_times_without_an_offset_are_utc_whatever_the_servers_time_zone(string timeZone)
    {
        var original = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", timeZone);
        TimeZoneInfo.ClearCachedData();
        try
        {
            var app = fixture.App;
            using var admin = await app.SignInAdminAsync();
            var code = ShopData.NewCode("TZ");
            var data = (await admin.Client.PostApiAsync("/api/v1/coupons",
                    new { code, type = "percentage", value = 10, startsAt = "2026-03-01T00:00:00", endsAt = "2026-04-01T00:00:00Z" }))
                .Data(HttpStatusCode.Created);

            Assert.Equal(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), ApiAssert.UtcTimestamp(data.GetProperty("endsAt")));
            Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), ApiAssert.UtcTimestamp(data.GetProperty("startsAt")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", original);
            TimeZoneInfo.ClearCachedData();
        }
    }

    private static Task SetCreatedAt(StoreApp app, int orderId, DateTime createdAt) =>
        app.WithDbAsync(db => db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, createdAt)));
}
