using MudBlazor;

namespace Ecommerce.Web.Hosting;

/// <summary>The storefront's look: a deep harbour teal with a warm accent, on a soft paper background.</summary>
public static class StoreTheme
{
    private static readonly string[] FontStack =
        ["Inter", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f5e6b",
            PrimaryDarken = "#0a4650",
            Secondary = "#d9692c",
            Tertiary = "#6b8f3f",
            AppbarBackground = "#ffffff",
            AppbarText = "#1d2a2e",
            Background = "#f6f4f0",
            Surface = "#ffffff",
            TextPrimary = "#1d2a2e",
            TextSecondary = "#55666b",
            Success = "#2e7d4f",
            Warning = "#b26a00",
            Error = "#b3261e",
            LinesDefault = "#e4e0d8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack, FontSize = "2.25rem", FontWeight = "700", LineHeight = "1.2" },
            H2 = new H2Typography { FontFamily = FontStack, FontSize = "1.75rem", FontWeight = "700", LineHeight = "1.25" },
            H3 = new H3Typography { FontFamily = FontStack, FontSize = "1.4rem", FontWeight = "600", LineHeight = "1.3" },
            H4 = new H4Typography { FontFamily = FontStack, FontSize = "1.2rem", FontWeight = "600", LineHeight = "1.35" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };

    /// <summary>The back office: the same colours, tighter corners and a neutral background for dense screens.</summary>
    public static readonly MudTheme Admin = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f5e6b",
            PrimaryDarken = "#0a4650",
            Secondary = "#d9692c",
            Tertiary = "#6b8f3f",
            AppbarBackground = "#14292e",
            AppbarText = "#ffffff",
            Background = "#f3f4f5",
            Surface = "#ffffff",
            TextPrimary = "#1d2a2e",
            TextSecondary = "#55666b",
            Success = "#2e7d4f",
            Warning = "#b26a00",
            Error = "#b3261e",
            LinesDefault = "#e2e5e7",
            TableLines = "#e8eaec",
        },
        Typography = Theme.Typography,
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
