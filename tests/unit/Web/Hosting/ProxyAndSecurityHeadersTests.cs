using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Data;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Web.Hosting;

/// <summary>Behind a TLS-terminating proxy: X-Forwarded-* believed from trusted proxies only.</summary>
public class ForwardedHeadersTests(StoreAppFixture fixture) : IClassFixture<StoreAppFixture>
{
    internal static HttpRequestMessage Via(string remote, HttpMethod method, string url, string proto = "https", string? host = "shop.example.com", string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add(StoreApp.RemoteAddressHeader, remote);
        request.Headers.Add("X-Forwarded-Proto", proto);
        if (host is not null) request.Headers.Add("X-Forwarded-Host", host);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static bool IsSecure(string setCookie) => setCookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    private async Task<(string Antiforgery, string Cart, string Flash, string? Location)> CookiesVia(string remote)
    {
        var client = fixture.App.CreateRawClient();
        using var login = await client.SendAsync(Via(remote, HttpMethod.Get, "/account/login"));
        var antiforgery = login.SetCookies().Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

        var productId = await fixture.App.WithDbAsync(db => Task.FromResult(db.Products.First().Id));
        var add = Via(remote, HttpMethod.Post, "/cart/add");
        add.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["productId"] = productId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var added = await client.SendAsync(add);
        var cart = added.SetCookies().Single(c => c.StartsWith("store.cart=", StringComparison.Ordinal));
        var flash = added.SetCookies().Single(c => c.StartsWith("store.flash=", StringComparison.Ordinal));

        using var account = await client.SendAsync(Via(remote, HttpMethod.Get, "/account/orders"));
        return (antiforgery, cart, flash, account.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1", true, "https://shop.example.com/account/login")]
    [InlineData("203.0.113.77", false, "http://localhost/account/login")]
    public async Task Https_is_believed_from_a_trusted_proxy_only(string remote, bool secure, string redirect)
    {
        var (antiforgery, cart, flash, location) = await CookiesVia(remote);
        foreach (var cookie in new[] { antiforgery, cart, flash }) Assert.True(secure == IsSecure(cookie), cookie);
        Assert.StartsWith(redirect, location);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_over_https_through_the_proxy()
    {
        var client = fixture.App.CreateRawClient();
        using var page = await client.SendAsync(Via("127.0.0.1", HttpMethod.Get, "/account/register"));
        var document = await page.ReadHtmlAsync();
        var fields = document.QuerySelector("form.form")!.HiddenFields();
        var email = ApiSessions.NewEmail();
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["_handler"] = "register", ["Input.FirstName"] = "Tess", ["Input.LastName"] = "Proxy", ["Input.Email"] = email,
                     ["Input.Password"] = ApiSessions.CustomerPassword, ["Input.ConfirmPassword"] = ApiSessions.CustomerPassword,
                 })
            fields[name] = value;
        var post = Via("127.0.0.1", HttpMethod.Post, "/account/register");
        post.Headers.Add("Cookie", string.Join("; ", page.SetCookies().Select(c => c.Split(';')[0])));
        post.Content = new FormUrlEncodedContent(fields);
        using var registered = await client.SendAsync(post);

        var auth = Assert.Single(registered.SetCookies(), c => c.StartsWith("store.auth=", StringComparison.Ordinal));
        Assert.True(IsSecure(auth), auth);
    }

    [Fact]
    public async Task Api_image_urls_use_the_forwarded_scheme_and_host()
    {
        var client = fixture.App.CreateRawClient();
        using var trusted = await client.SendAsync(Via("127.0.0.1", HttpMethod.Get, "/api/v1/products?pageSize=3"));
        var body = await trusted.Content.ReadAsStringAsync();
        Assert.Contains("\"https://shop.example.com/", body);
        Assert.DoesNotContain("\"http://", body);

        using var untrusted = await client.SendAsync(Via("203.0.113.77", HttpMethod.Get, "/api/v1/products?pageSize=3"));
        var plain = await untrusted.Content.ReadAsStringAsync();
        Assert.Contains("\"http://localhost/", plain);
        Assert.DoesNotContain("shop.example.com", plain);
    }

    [Fact]
    public async Task A_configured_proxy_network_is_trusted()
    {
        using var app = new StoreApp(new Dictionary<string, string?>
        {
            ["Seed:DemoCatalog"] = "false", ["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16", ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.8",
        });
        var client = app.CreateRawClient();
        foreach (var (remote, secure) in new[] { ("10.1.2.3", true), ("192.0.2.8", true), ("10.2.0.1", false) })
        {
            using var response = await client.SendAsync(Via(remote, HttpMethod.Get, "/account/login"));
            var antiforgery = response.SetCookies().Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
            Assert.True(secure == IsSecure(antiforgery), $"{remote}: {antiforgery}");
        }
    }

    [Fact]
    public async Task The_rate_limiter_counts_the_forwarded_client_address()
    {
        using var app = new StoreApp(new Dictionary<string, string?>
        {
            ["Seed:DemoCatalog"] = "false", ["RateLimiting:Enabled"] = "true", ["RateLimiting:Plans:Guest:Burst"] = "2",
        }, services => services.AddSingleton<TimeProvider>(ApiRateLimitTests.StillClock()));
        var client = app.CreateRawClient();
        async Task<HttpStatusCode> Get(string remote, string forwardedFor)
        {
            using var response = await client.SendAsync(Via(remote, HttpMethod.Get, "/api/v1/categories", forwardedFor: forwardedFor));
            return response.StatusCode;
        }

        // Through the trusted proxy, each forwarded client has its own quota.
        Assert.Equal(HttpStatusCode.OK, await Get("127.0.0.1", "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await Get("127.0.0.1", "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Get("127.0.0.1", "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await Get("127.0.0.1", "198.51.100.2"));

        // A client that is not a proxy cannot escape its quota by making up addresses.
        Assert.Equal(HttpStatusCode.OK, await Get("203.0.113.90", "198.51.100.3"));
        Assert.Equal(HttpStatusCode.OK, await Get("203.0.113.90", "198.51.100.4"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Get("203.0.113.90", "198.51.100.5"));
    }

    [Fact]
    public async Task Hsts_is_sent_in_production_over_https_only()
    {
        using var app = new StoreApp(new Dictionary<string, string?> { ["environment"] = "Production", ["Seed:DemoCatalog"] = "false" });
        var client = app.CreateRawClient();
        using var https = await client.SendAsync(Via("127.0.0.1", HttpMethod.Get, "/health/live"));
        Assert.True(https.Headers.Contains("Strict-Transport-Security"), "no HSTS over https in Production");
        using var http = await client.SendAsync(Via("127.0.0.1", HttpMethod.Get, "/health/live", proto: "http"));
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));

        using var development = await fixture.App.CreateRawClient().SendAsync(Via("127.0.0.1", HttpMethod.Get, "/health/live"));
        Assert.False(development.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>Security headers on every kind of response, and the CSP's allowance for the import map.</summary>
public partial class SecurityHeadersTests(StoreAppFixture fixture) : IClassFixture<StoreAppFixture>
{
    public static TheoryData<string, int> Responses => new()
    {
        { "/", 200 }, { "/account/login", 200 }, { "/api/v1/categories", 200 }, { "/api/v1/nope", 404 }, { "/no-such-page", 404 },
        { "/health/live", 200 }, { "/app.css", 200 }, { "/media/products/test/headers.png", 200 }, { "/openapi/v1.json", 200 }, { "/api/docs/", 200 },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string url, int status)
    {
        var media = Path.Combine(fixture.App.Services.GetRequiredService<DataDirectory>().Path, "media", "products", "test");
        Directory.CreateDirectory(media);
        await File.WriteAllBytesAsync(Path.Combine(media, "headers.png"), TestPictures.Png());

        using var response = await fixture.App.CreateRawClient().GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        var permissions = string.Join(",", response.Headers.GetValues("Permissions-Policy"));
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()" }) Assert.Contains(feature, permissions);
        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Matches("script-src 'self'", csp);
        if (!url.StartsWith("/api/docs", StringComparison.Ordinal)) Assert.DoesNotContain("unsafe-inline';", csp.Split("style-src")[0]);
    }

    [Fact]
    public async Task A_500_keeps_the_security_headers()
    {
        using var app = new StoreApp(new Dictionary<string, string?> { ["Seed:DemoCatalog"] = "false" });
        await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, """DROP TABLE "Categories";"""));
        using var response = await app.CreateRawClient().GetAsync("/api/v1/categories");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.True(response.Headers.Contains("X-Content-Type-Options"));
    }

    [Fact]
    public async Task The_pages_only_inline_script_the_import_map_is_allowed_by_its_hash()
    {
        using var response = await fixture.App.CreateRawClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        var inline = InlineScript().Matches(html).Select(m => m.Groups["body"].Value).Where(b => b.Length > 0).ToList();
        Assert.NotEmpty(inline);
        foreach (var script in inline)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
            Assert.Contains($"'sha256-{hash}'", csp);
        }
        var scriptSources = csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSources);
        Assert.DoesNotContain("unsafe-eval", scriptSources);
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}

public class SafeUploadTests
{
    [Fact]
    public async Task A_jpeg_html_polyglot_is_stored_without_its_html()
    {
        using var s = await AdminServices.CreateAsync();
        var product = await s.Products.CreateAsync(s.Actor, new ProductInput { Name = "Poly", Sku = "POLY-1", Price = 1m, Stock = 1, Description = "x" });
        var html = "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();
        // A JPEG comment segment (FFFE) holding HTML, right after the start marker, and more HTML after the end marker.
        var jpeg = TestPictures.Jpeg(8, 8);
        var comment = new byte[] { 0xFF, 0xFE, (byte)((html.Length + 2) >> 8), (byte)((html.Length + 2) & 0xFF) }.Concat(html);
        var polyglot = jpeg.Take(2).Concat(comment).Concat(jpeg.Skip(2)).Concat(html).ToArray();

        using var stream = new MemoryStream(polyglot);
        var result = await s.Products.AddImageAsync(s.Actor, product.Value.Id, stream, "poly.jpg");

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Message)));
        var stored = await File.ReadAllBytesAsync(Path.Combine(s.DataPath, result.Value.Url.TrimStart('/').Replace('/', Path.DirectorySeparatorChar)));
        Assert.Equal((SkiaSharp.SKEncodedImageFormat.Jpeg, 8, 8), TestPictures.Describe(stored));
        Assert.DoesNotContain("<script", Encoding.Latin1.GetString(stored), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<html", Encoding.Latin1.GetString(stored), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("huge")]
    [InlineData("png-named-jpeg")]
    public void Pictures_that_do_not_decode_as_one_image_of_their_kind_are_refused(string kind)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new MediaOptions { MaxImageDimension = 100 });
        var store = new ProductImageStore(new Ecommerce.Shared.Instances.FileSystemMediaStorage(new DataDirectory(ShopperApp.NewDataPath()), options), options);
        var (bytes, claimed) = kind switch
        {
            "truncated" => (TestPictures.Png(10, 10)[..40], "png"),
            "huge" => (TestPictures.Png(101, 1), "png"),
            _ => (TestPictures.Png(), "jpg"),
        };
        var result = store.ReEncode(bytes, claimed);
        Assert.False(result.Succeeded);
        Assert.Equal("image", result.Errors[0].Field);
    }
}
