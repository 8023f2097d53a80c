using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ecommerce.Tests.E2E.Infrastructure;

/// <summary>
/// One test's browser context and page. <see cref="StepAsync"/> runs a step's actions and assertions and then
/// saves a full-page screenshot as artifacts/e2e-screenshots/&lt;test&gt;/&lt;nn&gt;-&lt;step&gt;.png under the
/// test output folder; a failing step leaves a "-FAILED" screenshot and names the step in the error.
/// It also records what the page did: JavaScript errors, requests to other hosts, and server errors (5xx).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly Uri _baseAddress;
    private int _step;

    internal BrowserSession(IBrowserContext context, IPage page, Uri baseAddress, ITestOutputHelper output, string testName)
    {
        Context = context;
        Page = page;
        _baseAddress = baseAddress;
        _output = output;

        ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "e2e-screenshots", testName);
        if (Directory.Exists(ScreenshotFolder)) Directory.Delete(ScreenshotFolder, recursive: true);
        Directory.CreateDirectory(ScreenshotFolder);
        _output.WriteLine($"Screenshots: {ScreenshotFolder}");

        page.PageError += (_, error) => PageErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            ConsoleErrors.Add(message.Text);
            if (message.Text.StartsWith(CspViolationPrefix, StringComparison.Ordinal)) CspViolations.Add($"{message.Text} (on {page.Url})");
        };
        page.Request += (_, request) =>
        {
            if (!IsLocal(request.Url)) ExternalRequests.Add(request.Url);
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 500) ServerErrors.Add($"{response.Status} {response.Request.Method} {response.Url}");
        };
    }

    public const string CspViolationPrefix = "CSP violation:";

    /// <summary>An init script that reports every Content-Security-Policy violation as a console error.</summary>
    public const string CspReporter = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`));
        """;

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public string ScreenshotFolder { get; }

    public ConcurrentBag<string> PageErrors { get; } = [];
    public ConcurrentBag<string> ConsoleErrors { get; } = [];
    public ConcurrentBag<string> ExternalRequests { get; } = [];
    public ConcurrentBag<string> ServerErrors { get; } = [];
    public ConcurrentBag<string> BrokenImages { get; } = [];
    public ConcurrentBag<string> CspViolations { get; } = [];

    /// <summary>Runs one step of a journey, then screenshots the page.</summary>
    public async Task StepAsync(string name, Func<Task> step)
    {
        var number = ++_step;
        var file = Path.Combine(ScreenshotFolder, $"{number:00}-{FileNameOf(name)}");
        try
        {
            await step();
        }
        catch (Exception ex)
        {
            try { await Page.ScreenshotAsync(new() { Path = file + "-FAILED.png", FullPage = true }); }
            catch (PlaywrightException) { /* the failure itself is what matters */ }
            throw new StepFailedException($"Step {number:00} \"{name}\" failed at {Page.Url}: {ex.Message}", ex);
        }
        await LoadAllImagesAsync();
        // The app bar is sticky: on a page scrolled down (a click far below) a full-page screenshot would show it
        // in the middle of the page, over the content. Take the picture from the top.
        await Page.EvaluateAsync("() => window.scrollTo({ top: 0, left: 0, behavior: 'instant' })");
        // Finished CSS transitions (a MudBlazor label still floating up after the last keystroke) are shown at their end.
        await Page.ScreenshotAsync(new() { Path = file + ".png", FullPage = true, Animations = ScreenshotAnimations.Disabled });
        _output.WriteLine($"  {number:00} {name}  ✓  ({Page.Url})");
    }

    /// <summary>
    /// Runs an action that navigates (a link click, a form submit, a GET form with Blazor's enhanced navigation)
    /// and waits until the new page has replaced the old one and finished streaming in. Enhanced navigation
    /// patches the live DOM instead of loading a new document, so a marker element that the old page carries and
    /// the new markup does not tells the two apart; the listing skeletons (aria-busy) are gone once streaming ends.
    /// </summary>
    public async Task NavigateAsync(Func<Task> action)
    {
        await Page.EvaluateAsync("""
            () => {
                const marker = document.createElement('div');
                marker.id = 'e2e-previous-page';
                marker.hidden = true;
                document.body.appendChild(marker);
            }
            """);
        await action();
        await Page.Locator("#e2e-previous-page").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await WaitForStreamingAsync();
    }

    /// <summary>Opens a URL and waits for the streamed content.</summary>
    public async Task<IResponse?> GotoAsync(string url)
    {
        var response = await Page.GotoAsync(url);
        await WaitForStreamingAsync();
        return response;
    }

    /// <summary>
    /// Full-page screenshots show parts below the fold that a reader never scrolled to, where loading="lazy"
    /// images have not loaded: load every image first (at most a few seconds), and note any that is broken.
    /// </summary>
    private async Task LoadAllImagesAsync()
    {
        var broken = await Page.EvaluateAsync<string[]>("""
            async () => {
                const images = [...document.images];
                images.forEach(i => { if (i.loading === 'lazy') i.loading = 'eager'; });
                const settle = Promise.all(images.map(i => i.complete ? null : new Promise(done => {
                    i.addEventListener('load', done, { once: true });
                    i.addEventListener('error', done, { once: true });
                })));
                await Promise.race([settle, new Promise(done => setTimeout(done, 5000))]);
                return images.filter(i => i.complete && i.naturalWidth === 0 && i.currentSrc).map(i => i.currentSrc);
            }
            """);
        foreach (var src in broken) BrokenImages.Add($"{src} (on {Page.Url})");
    }

    public Task WaitForStreamingAsync() =>
        Assertions.Expect(Page.Locator("[aria-busy='true']")).ToHaveCountAsync(0);

    /// <summary>Fails when the page scrolls sideways (wider than the viewport).</summary>
    public async Task AssertNoHorizontalScrollAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth]");
        Assert.True(widths[0] <= widths[1],
            $"The page scrolls horizontally at {Page.Url}: document.documentElement.scrollWidth is {widths[0]} px, " +
            $"window.innerWidth is {widths[1]} px (body.scrollWidth {widths[2]} px). Widest elements: {await WidestElementsAsync(widths[1])}");
    }

    private async Task<string> WidestElementsAsync(int viewportWidth) =>
        await Page.EvaluateAsync<string>("""
            (limit) => [...document.querySelectorAll('body *')]
                .map(e => ({ e, r: e.getBoundingClientRect() }))
                .filter(x => x.r.right > limit + 1)
                .slice(0, 5)
                .map(x => `${x.e.tagName.toLowerCase()}.${[...x.e.classList].join('.')} (right ${Math.round(x.r.right)})`)
                .join(', ') || 'none found'
            """, viewportWidth);

    /// <summary>Fails on broken images, uncaught JavaScript errors, console errors, 5xx responses or requests that left the machine.</summary>
    public void AssertPageHealthy(Func<string, bool>? expectedConsoleError = null)
    {
        var consoleErrors = ConsoleErrors.Where(e => expectedConsoleError?.Invoke(e) != true).ToList();
        Assert.True(BrokenImages.IsEmpty, "Images that did not load: " + string.Join(" | ", BrokenImages.Distinct()));
        Assert.True(PageErrors.IsEmpty, "Uncaught JavaScript errors: " + string.Join(" | ", PageErrors));
        Assert.True(consoleErrors.Count == 0, "Console errors: " + string.Join(" | ", consoleErrors));
        Assert.True(ServerErrors.IsEmpty, "Server errors: " + string.Join(" | ", ServerErrors));
        Assert.True(ExternalRequests.IsEmpty, "Requests to other hosts: " + string.Join(" | ", ExternalRequests));
    }

    private bool IsLocal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return true;
        if (uri.Scheme is "data" or "blob" or "about" or "chrome" or "chrome-extension") return true;
        return uri.Host is "127.0.0.1" or "localhost" or "[::1]" || uri.Host == _baseAddress.Host;
    }

    private static string FileNameOf(string step)
    {
        var text = new StringBuilder();
        foreach (var c in step.ToLowerInvariant())
            text.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var name = text.ToString();
        while (name.Contains("--")) name = name.Replace("--", "-");
        return name.Trim('-');
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

public sealed class StepFailedException(string message, Exception inner) : Exception(message, inner);
