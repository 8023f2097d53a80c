namespace Ecommerce.Shared.Common;

/// <summary>The store keeps every time in UTC; a time that names no zone is taken to be UTC, whatever the server's zone.</summary>
public static class UtcTime
{
    public static DateTime Normalize(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static DateTime? Normalize(DateTime? value) => value is { } v ? Normalize(v) : null;
}
