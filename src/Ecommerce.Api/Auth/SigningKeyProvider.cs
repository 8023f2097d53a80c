using System.Security.Cryptography;
using System.Text;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Instances;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.Api.Auth;

/// <summary>
/// The key that signs API access tokens, the same on every instance: <c>Jwt:SigningKey</c> when configured, otherwise a
/// random key generated once into the database (<see cref="StoreSecrets"/>) — never one per instance. A key an older
/// version kept in the data folder (<c>keys/jwt-signing.key</c>) is taken over, so tokens issued before stay valid.
/// </summary>
public sealed class SigningKeyProvider(IOptions<JwtOptions> options, StoreSecrets secrets, DataDirectory data, ILogger<SigningKeyProvider> logger)
{
    public const string FileName = "jwt-signing.key";
    public const string SecretName = "jwt-signing-key";
    private const int MinimumKeyBytes = 32;

    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(options.Value, secrets, data, logger), LazyThreadSafetyMode.ExecutionAndPublication);

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(JwtOptions jwt, StoreSecrets secrets, DataDirectory data, ILogger logger)
    {
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
        {
            bytes = TryBase64(jwt.SigningKey) ?? Encoding.UTF8.GetBytes(jwt.SigningKey);
            if (bytes.Length < MinimumKeyBytes)
                throw new InvalidOperationException($"Jwt:SigningKey must be at least {MinimumKeyBytes} bytes (e.g. 44 base64 characters).");
        }
        else
        {
            var stored = secrets.GetOrCreate(SecretName, () =>
            {
                var legacy = Path.Combine(data.Path, "keys", FileName);
                if (File.Exists(legacy) && TryBase64(File.ReadAllText(legacy).Trim()) is { Length: >= MinimumKeyBytes } old)
                {
                    logger.LogInformation("Took over the API token signing key from {Path} into the database", legacy);
                    return Convert.ToBase64String(old);
                }
                logger.LogInformation("Generated an API token signing key into the database");
                return Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
            });
            bytes = TryBase64(stored) is { Length: >= MinimumKeyBytes } valid
                ? valid
                : throw new InvalidOperationException($"The stored secret '{SecretName}' is not a base64 key of at least {MinimumKeyBytes} bytes.");
        }
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }
}
