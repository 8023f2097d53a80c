using System.ComponentModel.DataAnnotations;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Instances;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Ecommerce.Shared.Catalog;

/// <summary>Upload limits for product pictures (configuration section "Media").</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The largest picture accepted, in bytes.</summary>
    [Range(1024, 1L << 30)]
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The widest or tallest picture accepted, in pixels (checked before the picture is decoded).</summary>
    [Range(16, 100_000)]
    public int MaxImageDimension { get; set; } = 8000;

    /// <summary>The most pixels (width × height) a picture may have, checked before it is decoded.</summary>
    [Range(256, 1_000_000_000)]
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>
    /// The folder uploaded files are kept in, relative to the data folder or absolute. With several instances, a folder
    /// they all mount (e.g. <c>/mnt/shop-media</c>).
    /// </summary>
    [Required]
    public string Path { get; set; } = "media";
}

/// <summary>
/// Product pictures uploaded in the back office: JPEG, PNG or WebP, recognised by their content (the first
/// bytes), not by the file name; kept in the media storage (<see cref="IMediaStorage"/>) and served from /media. Every
/// picture is decoded and encoded again in its own format, so that only its pixels are stored: whatever else a file
/// carried (HTML or script in a polyglot, metadata) is dropped, and a file that is not exactly one still picture
/// of its kind is refused.
/// </summary>
public sealed class ProductImageStore(IMediaStorage storage, IOptions<MediaOptions> options)
{
    public const string MediaUrlPrefix = "/media/";
    public const string UrlPrefix = MediaUrlPrefix + "products/";

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
        var encoded = ReEncode(buffer.ToArray(), extension);
        if (!encoded.Succeeded) return encoded.Errors[0];

        var path = $"{ProductFolder(productId)}/{Guid.NewGuid():N}.{extension}";
        await storage.WriteAsync(path, encoded.Value, cancellationToken);
        return MediaUrlPrefix + path;
    }

    /// <summary>
    /// Decodes the picture and encodes its pixels again in the same format (JPEG and WebP at quality 90, PNG
    /// lossless). Refused: content that does not decode as the format its first bytes claim, animations (more than
    /// one frame), and sizes beyond <see cref="MediaOptions.MaxImageDimension"/> or <see cref="MediaOptions.MaxImagePixels"/>
    /// (read from the header, before anything is decoded).
    /// </summary>
    internal Result<byte[]> ReEncode(byte[] bytes, string extension)
    {
        var expected = extension switch
        {
            "jpg" => SKEncodedImageFormat.Jpeg,
            "png" => SKEncodedImageFormat.Png,
            _ => SKEncodedImageFormat.Webp,
        };
        var unreadable = Error.Validation("image", "The file is not a readable JPEG, PNG or WebP picture.");
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != expected) return unreadable;
        if (codec.FrameCount > 1) return Error.Validation("image", "Animated pictures cannot be uploaded; use a still picture.");

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var limits = options.Value;
        if (width <= 0 || height <= 0) return unreadable;
        if (width > limits.MaxImageDimension || height > limits.MaxImageDimension || (long)width * height > limits.MaxImagePixels)
            return Error.Validation("image",
                $"The picture is {width} × {height} pixels; at most {limits.MaxImageDimension} pixels a side and {limits.MaxImagePixels / 1_000_000} megapixels are accepted.");

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        if (decoded is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return unreadable;

        using var oriented = Orient(bitmap, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(oriented ?? bitmap);
        using var output = image.Encode(expected, expected == SKEncodedImageFormat.Png ? 100 : 90);
        return output is null ? unreadable : output.ToArray();
    }

    /// <summary>The pixels turned upright as the picture's EXIF orientation says (the re-encoded file has no EXIF); null when already upright.</summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return null;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? new SKImageInfo(source.Height, source.Width, source.ColorType, source.AlphaType) : source.Info);
        using var canvas = new SKCanvas(result);
        var (w, h) = ((float)source.Width, (float)source.Height);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1), // LeftBottom
        };
        canvas.SetMatrix(matrix);
        using var pixels = SKImage.FromBitmap(source);
        canvas.DrawImage(pixels, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
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
        try { storage.Delete(url[MediaUrlPrefix.Length..]); }
        catch (ArgumentException) { } // a path that points outside the storage was never ours
    }

    /// <summary>Deletes every uploaded picture of a product.</summary>
    public void DeleteAll(int productId) => storage.DeleteFolder(ProductFolder(productId));

    private static string ProductFolder(int productId) => "products/" + productId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
