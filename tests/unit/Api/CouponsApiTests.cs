using System.Net;
using System.Text.Json;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>/api/v1/coupons: coupon management for admins. Every test uses its own codes.</summary>
public class CouponsApiTests(ShopperAdminFixture fixture) : IClassFixture<ShopperAdminFixture>
{
    private StoreApp App => fixture.App;
    private HttpClient Admin => fixture.Admin.Client;

    private static Dictionary<string, object?> Body(string code, string type = "percentage", decimal value = 15m) => new()
    {
        ["code"] = code,
        ["description"] = "Spring sale",
        ["type"] = type,
        ["value"] = value,
        ["minimumSubtotal"] = 25m,
        ["startsAt"] = "2026-03-01T00:00:00Z",
        ["endsAt"] = "2026-04-01T00:00:00Z",
        ["usageLimit"] = 100,
        ["perCustomerLimit"] = 1,
        ["isActive"] = true,
    };

    private async Task<JsonElement> Create(Dictionary<string, object?> body) =>
        (await Admin.PostApiAsync("/api/v1/coupons", body)).Data(HttpStatusCode.Created);

    [Fact]
    public async Task Create_is_201_with_the_coupon_in_upper_case()
    {
        var code = ShopData.NewCode("spring").ToLowerInvariant();
        var reply = await Admin.PostApiAsync("/api/v1/coupons", Body(code));
        var data = reply.Data(HttpStatusCode.Created);

        Assert.Equal(["id", "code", "description", "type", "value", "minimumSubtotal", "startsAt", "endsAt", "usageLimit", "perCustomerLimit",
            "timesUsed", "isActive", "createdAt", "updatedAt"], ApiAssert.PropertyNames(data));
        var id = data.Id();
        Assert.Equal(code.ToUpperInvariant(), data.Str("code"));
        Assert.Equal("Spring sale", data.Str("description"));
        Assert.Equal("percentage", data.Str("type"));
        Assert.Equal(15m, data.GetProperty("value").GetDecimal());
        Assert.Equal(25m, data.GetProperty("minimumSubtotal").GetDecimal());
        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), ApiAssert.UtcTimestamp(data.GetProperty("startsAt")));
        Assert.Equal(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), ApiAssert.UtcTimestamp(data.GetProperty("endsAt")));
        Assert.Equal(100, data.Int("usageLimit"));
        Assert.Equal(1, data.Int("perCustomerLimit"));
        Assert.Equal(0, data.Int("timesUsed"));
        Assert.True(data.GetProperty("isActive").GetBoolean());

        var stored = await App.CouponAsync(code.ToUpperInvariant());
        Assert.Equal(id, stored.Id);
        Assert.Equal(15m, stored.PercentOff);
        Assert.Equal(2500, stored.MinimumSubtotalCents);
    }

    [Fact]
    public async Task A_fixed_coupon_keeps_its_amount()
    {
        var code = ShopData.NewCode("FIX");
        var data = await Create(Body(code, "fixed", 12.50m));
        Assert.Equal("fixed", data.Str("type"));
        Assert.Equal(12.50m, data.GetProperty("value").GetDecimal());
        Assert.Equal(1250, (await App.CouponAsync(code)).AmountOffCents);
    }

    [Fact]
    public async Task Get_by_id_returns_it_and_an_unknown_id_is_404()
    {
        var code = ShopData.NewCode("GET");
        var id = (await Create(Body(code))).Id();

        var data = (await Admin.GetApiAsync($"/api/v1/coupons/{id}")).Data();
        Assert.Equal(id, data.Id());
        Assert.Equal(code, data.Str("code"));

        (await Admin.GetApiAsync("/api/v1/coupons/999999")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.GetApiAsync("/api/v1/coupons/abc")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task The_list_is_paged_newest_first()
    {
        var prefix = "PAGE" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add((await Create(Body($"{prefix}-{i}"))).Id());

        var page = (await Admin.GetApiAsync($"/api/v1/coupons?search={prefix}&pageSize=2")).Data();
        Assert.Equal(["items", "pageNumber", "pageSize", "totalPages", "totalCount", "hasPreviousPage", "hasNextPage"], ApiAssert.PropertyNames(page));
        Assert.Equal(3, page.Int("totalCount"));
        Assert.Equal(2, page.Int("totalPages"));
        Assert.Equal(1, page.Int("pageNumber"));
        Assert.Equal(2, page.Int("pageSize"));
        Assert.True(page.GetProperty("hasNextPage").GetBoolean());
        Assert.False(page.GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal([ids[2], ids[1]], page.GetProperty("items").EnumerateArray().Select(c => c.Id()));

        var second = (await Admin.GetApiAsync($"/api/v1/coupons?search={prefix}&pageSize=2&pageNumber=2")).Data();
        Assert.Equal([ids[0]], second.GetProperty("items").EnumerateArray().Select(c => c.Id()));
        Assert.False(second.GetProperty("hasNextPage").GetBoolean());

        var all = (await Admin.GetApiAsync("/api/v1/coupons")).Data();
        Assert.Equal(20, all.Int("pageSize"));
        Assert.True(all.Int("totalCount") >= 3);

        (await Admin.GetApiAsync("/api/v1/coupons?pageSize=0")).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "pageSize");
        (await Admin.GetApiAsync("/api/v1/coupons?pageNumber=0")).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "pageNumber");
        (await Admin.GetApiAsync("/api/v1/coupons?pageSize=abc")).Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "pageSize");
    }

    [Fact]
    public async Task A_duplicate_code_in_any_case_is_409_already_exists()
    {
        var code = ShopData.NewCode("DUP");
        await Create(Body(code));
        (await Admin.PostApiAsync("/api/v1/coupons", Body(code))).Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "code");
        (await Admin.PostApiAsync("/api/v1/coupons", Body(code.ToLowerInvariant()))).Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "code");
        (await Admin.PostApiAsync("/api/v1/coupons", Body($"  {code.ToLowerInvariant()} "))).Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "code");
        Assert.Equal(1, await App.WithDbAsync(db => db.Coupons.CountAsync(c => c.Code == code)));
    }

    public static TheoryData<string, object?, string, string> InvalidFields => new()
    {
        { "code", null, "code", "REQUIRED_FIELD" },
        { "code", "", "code", "REQUIRED_FIELD" },
        { "code", "AB", "code", "VALIDATION_ERROR" },
        { "code", "HAS SPACE", "code", "VALIDATION_ERROR" },
        { "code", "BANG!", "code", "VALIDATION_ERROR" },
        { "code", new string('A', 51), "code", "VALIDATION_ERROR" },
        { "type", null, "type", "REQUIRED_FIELD" },
        { "type", "bogus", "type", "VALIDATION_ERROR" },
        { "value", null, "value", "REQUIRED_FIELD" },
        { "value", 0m, "value", "VALIDATION_ERROR" },
        { "value", -5m, "value", "VALIDATION_ERROR" },
        { "value", 100.01m, "value", "VALIDATION_ERROR" },
        { "value", 12.345m, "value", "VALIDATION_ERROR" },
        { "minimumSubtotal", -1m, "minimumSubtotal", "VALIDATION_ERROR" },
        { "endsAt", "2026-02-28T00:00:00Z", "endsAt", "VALIDATION_ERROR" },
        { "endsAt", "2026-03-01T00:00:00Z", "endsAt", "VALIDATION_ERROR" },
        { "usageLimit", 0, "usageLimit", "VALIDATION_ERROR" },
        { "usageLimit", -1, "usageLimit", "VALIDATION_ERROR" },
        { "perCustomerLimit", 0, "perCustomerLimit", "VALIDATION_ERROR" },
        { "description", new string('d', 501), "description", "VALIDATION_ERROR" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_400_naming_it_on_create_and_update(string property, object? value, string field, string code)
    {
        var body = Body(ShopData.NewCode("BAD"));
        body[property] = value;
        var reply = await Admin.PostApiAsync("/api/v1/coupons", body);
        reply.Error(HttpStatusCode.BadRequest, code, field);
        Assert.Equal([field], reply.ErrorFields);

        var id = (await Create(Body(ShopData.NewCode("GOOD")))).Id();
        (await Admin.PutApiAsync($"/api/v1/coupons/{id}", body)).Error(HttpStatusCode.BadRequest, code, field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(1_000_000.01)]
    public async Task A_fixed_value_out_of_range_is_400(double value)
    {
        var reply = await Admin.PostApiAsync("/api/v1/coupons", Body(ShopData.NewCode("FX"), "fixed", (decimal)value));
        reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "value");
    }

    [Fact]
    public async Task A_percentage_of_exactly_100_and_a_fixed_value_above_100_are_fine()
    {
        await Create(Body(ShopData.NewCode("ALL"), "percentage", 100m));
        await Create(Body(ShopData.NewCode("HUGE"), "fixed", 250m));
    }

    [Fact]
    public async Task An_empty_body_lists_every_required_field()
    {
        var reply = await Admin.PostApiAsync("/api/v1/coupons", new { });
        Assert.Equal(["code", "type", "value"], reply.Expect(HttpStatusCode.BadRequest).ErrorFields.Order());
    }

    [Fact]
    public async Task Put_replaces_the_coupon()
    {
        var code = ShopData.NewCode("PUT");
        var id = (await Create(Body(code))).Id();
        var newCode = ShopData.NewCode("RENAMED");
        var body = new { code = newCode, type = "fixed", value = 7.5m, isActive = false };

        var data = (await Admin.PutApiAsync($"/api/v1/coupons/{id}", body)).Data();
        Assert.Equal(id, data.Id());
        Assert.Equal(newCode, data.Str("code"));
        Assert.Equal("fixed", data.Str("type"));
        Assert.Equal(7.5m, data.GetProperty("value").GetDecimal());
        Assert.False(data.GetProperty("isActive").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("usageLimit").ValueKind);

        var stored = await App.CouponAsync(newCode);
        Assert.Equal(750, stored.AmountOffCents);
        Assert.False(stored.IsActive);
        Assert.Equal(0, await App.WithDbAsync(db => db.Coupons.CountAsync(c => c.Code == code)));

        // Keeping its own code is not a duplicate.
        (await Admin.PutApiAsync($"/api/v1/coupons/{id}", new { code = newCode.ToLowerInvariant(), type = "fixed", value = 8m })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Put_of_an_unknown_coupon_is_404_and_to_another_coupons_code_is_409()
    {
        var taken = ShopData.NewCode("TAKEN");
        await Create(Body(taken));
        var id = (await Create(Body(ShopData.NewCode("MINE")))).Id();

        (await Admin.PutApiAsync("/api/v1/coupons/999999", Body(ShopData.NewCode("X")))).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.PutApiAsync($"/api/v1/coupons/{id}", Body(taken.ToLowerInvariant()))).Error(HttpStatusCode.Conflict, "ALREADY_EXISTS", "code");
    }

    [Fact]
    public async Task Delete_is_204_then_404()
    {
        var code = ShopData.NewCode("DEL");
        var id = (await Create(Body(code))).Id();
        var reply = await Admin.DeleteApiAsync($"/api/v1/coupons/{id}");
        reply.Expect(HttpStatusCode.NoContent);
        Assert.Equal("", reply.RawBody);
        (await Admin.GetApiAsync($"/api/v1/coupons/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Admin.DeleteApiAsync($"/api/v1/coupons/{id}")).Error(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, await App.WithDbAsync(db => db.Coupons.CountAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task A_created_coupon_applies_at_the_cart()
    {
        var code = ShopData.NewCode("LIVE");
        await Create(new Dictionary<string, object?> { ["code"] = code, ["type"] = "percentage", ["value"] = 10m });
        var product = await App.AddProductAsync(40m);
        using var customer = await App.RegisterCustomerAsync();
        await customer.AddToCartAsync(product);
        Assert.Equal(4.00m, (await customer.Client.PostApiAsync("/api/v1/cart/apply-coupon", new { couponCode = code })).Data().Money("discount"));
    }

    [Theory]
    [InlineData("GET", "/api/v1/coupons")]
    [InlineData("GET", "/api/v1/coupons/1")]
    [InlineData("POST", "/api/v1/coupons")]
    [InlineData("PUT", "/api/v1/coupons/1")]
    [InlineData("DELETE", "/api/v1/coupons/1")]
    public async Task Anonymous_is_401_and_a_customer_is_403(string method, string path)
    {
        using var anonymous = App.CreateRawClient();
        var body = method is "POST" or "PUT" ? Body(ShopData.NewCode("NOPE")) : null;
        (await anonymous.CallAsync(new HttpMethod(method), path, body)).Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        using var customer = await App.RegisterCustomerAsync();
        (await customer.Client.CallAsync(new HttpMethod(method), path, body)).Error(HttpStatusCode.Forbidden, "FORBIDDEN");
        if (body is not null) Assert.Equal(0, await App.WithDbAsync(db => db.Coupons.CountAsync(c => c.Code == (string)body["code"]!)));
    }
}
