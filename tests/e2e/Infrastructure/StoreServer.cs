using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.E2E.Infrastructure;

/// <summary>
/// The real store served by Kestrel on 127.0.0.1 and a free port, with a fresh data folder (its own SQLite
/// database, or a fresh PostgreSQL database in the PostgreSQL smoke run), the demo catalog, a known admin account and the catalog response cache turned off.
/// Kestrel is configured here in the subclass: on a factory returned by WithWebHostBuilder the port is ignored.
/// </summary>
public sealed class StoreServer : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@e2e.example";
    public const string AdminPassword = "E2e-Admin-Pass1!";

    private readonly Dictionary<string, string?> _settings;
    private readonly PostgresDatabase? _postgres;

    public StoreServer(IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "ecommerce-e2e", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = DataPath,
            ["Seed:DemoCatalog"] = "true",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["Caching:CatalogSeconds"] = "0",
            // Sign-in cookies are checked against the account on every request, so that a lock shows at the next click.
            ["Auth:SessionRevalidationSeconds"] = "0",
            // The suites sign in and post from one address many times; the rate limits have their own tests.
            ["RateLimiting:Enabled"] = "false",
            // Keep the test log readable: the app's start-up chatter is not what these tests look at.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        // The PostgreSQL smoke run (./test.sh sets the server): a fresh, empty database that the store migrates and seeds.
        if (Environment.GetEnvironmentVariable(Cluster.ClusterFixture.PostgresVariable) is { Length: > 0 } server)
        {
            _postgres = PostgresDatabase.Create(server, "ecom_e2e_");
            _settings["Database:Provider"] = "Postgres";
            _settings["ConnectionStrings:Ecommerce"] = _postgres.ConnectionString;
        }
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>()) _settings[key] = value;

        // Loopback only, port chosen by the OS. (UseKestrel(0) would also pick a free port; an explicit
        // IPAddress.Loopback makes sure nothing listens on other interfaces.)
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataPath { get; }

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: static web assets (_framework/blazor.web.js, _content/MudBlazor/*) are served from the
        // build output only in Development; in Production they come back as empty 200 responses.
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>Starts Kestrel and waits until /health/ready answers 200.</summary>
    public async Task<Uri> StartAsync(TimeSpan timeout)
    {
        await Task.Run(StartServer);

        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.Select(a => new Uri(a)).FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttp)
            ?? throw new InvalidOperationException($"Kestrel reported no http address (addresses: {string.Join(", ", addresses)}).");
        if (!IPAddress.TryParse(address.Host, out var ip) || !IPAddress.IsLoopback(ip))
            throw new InvalidOperationException($"The store must listen on 127.0.0.1 only, but it listens on {address}.");
        BaseAddress = new Uri($"http://127.0.0.1:{address.Port}/");

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return BaseAddress;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex) { last = ex.Message; }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The store at {BaseAddress} was not ready within {timeout.TotalSeconds:0} s: /health/ready said {last}.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _postgres?.Drop();
        try { Directory.Delete(DataPath, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
