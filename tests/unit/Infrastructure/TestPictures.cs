using SkiaSharp;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>Real, decodable pictures for upload tests (uploads are decoded and re-encoded, so magic bytes alone no longer pass).</summary>
public static class TestPictures
{
    public static byte[] Png(int width = 2, int height = 2) => Encode(SKEncodedImageFormat.Png, width, height);
    public static byte[] Jpeg(int width = 2, int height = 2) => Encode(SKEncodedImageFormat.Jpeg, width, height);
    public static byte[] WebP(int width = 2, int height = 2) => Encode(SKEncodedImageFormat.Webp, width, height);

    public static byte[] Encode(SKEncodedImageFormat format, int width, int height, SKColor? color = null)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color ?? new SKColor(0x1f, 0x5f, 0x7a));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>The format and size a stored picture decodes to.</summary>
    public static (SKEncodedImageFormat Format, int Width, int Height) Describe(byte[] bytes)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes)) ?? throw new Xunit.Sdk.XunitException("The stored file is not a picture.");
        return (codec.EncodedFormat, codec.Info.Width, codec.Info.Height);
    }
}
