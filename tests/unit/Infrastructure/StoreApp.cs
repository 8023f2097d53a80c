using Ecommerce.Shared.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// The whole store in memory (WebApplicationFactory) with its own data folder, so every test class gets a fresh
/// SQLite database. Settings can be overridden per instance; the demo catalog is loaded unless turned off.
/// </summary>
public class StoreApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.example";
    public const string AdminPassword = "Admin-Passw0rd!";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public StoreApp() : this(new Dictionary<string, string?>()) { }

    public StoreApp(IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = Path.Combine(Path.GetTempPath(), "ecommerce-tests", Guid.NewGuid().ToString("N")),
            ["Seed:DemoCatalog"] = "true",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            // Tests change data and read it back over HTTP: the output cache is off unless a test turns it on.
            ["Caching:CatalogSeconds"] = "0",
            // Tests make many requests from one client: rate limits are off unless a test turns them on.
            ["RateLimiting:Enabled"] = "false",
        };
        foreach (var (key, value) in settings) _settings[key] = value;
        DataPath = _settings["Storage:DataPath"]!;
        // On a PostgreSQL run every app gets a database of its own, as every SQLite app gets its own data folder.
        if (TestProvider.IsPostgres && !_settings.ContainsKey("ConnectionStrings:Ecommerce"))
        {
            _postgresDatabase = TestProvider.CreatePostgresDatabase();
            foreach (var (key, value) in TestProvider.Settings(_postgresDatabase)) _settings[key] = value;
        }
    }

    private readonly string? _postgresDatabase;

    /// <summary>The settings that point another app at this app's database (empty on SQLite: the data folder is the database).</summary>
    public IReadOnlyDictionary<string, string?> DatabaseSettings =>
        _postgresDatabase is null ? new Dictionary<string, string?>() : TestProvider.Settings(_postgresDatabase);

    public string DataPath { get; }

    /// <summary>Leaves the data folder in place on dispose, so that another app can start on it (a restart).</summary>
    public bool KeepDataFolder { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(TestClientAddress.Register);
        if (_configureServices is not null) builder.ConfigureServices(_configureServices);
    }

    /// <summary>The request header a test sets to choose the connection's remote address (see <see cref="TestClientAddress"/>).</summary>
    public const string RemoteAddressHeader = TestClientAddress.Header;

    /// <summary>A client that neither follows redirects nor keeps cookies, so tests see exactly what the app sends.</summary>
    public HttpClient CreateRawClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A browser-like client that keeps cookies but does not follow redirects.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs <paramref name="action"/> with a fresh database context of the running app.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await action(db);
    }

    public Task WithDbAsync(Func<AppDbContext, Task> action) =>
        WithDbAsync(async db => { await action(db); return true; });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null && !KeepDataFolder) TestProvider.DropPostgresDatabase(_postgresDatabase);
        if (KeepDataFolder) return;
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
