using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Ecommerce.Web.Components.Layout;

/// <summary>
/// The storefront theme's style blocks, rendered once and then written into every page as they are. MudBlazor's
/// <c>MudThemeProvider</c> builds the same 12 KB of CSS from <see cref="StoreTheme.Theme"/> on every render and, on a
/// static page, fails a JavaScript call (an exception) when the page's renderer is disposed: about a fifth of what a
/// storefront page cost to render. The theme does not change while the store runs, so neither does this markup.
/// The back office keeps its own live <c>MudThemeProvider</c>.
/// </summary>
public sealed class StoreThemeStyles(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly Lazy<Task<MarkupString>> _markup = new(() => RenderAsync(scopes, loggers));

    public Task<MarkupString> GetAsync() => _markup.Value;

    private static async Task<MarkupString> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<StoreThemeSource>()).ToHtmlString());
        return new MarkupString(html);
    }
}
