using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Ecommerce.Web.Components.Shared;

/// <summary>
/// Icons from the SVG sprite <c>wwwroot/icons.svg</c>: each icon is a short <c>&lt;svg&gt;&lt;use href="icons.svg#name"&gt;</c>
/// instead of the full path data MudBlazor's <c>MudIcon</c> writes into the page every time (a category page repeated
/// 40 KB of it), and plain markup instead of a component, so a product card costs less to render. The sprite file is
/// fingerprinted and cached by the browser once. Icons are decorative (<c>aria-hidden</c>): the control carries the name.
/// </summary>
public static class Sprite
{
    public const string File = "icons.svg";

    private static readonly ConcurrentDictionary<(string Url, string Name, string? Css), MarkupString> Markup = new();

    /// <param name="assets">The component's <c>Assets</c>, which know the sprite's fingerprinted URL.</param>
    /// <param name="name">The symbol's id in the sprite: search, cart, account, heart, heart-filled, add-to-cart, check-circle, error, tune.</param>
    /// <param name="css">Extra classes, e.g. <c>icon--medium</c>.</param>
    public static MarkupString Icon(ResourceAssetCollection assets, string name, string? css = null) =>
        Markup.GetOrAdd((assets[File], name, css), static key => new MarkupString(
            $"<svg class=\"icon{(key.Css is null ? "" : " " + key.Css)}\" aria-hidden=\"true\" focusable=\"false\"><use href=\"{key.Url}#{key.Name}\"></use></svg>"));
}
