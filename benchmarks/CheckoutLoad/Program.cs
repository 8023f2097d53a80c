// Checkout throughput: N buyers at once, each with an account of its own, each repeatedly putting one product into
// the cart and placing the order (POST /api/v1/cart/items, then POST /api/v1/orders), for a fixed time after a
// warm-up. Prints orders per second and the latency of the order request and of the whole add-and-order cycle.
//
//   dotnet run -c Release -- --url http://127.0.0.1:5001[,http://127.0.0.1:5002] --buyers 16 --seconds 20 \
//       --admin admin@bench.example --password … [--spread]
//
// With several URLs the buyers are spread over them (buyer i uses URL i mod n), as a load balancer would.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

var options = Options.Parse(args);
var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };

// The products ordered, with stock enough for the whole run: one product for everybody (the hottest case: every
// checkout updates the same row), or with --spread a product of its own for each buyer (as orders spread over a
// catalog).
var admin = await SignInAsync(options.Urls[0], options.AdminEmail, options.AdminPassword);
List<string> productIds;
if (options.Spread)
{
    var page = await SendAsync(HttpMethod.Get, options.Urls[0], $"products?pageSize={options.Buyers}", admin, null, HttpStatusCode.OK);
    productIds = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
    if (productIds.Count < options.Buyers) throw new InvalidOperationException($"--spread needs {options.Buyers} products; the store lists {productIds.Count}.");
}
else
{
    var search = await SendAsync(HttpMethod.Get, options.Urls[0], $"products/search?q={Uri.EscapeDataString(options.Product)}", admin, null, HttpStatusCode.OK);
    productIds = [search.GetProperty("items").EnumerateArray().First(p => p.GetProperty("name").GetString() == options.Product).GetProperty("id").GetString()!];
}
foreach (var id in productIds)
    await SendAsync(HttpMethod.Put, options.Urls[0], $"products/{id}", admin, new { stock = 10_000_000 }, HttpStatusCode.OK);

var buyers = await Task.WhenAll(Enumerable.Range(0, options.Buyers).Select(async i =>
{
    var url = options.Urls[i % options.Urls.Count];
    var email = $"buyer-{i}-{Guid.NewGuid():N}@bench.example";
    await SendAsync(HttpMethod.Post, url, "auth/register", null,
        new { email, password = "Bench-Buyer-Pass1!", firstName = "Bench", lastName = $"Buyer{i}" }, HttpStatusCode.Created);
    return (Url: url, Token: await SignInAsync(url, email, "Bench-Buyer-Pass1!"), ProductId: productIds[i % productIds.Count]);
}));

var orderTimes = new List<double>();
var cycleTimes = new List<double>();
var errors = new List<string>();
var measuring = false;
var stop = false;
var address = new { firstName = "Bench", lastName = "Buyer", street = "1 Load Street", city = "Testville", state = "TX", zipCode = "73301", country = "US" };

var loops = buyers.Select(buyer => Task.Run(async () =>
{
    while (!Volatile.Read(ref stop))
    {
        var cycle = Stopwatch.StartNew();
        try
        {
            await SendAsync(HttpMethod.Post, buyer.Url, "cart/items", buyer.Token, new { productId = buyer.ProductId, quantity = 1 }, HttpStatusCode.Created);
            var order = Stopwatch.StartNew();
            await SendAsync(HttpMethod.Post, buyer.Url, "orders", buyer.Token, new { shippingAddress = address, paymentMethodId = "bank_transfer" }, HttpStatusCode.Created);
            if (Volatile.Read(ref measuring))
                lock (orderTimes)
                {
                    orderTimes.Add(order.Elapsed.TotalMilliseconds);
                    cycleTimes.Add(cycle.Elapsed.TotalMilliseconds);
                }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            lock (errors) errors.Add(e.Message);
        }
    }
})).ToList();

await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
Volatile.Write(ref measuring, true);
var window = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
Volatile.Write(ref measuring, false);
var elapsed = window.Elapsed.TotalSeconds;
Volatile.Write(ref stop, true);
await Task.WhenAll(loops);

lock (orderTimes)
{
    orderTimes.Sort();
    cycleTimes.Sort();
    var rate = orderTimes.Count / elapsed;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"orders={orderTimes.Count} seconds={elapsed:0.0} orders_per_s={rate:0.0} " +
        $"order_p50_ms={Percentile(orderTimes, 0.50):0} order_p95_ms={Percentile(orderTimes, 0.95):0} order_p99_ms={Percentile(orderTimes, 0.99):0} " +
        $"cycle_p50_ms={Percentile(cycleTimes, 0.50):0} cycle_p95_ms={Percentile(cycleTimes, 0.95):0} errors={errors.Count}"));
    foreach (var message in errors.Distinct().Take(5)) Console.Error.WriteLine("error: " + message);
}
return errors.Count > 0 && orderTimes.Count == 0 ? 1 : 0;

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

async Task<string> SignInAsync(string url, string email, string password)
{
    var data = await SendAsync(HttpMethod.Post, url, "auth/login", null, new { email, password }, HttpStatusCode.OK);
    return data.GetProperty("accessToken").GetString()!;
}

async Task<JsonElement> SendAsync(HttpMethod method, string url, string path, string? token, object? body, HttpStatusCode expected)
{
    using var request = new HttpRequestMessage(method, $"{url.TrimEnd('/')}/api/v1/{path}");
    if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    if (body is not null) request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != expected)
        throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
    using var document = JsonDocument.Parse(text);
    return document.RootElement.TryGetProperty("data", out var data) ? data.Clone() : default;
}

sealed record Options(IReadOnlyList<string> Urls, int Buyers, int Seconds, int WarmupSeconds, string AdminEmail, string AdminPassword, string Product, bool Spread)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string? fallback = null)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
        }
        return new Options(
            Get("url").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            int.Parse(Get("buyers", "16"), CultureInfo.InvariantCulture),
            int.Parse(Get("seconds", "20"), CultureInfo.InvariantCulture),
            int.Parse(Get("warmup", "5"), CultureInfo.InvariantCulture),
            Get("admin"), Get("password"), Get("product", "Voltbay Braided USB-C Cable 2 m"), args.Contains("--spread"));
    }
}
