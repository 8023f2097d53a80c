using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ecommerce.Tests.E2E.Infrastructure;

/// <summary>
/// One running store and one headless Debian Chromium, shared by the tests of a collection. Each test opens its
/// own browser context (cookies, storage) through <see cref="OpenAsync"/>.
/// </summary>
public abstract class StoreFixtureBase : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private StoreServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    static StoreFixtureBase()
    {
        // Auto-waiting assertions: generous enough for a loaded 2-core build machine, short enough to fail fast.
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public Uri BaseAddress => Server.BaseAddress;
    public StoreServer Server => _server ?? throw new InvalidOperationException("The store has not started.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>How long starting the app and the browser took (printed by the first test that asks).</summary>
    public TimeSpan StartupTime { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}; the e2e tests drive Debian's Chromium (never `playwright install`). " +
                "Install Debian's chromium: apt-get install -y chromium");

        var clock = Stopwatch.StartNew();
        _server = new StoreServer(Settings);
        var serverStart = _server.StartAsync(TimeSpan.FromSeconds(60));
        var browserStart = LaunchBrowserAsync();
        await Task.WhenAll(serverStart, browserStart);
        StartupTime = clock.Elapsed;
    }

    private async Task LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context and page for one test, recording screenshots into its own folder; with
    /// <paramref name="javaScript"/> false the page runs no script of its own (as a browser with JavaScript turned off).
    /// </summary>
    public async Task<BrowserSession> OpenAsync(ITestOutputHelper output, string testName, ViewportSize viewport, bool javaScript = true)
    {
        var phone = viewport.Width < 600;
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport,
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = 1,
            Locale = "en-US",
            TimezoneId = "UTC",
            JavaScriptEnabled = javaScript,
        });
        // Content-Security-Policy violations are reported to the console, so every test's page-health check sees them.
        await context.AddInitScriptAsync(BrowserSession.CspReporter);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, BaseAddress, output, testName);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>The store with the demo catalog (72 products in 6 departments).</summary>
public sealed class StoreFixture : StoreFixtureBase;

/// <summary>
/// The store with the demo catalog plus generated products, so that department listings run past one page
/// of 24 (the demo catalog alone has at most 16 products in a department).
/// </summary>
public sealed class LargeCatalogFixture : StoreFixtureBase
{
    public const int SyntheticProducts = 300;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Seed:SyntheticProducts"] = SyntheticProducts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The store with the demo catalog for the back-office tests alone: they add a top-level category (it joins the
/// category bar), products and orders, which the shopping tests on the shared demo store should not meet.
/// </summary>
public sealed class BackOfficeFixture : StoreFixtureBase;

/// <summary>
/// The demo store with the catalog output cache on, as in production (Caching:CatalogSeconds 300): catalog pages are
/// answered from the cache for every visitor, and store.js fills in their personal parts. Its tests do not change the
/// catalog behind the app's back.
/// </summary>
public sealed class CachedStoreFixture : StoreFixtureBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Caching:CatalogSeconds"] = "300",
        // As in production (30 s by default), not on every request as in the other e2e stores: checking the sign-in
        // cookie renews it, and a response that sets a cookie is never stored in the cache.
        ["Auth:SessionRevalidationSeconds"] = "300",
    };
}

[CollectionDefinition(Name)]
public sealed class StoreCollection : ICollectionFixture<StoreFixture>
{
    public const string Name = "Store (demo catalog)";
}

[CollectionDefinition(Name)]
public sealed class LargeCatalogCollection : ICollectionFixture<LargeCatalogFixture>
{
    public const string Name = "Store (large catalog)";
}

[CollectionDefinition(Name)]
public sealed class CachedStoreCollection : ICollectionFixture<CachedStoreFixture>
{
    public const string Name = "Store (catalog cache on)";
}

[CollectionDefinition(Name)]
public sealed class BackOfficeCollection : ICollectionFixture<BackOfficeFixture>
{
    public const string Name = "Store (back office)";
}
