namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>The page reader must show what the browser would show after streamed updates are applied.</summary>
public class HttpTestExtensionsTests
{
    [Fact]
    public void Streamed_updates_replace_the_placeholder_content()
    {
        const string html = """
            <!DOCTYPE html><html><head><!--bl:1--><title>Loading</title><!--/bl:1--></head><body>
            <main><!--bl:2--><p class="skeleton">Loading products…</p><!--/bl:2--><footer>Foot</footer></main>
            <blazor-ssr><template blazor-component-id="1"><title>Audio · Harbor Supply</title></template><template blazor-component-id="2" enhanced-nav="true"><ul><li class="card">Speaker</li><li class="card">Headphones</li></ul></template><blazor-ssr-end></blazor-ssr-end></blazor-ssr><!--Blazor-Server-Component-State:x-->
            </body></html>
            """;

        var document = HttpTestExtensions.ParseHtml(html);

        Assert.Equal("Audio · Harbor Supply", document.Title);
        Assert.Equal(["Speaker", "Headphones"], document.QuerySelectorAll("li.card").Select(li => li.TextContent));
        Assert.Null(document.QuerySelector(".skeleton"));
        Assert.Null(document.QuerySelector("blazor-ssr"));
        Assert.NotNull(document.QuerySelector("footer"));
    }

    [Fact]
    public void A_page_without_streaming_is_parsed_as_is()
    {
        var document = HttpTestExtensions.ParseHtml("<html><head><title>Home</title></head><body><h1>Hi</h1></body></html>");
        Assert.Equal("Home", document.Title);
        Assert.Equal("Hi", document.QuerySelector("h1")!.TextContent);
    }
}
