using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Tests.E2E.Infrastructure;

/// <summary>
/// A small client of the store's REST API (/api/v1) for what a browser test sets up or checks behind the UI:
/// the admin's coupons and order statuses, a customer placing an order, a product's stock. Every call asserts its
/// status code and returns the envelope's <c>data</c>.
/// </summary>
public sealed class StoreApi : IDisposable
{
    private readonly HttpClient _http;

    public StoreApi(Uri baseAddress, string? accessToken = null)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseAddress, "api/v1/"), Timeout = TimeSpan.FromSeconds(30) };
        if (accessToken is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    /// <summary>An API client signed in with the given account (POST auth/login).</summary>
    public static async Task<StoreApi> SignInAsync(Uri baseAddress, string email, string password)
    {
        using var anonymous = new StoreApi(baseAddress);
        var data = await anonymous.PostAsync("auth/login", new { email, password });
        return new StoreApi(baseAddress, data.GetProperty("accessToken").GetString());
    }

    public static Task<StoreApi> SignInAsAdminAsync(Uri baseAddress) =>
        SignInAsync(baseAddress, StoreServer.AdminEmail, StoreServer.AdminPassword);

    /// <summary>Registers a new customer with a unique email (POST auth/register).</summary>
    public static async Task<Customer> RegisterCustomerAsync(Uri baseAddress, string firstName, string lastName)
    {
        var customer = new Customer($"e2e-{Guid.NewGuid():N}@example.com", Customer.DefaultPassword, firstName, lastName);
        using var anonymous = new StoreApi(baseAddress);
        await anonymous.SendAsync(HttpMethod.Post, "auth/register",
            new { email = customer.Email, password = customer.Password, firstName, lastName }, HttpStatusCode.Created);
        return customer;
    }

    public Task<JsonElement> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, HttpStatusCode.OK);

    public Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(HttpMethod.Post, path, body, expected);

    public Task<JsonElement> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body, HttpStatusCode.OK);

    /// <summary>The stock on hand of a product (GET products/{id}).</summary>
    public async Task<int> StockOfAsync(int productId) =>
        (await GetAsync($"products/{productId}")).GetProperty("stock").GetInt32();

    /// <summary>The id of the active product with exactly this name (GET products/search).</summary>
    public async Task<int> ProductIdAsync(string name)
    {
        var results = await GetAsync($"products/search?q={Uri.EscapeDataString(name)}&pageSize=50");
        var match = results.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).ToList();
        Assert.True(match.Count == 1, $"Searching for \"{name}\" found {match.Count} products of that name.");
        return int.Parse(match[0].GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// As the signed-in customer: puts <paramref name="quantity"/> of a product into the cart and places the order,
    /// shipped to <paramref name="shipTo"/> (typed inline, not saved) and paid by bank transfer. Returns the order.
    /// </summary>
    public async Task<JsonElement> PlaceBankTransferOrderAsync(int productId, int quantity, Address shipTo)
    {
        await PostAsync("cart/items", new { productId = productId.ToString(System.Globalization.CultureInfo.InvariantCulture), quantity }, HttpStatusCode.Created);
        return await PostAsync("orders", new
        {
            shippingAddress = new
            {
                firstName = shipTo.FirstName, lastName = shipTo.LastName, street = shipTo.Street, city = shipTo.City,
                state = shipTo.State, zipCode = shipTo.ZipCode, country = shipTo.Country,
            },
            paymentMethodId = "bank_transfer",
        }, HttpStatusCode.Created);
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{method} /api/v1/{path} answered {(int)response.StatusCode} {response.StatusCode}, expected {(int)expected}: {text}");
        if (text.Length == 0) return default;
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.True(root.GetProperty("success").GetBoolean(), $"{method} /api/v1/{path} did not succeed: {text}");
        return root.TryGetProperty("data", out var data) ? data.Clone() : default;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A customer account made for one test.</summary>
public sealed record Customer(string Email, string Password, string FirstName, string LastName)
{
    public const string DefaultPassword = "E2e-Customer-Pass1!";

    /// <summary>How reviews name their author: first name and last initial ("Rowan L.").</summary>
    public string ReviewName => $"{FirstName} {LastName[0]}.";
}
