using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ecommerce.Shared.Data;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ecommerce.Tests.E2E.Cluster;

/// <summary>
/// Two processes of the store on one fresh PostgreSQL database, started at the same moment, behind nginx configured
/// with the sample in <c>deploy/nginx/ecommerce.conf</c> — the deployment docs/deployment.md describes. Needs a
/// PostgreSQL server (<see cref="PostgresVariable"/>, which <c>./test.sh</c> sets) and nginx (<c>apt-get install
/// nginx</c>, which <c>./test.sh</c> does).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string PostgresVariable = "ECOMMERCE_TEST_POSTGRES";
    public const string AdminEmail = "admin@cluster.example";
    public const string AdminPassword = "Cluster-Admin-Pass1!";
    public const string NginxPath = "/usr/sbin/nginx";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecommerce-cluster", Guid.NewGuid().ToString("N")[..12]);
    private PostgresDatabase? _database;
    private Process? _nginx;
    private IPlaywright? _playwright;

    public Instance A { get; private set; } = default!;
    public Instance B { get; private set; } = default!;
    public IReadOnlyList<Instance> Instances => [A, B];

    /// <summary>nginx, spreading requests over both instances.</summary>
    public Uri Balancer { get; private set; } = default!;

    public string ConnectionString { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The folder both instances keep uploaded media in (<c>Media:Path</c>), as a shared network folder would be.</summary>
    public string SharedMedia => Path.Combine(_root, "media");

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The several-instances tests need a PostgreSQL server: set {PostgresVariable} to its connection string without a database " +
                "(e.g. Host=127.0.0.1;Port=5433;Username=postgres), or run ./test.sh, which starts one.");
        if (!File.Exists(NginxPath))
            throw new InvalidOperationException($"nginx is missing at {NginxPath}; install Debian's nginx (apt-get install -y nginx), or run ./test.sh.");

        Directory.CreateDirectory(SharedMedia);
        _database = PostgresDatabase.Create(server, "ecom_cluster_");
        ConnectionString = _database.ConnectionString;

        // Both at the same moment, on an empty database: one migrates and seeds while the other waits.
        A = new Instance("a", FreePort(), Path.Combine(_root, "a"), Settings());
        B = new Instance("b", FreePort(), Path.Combine(_root, "b"), Settings());
        A.Start();
        B.Start();
        var playwright = Task.Run(async () =>
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = StoreFixtureBase.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
            });
        });
        await Task.WhenAll(A.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)), B.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)), playwright);
        await StartNginxAsync();
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Ecommerce"] = ConnectionString,
        ["Media__Path"] = SharedMedia,
        ["Seed__DemoCatalog"] = "true",
        ["Admin__Email"] = AdminEmail,
        ["Admin__Password"] = AdminPassword,
        ["RateLimiting__Enabled"] = "false",
        // The catalog cache stays on (its default lifetime): a change must reach the other instance's cache.
        // The anonymous-cart clean-up every 3 seconds, so that the test sees several runs.
        ["Cart__CleanupIntervalMinutes"] = "0.05",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Migrations"] = "Information",
        ["Logging__LogLevel__Ecommerce.Shared.Data.StoreInitializer"] = "Information",
        ["Logging__LogLevel__Ecommerce.Web.Hosting.AnonymousCartCleanupJob"] = "Debug",
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    private async Task StartNginxAsync()
    {
        var sample = await File.ReadAllTextAsync(Path.Combine(Instance.RepositoryRoot, "deploy", "nginx", "ecommerce.conf"));
        var port = FreePort();
        var site = Replace(Replace(Replace(sample, "127.0.0.1:5001", $"127.0.0.1:{A.Port}"), "127.0.0.1:5002", $"127.0.0.1:{B.Port}"),
            "listen 8080;", $"listen 127.0.0.1:{port};");
        var prefix = Path.Combine(_root, "nginx");
        Directory.CreateDirectory(prefix);
        await File.WriteAllTextAsync(Path.Combine(prefix, "ecommerce.conf"), site);
        // The rest of what /etc/nginx/nginx.conf would say, written for a process that is not root.
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{prefix}}/ecommerce.conf;
            }
            """);
        _nginx = Process.Start(new ProcessStartInfo(NginxPath, ["-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        Balancer = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Balancer, "health/ready"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
            if (_nginx.HasExited)
                throw new InvalidOperationException($"nginx stopped: {await _nginx.StandardError.ReadToEndAsync()}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("nginx did not answer /health/ready within 20 s.");
            await Task.Delay(100);
        }

        static string Replace(string text, string sample, string actual) =>
            text.Contains(sample, StringComparison.Ordinal)
                ? text.Replace(sample, actual, StringComparison.Ordinal)
                : throw new InvalidOperationException($"deploy/nginx/ecommerce.conf no longer contains '{sample}', which the cluster test replaces.");
    }

    /// <summary>A context on the shared database, for checks behind the API.</summary>
    public AppDbContext Db()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        StoreDatabase.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Postgres }, ConnectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>A browser context for one test; cookies are per host, so one context reaches every instance's port.</summary>
    public Task<IBrowserContext> NewBrowserContextAsync() =>
        Browser.NewContextAsync(new() { ViewportSize = StoreFixtureBase.Desktop, Locale = "en-US", TimezoneId = "UTC" });

    public async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        _database?.Drop();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One process of the store (the built Ecommerce.Web, run with <c>dotnet</c>), and what it wrote to its console.</summary>
public sealed class Instance(string name, int port, string dataPath, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    public string Name { get; } = name;
    public int Port { get; } = port;
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}/");

    /// <summary>Every line the process wrote so far (the console logger's two-line entries joined into one).</summary>
    public IReadOnlyList<string> Log => [.. _log];

    public static string RepositoryRoot { get; } = FindRoot();

    public void Start()
    {
        // The web project's own build output, in the configuration the tests were built in (bin/Debug or bin/Release).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // …/bin/Debug/net10.0
        var project = Path.Combine(RepositoryRoot, "src", "Ecommerce.Web");
        var app = Path.Combine(project, "bin", configuration, "net10.0", "Ecommerce.Web.dll");
        if (!File.Exists(app)) throw new InvalidOperationException($"The store is not built at {app}: dotnet build Ecommerce.Web.sln -c {configuration}");

        var start = new ProcessStartInfo("dotnet", [app])
        {
            WorkingDirectory = project, // the content root: wwwroot and the static web assets of Development
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // static web assets from the build output, as in the other e2e tests
        start.Environment["Storage__DataPath"] = dataPath;
        foreach (var (key, value) in settings) start.Environment[key] = value;
        _process = Process.Start(start)!;
        string? pending = null;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            // The simple console formatter writes "level: category[id]" and then the message on an indented line.
            if (e.Data.StartsWith("      ", StringComparison.Ordinal) && pending is not null)
            {
                _log.Enqueue(pending + " " + e.Data.Trim());
                pending = null;
                return;
            }
            if (pending is not null) _log.Enqueue(pending);
            pending = e.Data;
        };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _log.Enqueue("stderr: " + e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"Instance {Name} stopped with exit code {_process.ExitCode}:\n{string.Join('\n', Log.TakeLast(40))}");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "health/ready"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Instance {Name} was not ready within {timeout.TotalSeconds:0} s:\n{string.Join('\n', Log.TakeLast(40))}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        // Kept for a look after a failed run: TestResults-like folder next to the test assembly.
        var logs = Path.Combine(AppContext.BaseDirectory, "cluster-logs");
        Directory.CreateDirectory(logs);
        await File.WriteAllLinesAsync(Path.Combine(logs, $"instance-{Name}.log"), Log);
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ecommerce.Web.sln"))) return dir.FullName;
        throw new InvalidOperationException("Ecommerce.Web.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Two instances behind nginx (PostgreSQL)";
}
