using System.Net;
using Ecommerce.Shared.Common;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Ecommerce.Tests.Unit.Api;

/// <summary>
/// The headers document 002 lists for every call: X-Correlation-Id (accepted, generated, echoed, logged, kept, passed
/// on) and X-API-Version (answered, checked), with the versioning policy's Deprecation and Sunset headers; and the
/// Cache-Control an API answer carries when it says nothing more specific.
/// </summary>
public class ApiConventionsTests(ApiConventionsTests.Fixture fixture) : IClassFixture<ApiConventionsTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public RecordingHandler Outgoing { get; } = new();
        public StoreApp App { get; }

        public Fixture()
        {
            App = new StoreApp(new Dictionary<string, string?> { ["Storage:DataPath"] = ShopperApp.NewDataPath(), ["Seed:DemoCatalog"] = "false" }, services =>
            {
                ShopperApp.FastPasswordHashing(services);
                services.AddFakeLogging();
                services.AddHttpClient("probe").ConfigurePrimaryHttpMessageHandler(() => Outgoing);
            });
        }

        public void Dispose() => App.Dispose();
    }

    /// <summary>Answers every outgoing call with 200 and remembers the requests.</summary>
    public sealed class RecordingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests) Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    private StoreApp App => fixture.App;

    private static (string, string) Correlation(string id) => ("X-Correlation-Id", id);

    [Fact]
    public async Task A_clients_correlation_id_is_echoed_and_is_the_error_envelopes_trace_id()
    {
        using var client = App.CreateRawClient();
        var id = "order-retry-" + Guid.NewGuid().ToString("N");

        var found = await client.SendApiAsync(HttpMethod.Get, "/api/v1/categories", null, Correlation(id));
        var missing = await client.SendApiAsync(HttpMethod.Get, "/api/v1/products/999999", null, Correlation(id));

        Assert.Equal(id, found.Expect(HttpStatusCode.OK).Header("X-Correlation-Id"));
        missing.Error(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(id, missing.Header("X-Correlation-Id"));
        Assert.Equal(id, missing.Body.Str("traceId"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ümlaut")]
    [InlineData("tab\tinside")]
    [InlineData(129)]
    public async Task A_missing_or_unusable_correlation_id_is_replaced_by_a_new_one(object supplied)
    {
        var value = supplied is int length ? new string('a', length) : (string)supplied;
        using var client = App.CreateRawClient();

        var reply = value.Length == 0
            ? await client.GetApiAsync("/api/v1/products/999999")
            : await client.SendApiAsync(HttpMethod.Get, "/api/v1/products/999999", null, Correlation(value));

        var echoed = reply.Header("X-Correlation-Id");
        Assert.False(string.IsNullOrEmpty(echoed));
        Assert.NotEqual(value, echoed);
        Assert.True(RequestCorrelation.IsValid(echoed));
        Assert.Equal(echoed, reply.Body.Str("traceId"));
    }

    [Fact]
    public async Task A_correlation_id_of_128_printable_characters_is_kept_and_pages_echo_it_too()
    {
        var id = new string('x', 120) + "-~!#$%&*";
        using var client = App.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cart");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", id);

        using var page = await client.SendAsync(request);

        Assert.Equal(id, Assert.Single(page.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task Every_log_line_of_a_request_carries_its_correlation_id()
    {
        var id = "log-probe-" + Guid.NewGuid().ToString("N");
        var email = ApiSessions.NewEmail();
        using var client = App.CreateRawClient();
        // Registering writes the verification e-mail, which is logged from inside the request.
        (await client.SendApiAsync(HttpMethod.Post, "/api/v1/auth/register",
            new { email, password = ApiSessions.CustomerPassword, firstName = "Log", lastName = "Probe" }, Correlation(id))).Expect(HttpStatusCode.Created);

        var mailLine = App.Services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Single(r => r.Category.EndsWith("PickupFolderEmailSender", StringComparison.Ordinal) && r.Message.Contains(email, StringComparison.Ordinal));
        var correlation = mailLine.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s)
            .Where(p => p.Key == "CorrelationId").Select(p => p.Value).ToList();
        Assert.Equal([id], correlation);
    }

    [Fact]
    public void Json_console_logs_include_the_scopes()
    {
        var options = App.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(options.IncludeScopes, "Logging:Console:FormatterOptions:IncludeScopes is on, so that JSON log lines carry CorrelationId.");
    }

    [Fact]
    public async Task Order_history_and_audit_entries_keep_the_correlation_id_of_the_request_that_made_them()
    {
        var product = await App.AddProductAsync(10m, stock: 5);
        using var customer = await App.RegisterCustomerAsync();
        var address = await customer.AddAddressAsync();
        await customer.AddToCartAsync(product);
        var orderCorrelation = "place-" + Guid.NewGuid().ToString("N");
        var order = (await customer.Client.SendApiAsync(HttpMethod.Post, "/api/v1/orders",
            new { shippingAddressId = address.ToString(), paymentMethodId = "bank_transfer" }, Correlation(orderCorrelation))).Data(HttpStatusCode.Created);

        using var admin = await App.SignInAdminAsync();
        var editCorrelation = "edit-" + Guid.NewGuid().ToString("N");
        (await admin.Client.SendApiAsync(HttpMethod.Put, $"/api/v1/products/{product}", new { price = 11.5m }, Correlation(editCorrelation))).Expect(HttpStatusCode.OK);

        var history = await App.WithDbAsync(db => db.OrderStatusChanges.Where(h => h.OrderId == order.Id()).ToListAsync());
        Assert.Equal(orderCorrelation, Assert.Single(history).CorrelationId);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Product" && e.EntityId == product.ToString()).ToListAsync());
        Assert.Equal(editCorrelation, Assert.Single(audit).CorrelationId);
    }

    [Fact]
    public async Task Outgoing_http_calls_carry_the_current_correlation_id()
    {
        var factory = App.Services.GetRequiredService<IHttpClientFactory>();
        using var http = factory.CreateClient("probe");
        using (RequestCorrelation.Begin("outgoing-probe"))
            await http.GetAsync("http://partner.example/hook");
        await http.GetAsync("http://partner.example/no-request");

        lock (fixture.Outgoing.Requests)
        {
            var withId = fixture.Outgoing.Requests.Single(r => r.RequestUri!.AbsolutePath == "/hook");
            Assert.Equal("outgoing-probe", Assert.Single(withId.Headers.GetValues("X-Correlation-Id")));
            Assert.False(fixture.Outgoing.Requests.Single(r => r.RequestUri!.AbsolutePath == "/no-request").Headers.Contains("X-Correlation-Id"));
        }
    }

    [Fact]
    public async Task Every_api_answer_names_its_version_and_a_request_may_name_v1()
    {
        using var client = App.CreateRawClient();
        var answers = new[]
        {
            await client.GetApiAsync("/api/v1/categories"),
            await client.GetApiAsync("/api/v1/cart/none"),
            await client.GetApiAsync("/api/v1/orders"),
            await client.SendApiAsync(HttpMethod.Get, "/api/v1/categories", null, ("X-API-Version", "v1")),
            await client.SendApiAsync(HttpMethod.Get, "/api/v1/categories", null, ("X-API-Version", "1")),
            await client.SendApiAsync(HttpMethod.Get, "/api/v1/categories", null, ("X-API-Version", "V1")),
        };
        Assert.All(answers, a => Assert.Equal("v1", a.Header("X-API-Version")));
        Assert.All(answers.Skip(3), a => a.Expect(HttpStatusCode.OK));
        Assert.All(answers, a => Assert.Null(a.Header("Deprecation")));
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("2")]
    [InlineData("v1.5")]
    [InlineData("latest")]
    public async Task A_request_for_another_version_is_refused_naming_the_supported_ones(string version)
    {
        using var client = App.CreateRawClient();

        var reply = await client.SendApiAsync(HttpMethod.Get, "/api/v1/categories", null, ("X-API-Version", version));

        var error = reply.Error(HttpStatusCode.BadRequest, "UNSUPPORTED_API_VERSION", "X-API-Version");
        Assert.Contains("Supported versions: v1", error.ErrorMessage(), StringComparison.Ordinal);
        Assert.Equal("v1", reply.Header("X-API-Version"));
    }

    [Theory]
    [InlineData("/api/products")]
    [InlineData("/api/v2/products")]
    [InlineData("/api/v0/categories")]
    public async Task Api_paths_without_a_served_version_are_404_in_the_envelope(string path)
    {
        using var client = App.CreateRawClient();
        (await client.GetApiAsync(path)).Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Answers_that_say_nothing_else_are_private_for_reads_and_not_stored_otherwise()
    {
        using var customer = await App.RegisterCustomerAsync();
        Assert.Equal(["no-cache", "private"], Directives((await customer.Client.GetApiAsync("/api/v1/cart")).Expect(HttpStatusCode.OK)));
        Assert.Equal(["no-store"], Directives(await customer.Client.PostApiAsync("/api/v1/cart/items", new { productId = "999999", quantity = 1 })));
        Assert.Equal(["no-store"], Directives((await customer.Client.GetApiAsync("/api/v1/orders/999999")).Expect(HttpStatusCode.NotFound)));
    }

    /// <summary>The Cache-Control directives of an answer, sorted (HttpClient may reorder them).</summary>
    internal static string[] Directives(ApiReply reply) =>
        (reply.Header("Cache-Control") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();


    [Fact]
    public async Task A_deprecated_version_says_so_with_the_standard_headers()
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?>
        {
            ["Api:Versions:v1:DeprecatedAt"] = "2027-06-01T00:00:00Z",
            ["Api:Versions:v1:SunsetAt"] = "2028-06-01T00:00:00Z",
            ["Api:Versions:v1:Link"] = "https://shop.example/docs/api/v2-migration",
        });
        using var client = app.CreateRawClient();

        var reply = (await client.GetApiAsync("/api/v1/categories")).Expect(HttpStatusCode.OK);

        Assert.Equal("@" + new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), reply.Header("Deprecation"));
        Assert.Equal("Thu, 01 Jun 2028 00:00:00 GMT", reply.Header("Sunset"));
        Assert.Equal("<https://shop.example/docs/api/v2-migration>; rel=\"deprecation\"; type=\"text/html\"", reply.Header("Link"));
    }
}
