using System.Text.Json.Serialization;

namespace Ecommerce.Api.Infrastructure;

/// <summary>The success envelope every /api/v1 response uses: <c>{ success, data, message, timestamp }</c>.</summary>
public sealed record ApiResponse<T>(T Data, string? Message, DateTime Timestamp) : IApiResponse
{
    object? IApiResponse.Data => Data;

    [JsonPropertyOrder(-1)]
    public bool Success => true;
}

/// <summary>Any success envelope, for what handles responses without knowing their data's type (ETags, idempotency).</summary>
public interface IApiResponse
{
    object? Data { get; }
}

/// <summary>A success envelope without data (e.g. "Password changed successfully").</summary>
public sealed record ApiMessage(string Message, DateTime Timestamp)
{
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}

/// <summary>The error envelope: <c>{ success: false, errors: [...], message, timestamp, traceId, path }</c>.</summary>
public sealed record ApiErrorResponse(IReadOnlyList<ApiError> Errors, string Message, DateTime Timestamp, string TraceId, string Path)
{
    [JsonPropertyOrder(-1)]
    public bool Success => false;

    /// <summary>Seconds until the client may try again: rate-limited (429), or the database unreachable (503).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RetryAfter { get; init; }
}

/// <summary>One error: a code from the document's table, a readable message, the field it concerns, and extra values.</summary>
public sealed record ApiError(string Code, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; init; }

    /// <summary>Extra members such as availableStock and requestedQuantity, written beside code and message.</summary>
    [JsonExtensionData]
    public IDictionary<string, object>? Details { get; init; }
}

/// <summary>A page of items as the document shows it.</summary>
public sealed record PagedData<T>(
    IReadOnlyList<T> Items,
    int PageNumber,
    int PageSize,
    int TotalPages,
    int TotalCount,
    bool HasPreviousPage,
    bool HasNextPage);
