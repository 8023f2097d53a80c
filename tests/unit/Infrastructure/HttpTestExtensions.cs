using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>Reading responses in tests: JSON envelopes, HTML pages (with streamed updates applied) and forms.</summary>
public static partial class HttpTestExtensions
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Parses a server-rendered page. When the page used streaming rendering, the streamed updates (the
    /// <c>&lt;blazor-ssr&gt;</c> templates the browser script would patch in) are applied first, so tests see
    /// what a shopper sees.
    /// </summary>
    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        ParseHtml(await response.Content.ReadAsStringAsync());

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await response.ReadHtmlAsync());
    }

    public static IHtmlDocument ParseHtml(string html) => new HtmlParser().ParseDocument(ApplyStreamedUpdates(html));

    internal static string ApplyStreamedUpdates(string html)
    {
        if (!html.Contains("<blazor-ssr>", StringComparison.Ordinal)) return html;
        var updates = StreamedTemplate().Matches(html).Select(m => (Id: m.Groups["id"].Value, Content: m.Groups["content"].Value)).ToList();
        html = StreamedBlock().Replace(html, "");
        foreach (var (id, content) in updates)
        {
            var region = new Regex($"<!--bl:{id}-->.*?<!--/bl:{id}-->", RegexOptions.Singleline);
            html = region.Replace(html, _ => $"<!--bl:{id}-->{content}<!--/bl:{id}-->", 1);
        }
        return html;
    }

    [GeneratedRegex("""<template blazor-component-id="(?<id>\d+)"[^>]*>(?<content>.*?)</template>(?=<template blazor-component-id=|<blazor-ssr-end>)""", RegexOptions.Singleline)]
    private static partial Regex StreamedTemplate();

    [GeneratedRegex("<blazor-ssr>.*?</blazor-ssr>", RegexOptions.Singleline)]
    private static partial Regex StreamedBlock();

    /// <summary>The text of an element with whitespace runs collapsed.</summary>
    public static string Text(this IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The values a browser would post for the form's hidden inputs (handler name, antiforgery token…).</summary>
    public static Dictionary<string, string> HiddenFields(this IElement form) =>
        form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);

    /// <summary>Prices shown on the product cards of a listing, in page order ("$1,299.00" → 1299.00).</summary>
    public static List<decimal> CardPrices(this IParentNode document) =>
        document.QuerySelectorAll(".product-card .price-tag__now")
            .Select(e => decimal.Parse(e.Text(), NumberStyles.Currency, CultureInfo.GetCultureInfo("en-US")))
            .ToList();

    /// <summary>Product names on the cards of a listing, in page order.</summary>
    public static List<string> CardNames(this IParentNode document) =>
        document.QuerySelectorAll(".product-card__title a").Select(e => e.Text()).ToList();

    public static IEnumerable<string> SetCookies(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
