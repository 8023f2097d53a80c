namespace Ecommerce.Shared.Common;

/// <summary>
/// The correlation id of the request being served (<c>X-Correlation-Id</c>): taken from the client when it sent a
/// usable one, made up otherwise. It flows with the request's async work, like <see cref="System.Diagnostics.Activity.Current"/>,
/// so that what the request writes (order status history, audit entries) and every call it makes to another service
/// can carry it without each service being handed it. Null outside a request (background jobs, interactive circuits).
/// </summary>
public static class RequestCorrelation
{
    public const string HeaderName = "X-Correlation-Id";
    public const int MaxLength = 128;

    private static readonly AsyncLocal<string?> current = new();

    public static string? Current => current.Value;

    /// <summary>A client's id is used when it is 1–128 printable ASCII characters (no spaces or control characters).</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => c is > ' ' and <= '~');

    /// <summary>Makes <paramref name="correlationId"/> the current one until the returned scope is disposed.</summary>
    public static IDisposable Begin(string correlationId)
    {
        var previous = current.Value;
        current.Value = correlationId;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => current.Value = previous;
    }
}

/// <summary>An entity that keeps the correlation id of the request that created it (stamped on save).</summary>
public interface IHasCorrelationId
{
    string? CorrelationId { get; set; }
}
