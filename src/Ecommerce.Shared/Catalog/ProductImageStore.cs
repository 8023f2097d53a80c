using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Catalog;

/// <summary>Upload limits for product pictures (configuration section "Media").</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The largest picture accepted, in bytes.</summary>
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;
}

/// <summary>
/// Product pictures uploaded in the back office: JPEG, PNG or WebP, recognised by their content (the first
/// bytes), not by the file name; kept under the data folder's media directory and served from /media.
/// </summary>
public sealed class ProductImageStore(DataDirectory data, IOptions<MediaOptions> options)
{
    public const string UrlPrefix = "/media/products/";

    public long MaxBytes => options.Value.MaxImageBytes;

    /// <summary>What kind of picture the bytes are: "jpg", "png", "webp", or null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "jpg";
        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "png";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "webp";
        return null;
    }

    /// <summary>Stores the picture and returns its URL, or an error saying why it was refused.</summary>
    public async Task<Result<string>> SaveAsync(int productId, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
                return Error.Validation("image", $"The picture is larger than {FormatSize(MaxBytes)}.");
        }
        if (buffer.Length == 0) return Error.Validation("image", "The file is empty.");

        var extension = Sniff(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 16)));
        if (extension is null) return Error.Validation("image", "Only JPEG, PNG and WebP pictures can be uploaded.");

        var folder = Path.Combine(data.Path, "media", "products", productId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var name = $"{Guid.NewGuid():N}.{extension}";
        await File.WriteAllBytesAsync(Path.Combine(folder, name), buffer.ToArray(), cancellationToken);
        return $"{UrlPrefix}{productId}/{name}";
    }

    /// <summary>A size for people: "5 MB", "1.5 MB", "512 KB", "900 bytes".</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024m * 1024m):0.#} MB"),
        >= 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024m:0.#} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    /// <summary>Deletes an uploaded picture's file (pictures that ship with the app are left alone).</summary>
    public void Delete(string url)
    {
        if (!url.StartsWith(UrlPrefix, StringComparison.Ordinal)) return;
        var relative = url["/media/".Length..].Replace('/', Path.DirectorySeparatorChar);
        var path = Path.GetFullPath(Path.Combine(data.Path, "media", relative));
        var root = Path.GetFullPath(Path.Combine(data.Path, "media")) + Path.DirectorySeparatorChar;
        if (path.StartsWith(root, StringComparison.Ordinal) && File.Exists(path)) File.Delete(path);
    }

    /// <summary>Deletes every uploaded picture of a product.</summary>
    public void DeleteAll(int productId)
    {
        var folder = Path.Combine(data.Path, "media", "products", productId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
