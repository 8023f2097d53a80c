using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E.Infrastructure;

/// <summary>Locators and steps for the back office (/admin): its frame, MudBlazor fields and selects, the order page's panels.</summary>
public static class AdminUi
{
    /// <summary>The bootstrap admin that <see cref="StoreServer"/> configures (the account menu calls it "Store").</summary>
    public static readonly Customer Admin = new(StoreServer.AdminEmail, StoreServer.AdminPassword, "Store", "Admin");

    /// <summary>The back office's main area (the layout's &lt;main id="admin-main"&gt;).</summary>
    public static ILocator AdminMain(this IPage page) => page.Locator("#admin-main");

    public static ILocator AdminNav(this IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Back office" });

    /// <summary>MudBlazor's snackbars (the toasts at the corner of an interactive page).</summary>
    public static ILocator Snackbar(this IPage page) => page.Locator(".mud-snackbar");

    /// <summary>A card of the back office labelled by its heading ("Pictures", "Actions", "History").</summary>
    public static ILocator AdminCard(this IPage page, string heading) =>
        page.AdminMain().GetByRole(AriaRole.Region, new() { Name = heading, Exact = true });

    /// <summary>A MudSelect by its label: MudBlazor gives it the combobox role, and its text is the chosen item's.</summary>
    public static ILocator MudSelect(this ILocator scope, string label) =>
        scope.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}( ?\\*)?$") });

    /// <summary>
    /// Picks an item of a MudSelect: opens it, then clicks the item in the popover. The popover lives outside the
    /// field (MudPopoverProvider), so the item is looked up on the whole page.
    /// </summary>
    public static async Task SelectMudOptionAsync(this IPage page, ILocator scope, string label, string item)
    {
        var select = scope.MudSelect(label);
        await Expect(select).ToHaveCountAsync(1);
        await select.ClickAsync();
        var option = page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex($"^\\s*{Regex.Escape(item)}\\s*$") });
        await Expect(option).ToHaveCountAsync(1);
        await option.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await ExpectMudSelectAsync(select, item);
    }

    /// <summary>
    /// Checks the item a MudSelect shows. With a ToStringFunc it is a read-only input holding the text; without one
    /// a box showing the chosen item's content.
    /// </summary>
    public static async Task ExpectMudSelectAsync(ILocator select, string item)
    {
        if (await select.EvaluateAsync<string>("e => e.tagName") == "INPUT") await Expect(select).ToHaveValueAsync(item);
        else await Expect(select).ToHaveTextAsync(new Regex($"^\\s*{Regex.Escape(item)}\\s*$"));
    }

    // ---- order page ----

    public static ILocator OrderActions(this IPage page) => page.AdminCard("Actions");

    /// <summary>The entries of the order's history card, newest first.</summary>
    public static ILocator OrderHistoryEntries(this IPage page) => page.AdminCard("History").GetByRole(AriaRole.Listitem);

    /// <summary>
    /// Moves an order one step from its back-office page: types the note (and tracking for "Mark shipped"), presses
    /// the step's button and waits until the page shows the new status (<paramref name="newStatus"/> as the chips write it: "Paid").
    /// </summary>
    public static async Task AdvanceOrderAsync(this IPage page, string step, string newStatus, string? note,
        string? trackingNumber = null, string? carrier = null)
    {
        var actions = page.OrderActions();
        var button = actions.GetByRole(AriaRole.Button, new() { Name = step, Exact = true });
        await ShoppingUi.WaitForInteractiveAsync(button);
        if (note is not null) await actions.Field("Note").FillAsync(note);
        if (trackingNumber is not null) await actions.Field("Tracking number").FillAsync(trackingNumber);
        if (carrier is not null) await actions.Field("Carrier").FillAsync(carrier);
        // The fields bind on change: leave the last one so its value reaches the circuit before the click.
        if (carrier is not null) await actions.Field("Carrier").BlurAsync();
        else if (trackingNumber is not null) await actions.Field("Tracking number").BlurAsync();
        else if (note is not null) await actions.Field("Note").BlurAsync();
        await button.ClickAsync();
        await Expect(page.AdminMain().Locator(".order-title .admin-chip")).ToHaveTextAsync(newStatus);
        await Expect(page.OrderHistoryEntries().First.Locator(".admin-chip")).ToHaveTextAsync(newStatus);
    }
}

/// <summary>Small valid PNG files made in memory, for uploads (8-bit RGB, one colour, no external encoder).</summary>
public static class Png
{
    public static byte[] Solid(int width, int height, byte red, byte green, byte blue)
    {
        // Each scanline: filter byte 0, then RGB triples.
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            for (var x = 0; x < width; x++)
            {
                // A lighter diagonal stripe, so the picture is recognisable in a screenshot.
                var light = Math.Abs(x - y) < width / 8;
                raw[row + 1 + x * 3] = light ? (byte)Math.Min(255, red + 90) : red;
                raw[row + 2 + x * 3] = light ? (byte)Math.Min(255, green + 90) : green;
                raw[row + 3 + x * 3] = light ? (byte)Math.Min(255, blue + 90) : blue;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
