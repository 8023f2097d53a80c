using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Orders;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E.Cluster;

/// <summary>
/// The store as several instances on one PostgreSQL database behind the sample nginx configuration: what a shopper,
/// an admin and an API client do on one instance holds on the other, stock stays exact with buyers on both, a catalog
/// change reaches the other instance's cache, start-up work and background jobs run once.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class SeveralInstancesTests(ClusterFixture cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Address ShipTo = new("Ada", "Keel", "1 Harbour Road", "Portsmouth", "NH", "03801", "US");

    private Dictionary<string, int> _logLength = [];

    public Task InitializeAsync()
    {
        _logLength = cluster.Instances.ToDictionary(i => i.Name, i => i.Log.Count);
        return Task.CompletedTask;
    }

    /// <summary>After every test: neither instance logged an error meanwhile (a page that failed for one visitor fails the test).</summary>
    public Task DisposeAsync()
    {
        var errors = cluster.Instances
            .SelectMany(i => i.Log.Skip(_logLength[i.Name]).Where(IsError).Select(line => $"{i.Name}: {line}"))
            .ToList();
        Assert.True(errors.Count == 0, "The instances logged errors:\n" + string.Join("\n", errors));
        return Task.CompletedTask;

        // EF Core logs the first look for the migrations table of an empty database as a failure; it is not one.
        static bool IsError(string line) =>
            (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            && !line.Contains("__EFMigrationsHistory", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_instances_starting_at_the_same_moment_migrate_and_seed_the_database_once()
    {
        await using var db = cluster.Db();
        var migrations = await db.Database.GetAppliedMigrationsAsync();
        Assert.NotEmpty(migrations);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        // Each migration applied by exactly one of the two processes; the other waited and found the work done.
        var applying = cluster.Instances.ToDictionary(i => i.Name, i => i.Log.Count(l => l.Contains("Applying migration", StringComparison.Ordinal)));
        output.WriteLine($"'Applying migration' lines: a {applying["a"]}, b {applying["b"]}");
        Assert.Equal(migrations.Count(), applying.Values.Sum());
        Assert.Contains(0, applying.Values);

        Assert.Equal(72, await db.Products.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == ClusterFixture.AdminEmail));
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.Equal(1, await db.StoreSecrets.CountAsync());
    }

    [Fact]
    public async Task A_sign_in_form_from_one_instance_posts_to_the_other_and_the_session_works_on_both()
    {
        var customer = await StoreApi.RegisterCustomerAsync(cluster.A.BaseAddress, "Marina", "Cluster");
        await using var context = await cluster.NewBrowserContextAsync();
        var page = await context.NewPageAsync();

        // The sign-in form as instance A renders it: its antiforgery token is protected with the shared key ring.
        await page.GotoAsync(new Uri(cluster.A.BaseAddress, "account/login").ToString());
        await page.GetByLabel("Email").FillAsync(customer.Email);
        await page.GetByLabel("Password").FillAsync(customer.Password);
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }) });
        var fields = await form.EvaluateAsync<Dictionary<string, string>>(
            "f => Object.fromEntries([...new FormData(f)].filter(([, v]) => typeof v === 'string'))");
        Assert.Contains("__RequestVerificationToken", fields.Keys);

        // Posted to instance B, as a load balancer may send it there. Cookies belong to the host, not the port, so the
        // antiforgery cookie A set goes along, and the sign-in cookie B sets is sent to A as well.
        var formData = context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields) formData.Set(name, value);
        var posted = await context.APIRequest.PostAsync(new Uri(cluster.B.BaseAddress, "account/login").ToString(),
            new() { Form = formData, MaxRedirects = 0 });
        Assert.True(posted.Status == 302, $"The sign-in form from A posted to B answered {posted.Status}: {await posted.TextAsync()}");

        foreach (var instance in new[] { cluster.A, cluster.B })
        {
            await page.GotoAsync(new Uri(instance.BaseAddress, "account").ToString());
            Assert.Equal(new Uri(instance.BaseAddress, "account").ToString(), page.Url);
            await Expect(page.AccountMenu()).ToContainTextAsync("Marina");
        }
    }

    [Fact]
    public async Task An_access_token_from_one_instance_works_on_the_other_and_an_order_placed_on_one_is_seen_on_the_other()
    {
        var customer = await StoreApi.RegisterCustomerAsync(cluster.A.BaseAddress, "Tomas", "Token");
        using var onA = await StoreApi.SignInAsync(cluster.A.BaseAddress, customer.Email, customer.Password);
        var token = await TokenAsync(cluster.A, customer);
        using var onB = new StoreApi(cluster.B.BaseAddress, token);

        var me = await onB.GetAsync("users/profile");
        Assert.Equal(customer.Email, me.GetProperty("email").GetString());

        var productId = await onA.ProductIdAsync("Voltbay 10K Power Bank");
        var order = await onA.PlaceBankTransferOrderAsync(productId, 1, ShipTo);
        var id = order.GetProperty("id").GetString();
        var seen = await onB.GetAsync($"orders/{id}");
        Assert.Equal(order.GetProperty("orderNumber").GetString(), seen.GetProperty("orderNumber").GetString());

        // Signing out of every session on B ends the token issued by A at once (the account's stamp is shared).
        using var anonymousB = new HttpClient { BaseAddress = cluster.B.BaseAddress };
        anonymousB.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using (var logout = await anonymousB.PostAsJsonAsync("api/v1/auth/logout", new { allSessions = true }))
            Assert.True(logout.IsSuccessStatusCode, $"logout answered {(int)logout.StatusCode}");
        using var afterwards = new HttpClient { BaseAddress = cluster.A.BaseAddress };
        afterwards.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var deadline = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await afterwards.GetAsync("api/v1/users/profile");
            status = response.StatusCode;
            if (status == HttpStatusCode.Unauthorized) break;
            await Task.Delay(100);
        }
        while (deadline.Elapsed < TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Thirty_parallel_checkouts_over_both_instances_for_five_in_stock_make_exactly_five_orders()
    {
        using var admin = await StoreApi.SignInAsync(cluster.A.BaseAddress, ClusterFixture.AdminEmail, ClusterFixture.AdminPassword);
        var productId = await admin.ProductIdAsync("Voltbay 65W GaN Wall Charger");
        await admin.PutAsync($"products/{productId}", new { stock = 5 });

        // Thirty buyers, each with the board in the cart, half of them on each instance.
        var buyers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            var instance = cluster.Instances[i % 2];
            var customer = await StoreApi.RegisterCustomerAsync(instance.BaseAddress, "Buyer", $"N{i}");
            var api = await StoreApi.SignInAsync(instance.BaseAddress, customer.Email, customer.Password);
            await api.PostAsync("cart/items", new { productId = productId.ToString(CultureInfo.InvariantCulture), quantity = 1 }, HttpStatusCode.Created);
            return (Instance: instance, Token: await TokenAsync(instance, customer), Api: api);
        }));

        using var start = new SemaphoreSlim(0);
        var checkouts = buyers.Select(async buyer =>
        {
            using var http = new HttpClient { BaseAddress = buyer.Instance.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", buyer.Token);
            await start.WaitAsync();
            using var response = await http.PostAsJsonAsync("api/v1/orders", new
            {
                shippingAddress = new { firstName = "Buyer", lastName = "Parallel", street = "2 Quay", city = "Dover", state = "DE", zipCode = "19901", country = "US" },
                paymentMethodId = "bank_transfer",
            });
            return (buyer.Instance.Name, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(buyers.Length);
        var results = await Task.WhenAll(checkouts);
        foreach (var buyer in buyers) buyer.Api.Dispose();

        foreach (var group in results.GroupBy(r => (r.Name, r.StatusCode)))
            output.WriteLine($"instance {group.Key.Name}: {group.Count()} × {(int)group.Key.StatusCode}");
        var unexpected = results.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected answers: " + string.Join("; ", unexpected.Select(r => $"{(int)r.StatusCode} {r.Body}")));
        Assert.Equal(5, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(results.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Contains("INSUFFICIENT_STOCK", r.Body, StringComparison.Ordinal));

        await using var db = cluster.Db();
        Assert.Equal(0, await db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync());
        Assert.Equal(5, await db.Orders.Where(o => o.Status != OrderStatus.Cancelled).SelectMany(o => o.Lines).Where(l => l.ProductId == productId).SumAsync(l => l.Quantity));
    }

    [Fact]
    public async Task A_price_changed_through_one_instance_is_served_by_the_other_within_two_seconds()
    {
        using var admin = await StoreApi.SignInAsync(cluster.A.BaseAddress, ClusterFixture.AdminEmail, ClusterFixture.AdminPassword);
        var productId = await admin.ProductIdAsync("Voltbay Braided USB-C Cable 2 m");
        using var anonymousB = new HttpClient { BaseAddress = cluster.B.BaseAddress };
        var slug = (await admin.GetAsync($"products/{productId}")).GetProperty("slug").GetString();

        // B has the product page and the API answer in its cache.
        for (var i = 0; i < 2; i++)
        {
            using var page = await anonymousB.GetAsync($"products/{slug}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using var json = await anonymousB.GetAsync($"api/v1/products/{productId}");
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        }

        var newPrice = 10m + Random.Shared.Next(100, 900) / 100m;
        await admin.PutAsync($"products/{productId}", new { price = newPrice });
        var changedAt = Stopwatch.StartNew();
        var shownPrice = newPrice.ToString("0.00", CultureInfo.InvariantCulture);

        bool pageShows = false, apiShows = false;
        while (changedAt.Elapsed < TimeSpan.FromSeconds(2) && !(pageShows && apiShows))
        {
            if (!pageShows) pageShows = (await anonymousB.GetStringAsync($"products/{slug}")).Contains(shownPrice, StringComparison.Ordinal);
            if (!apiShows)
            {
                using var json = JsonDocument.Parse(await anonymousB.GetStringAsync($"api/v1/products/{productId}"));
                apiShows = json.RootElement.GetProperty("data").GetProperty("price").GetDecimal() == newPrice;
            }
            if (!(pageShows && apiShows)) await Task.Delay(50);
        }
        output.WriteLine($"B served {shownPrice} after {changedAt.ElapsedMilliseconds} ms (page {pageShows}, API {apiShows})");
        Assert.True(pageShows, $"B's product page did not show {shownPrice} within 2 s of the change on A.");
        Assert.True(apiShows, $"B's API did not answer {shownPrice} within 2 s of the change on A.");
    }

    [Fact]
    public async Task The_background_clean_up_runs_on_one_instance_at_a_time()
    {
        // Both instances run the job's timer every 3 seconds; only the holder of the lease does the work.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var runs = cluster.Instances.ToDictionary(i => i.Name, i => i.Log.Count(l => l.Contains("anonymous-cart clean-up ran on this instance", StringComparison.Ordinal)));
        output.WriteLine($"clean-up runs: a {runs["a"]}, b {runs["b"]}");
        Assert.True(runs.Values.Sum() >= 3, "The clean-up should have run several times by now.");
        Assert.Contains(0, runs.Values);

        await using var db = cluster.Db();
        var lease = await db.JobLeases.SingleAsync(l => l.Name == "anonymous-cart-cleanup");
        Assert.NotNull(lease.Holder);
    }

    [Fact]
    public async Task Through_the_load_balancer_requests_reach_both_instances_and_the_back_office_stays_live()
    {
        // Pages and the API are spread over both instances…
        using var http = new HttpClient { BaseAddress = cluster.Balancer };
        var before = cluster.Instances.ToDictionary(i => i.Name, i => Served(i));
        for (var i = 0; i < 20; i++)
        {
            using var response = await http.GetAsync("api/v1/categories");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var served = cluster.Instances.ToDictionary(i => i.Name, i => Served(i) - before[i.Name]);
        output.WriteLine($"through nginx: a {served["a"]}, b {served["b"]}");
        Assert.All(served.Values, count => Assert.True(count > 0, "nginx should spread requests over both instances."));

        // …and an interactive back-office page keeps its circuit (WebSocket through nginx, sticky to one instance).
        await using var context = await cluster.NewBrowserContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(cluster.Balancer, "account/login?returnUrl=%2Fadmin%2Fproducts").ToString());
        await page.GetByLabel("Email").FillAsync(ClusterFixture.AdminEmail);
        await page.GetByLabel("Password").FillAsync(ClusterFixture.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/products", StringComparison.Ordinal));
        var search = page.AdminMain().GetByLabel("Search name or SKU");
        var names = page.AdminMain().Locator("a.products-name");
        await Expect(names.First).ToBeVisibleAsync();
        Assert.True(await names.CountAsync() > 2, "The product grid should list more than the two Keelson products before the search.");
        await Expect(search).ToBeEditableAsync();
        // The grid answers typing only over the live circuit.
        await search.FillAsync("Keelson");
        await Expect(names).ToHaveCountAsync(2);
        await Expect(page.AdminMain().GetByRole(AriaRole.Link, new() { Name = "Keelson Aluminum Laptop Stand" })).ToBeVisibleAsync();
    }

    private static int Served(Instance instance) =>
        instance.Log.Count(l => l.Contains("Request finished", StringComparison.Ordinal) && l.Contains("/api/v1/categories", StringComparison.Ordinal));

    private static async Task<string> TokenAsync(Instance instance, Customer customer)
    {
        using var http = new HttpClient { BaseAddress = instance.BaseAddress };
        using var response = await http.PostAsJsonAsync("api/v1/auth/login", new { email = customer.Email, password = customer.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("accessToken").GetString()!;
    }
}
