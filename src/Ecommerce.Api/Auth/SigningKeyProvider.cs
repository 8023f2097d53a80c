using System.Security.Cryptography;
using System.Text;
using Ecommerce.Shared.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.Api.Auth;

/// <summary>
/// The key that signs API access tokens: <c>Jwt:SigningKey</c> when configured, otherwise a random key generated
/// on first start and kept in the data folder (<c>keys/jwt-signing.key</c>), so tokens survive restarts.
/// </summary>
public sealed class SigningKeyProvider
{
    public const string FileName = "jwt-signing.key";
    private const int MinimumKeyBytes = 32;

    public SigningKeyProvider(IOptions<JwtOptions> options, DataDirectory data, ILogger<SigningKeyProvider> logger)
    {
        var configured = options.Value.SigningKey;
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            bytes = TryBase64(configured) ?? Encoding.UTF8.GetBytes(configured);
            if (bytes.Length < MinimumKeyBytes)
                throw new InvalidOperationException($"Jwt:SigningKey must be at least {MinimumKeyBytes} bytes (e.g. 44 base64 characters).");
        }
        else
        {
            var path = Path.Combine(data.Path, "keys", FileName);
            if (File.Exists(path) && TryBase64(File.ReadAllText(path).Trim()) is { Length: >= MinimumKeyBytes } stored)
            {
                bytes = stored;
            }
            else
            {
                bytes = RandomNumberGenerator.GetBytes(64);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Convert.ToBase64String(bytes));
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                logger.LogInformation("Generated an API token signing key in {Path}", path);
            }
        }
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }
}
