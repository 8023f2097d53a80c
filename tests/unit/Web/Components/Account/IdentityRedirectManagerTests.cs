using Ecommerce.Web.Components.Account;

namespace Ecommerce.Tests.Unit.Web.Components.Account;

public class IdentityRedirectManagerTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/c/audio", "/c/audio")]
    [InlineData("/search?q=lamp&page=2", "/search?q=lamp&page=2")]
    [InlineData("c/audio", "/c/audio")]
    [InlineData("  /c/audio  ", "/c/audio")]
    public void Keeps_local_urls(string url, string expected)
    {
        Assert.Equal(expected, IdentityRedirectManager.SafeLocalUrl(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    public void Sends_empty_and_protocol_relative_urls_home(string? url)
    {
        Assert.Equal("/", IdentityRedirectManager.SafeLocalUrl(url));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("http://evil.example/account")]
    [InlineData("HTTPS://EVIL.EXAMPLE")]
    public void Sends_absolute_urls_to_other_sites_home(string url)
    {
        // The documented contract: "The URL when it is local to this site, otherwise "/"".
        Assert.Equal("/", IdentityRedirectManager.SafeLocalUrl(url));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\/evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public void Never_leaves_the_site(string url)
    {
        var safe = IdentityRedirectManager.SafeLocalUrl(url);
        Assert.StartsWith("/", safe);
        Assert.False(safe.StartsWith("//", StringComparison.Ordinal));
        Assert.False(safe.StartsWith("/\\", StringComparison.Ordinal));
        Assert.False(Uri.TryCreate(safe, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https");
    }
}
