namespace Ecommerce.Shared.Common;

/// <summary>The error codes of the API document's "Common Error Codes" table, shared by services, API and UI.</summary>
public static class ErrorCodes
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string InvalidFormat = "INVALID_FORMAT";
    public const string RequiredField = "REQUIRED_FIELD";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string AlreadyExists = "ALREADY_EXISTS";
    public const string Conflict = "CONFLICT";
    public const string ExpiredToken = "EXPIRED_TOKEN";
    public const string InvalidToken = "INVALID_TOKEN";
    public const string InsufficientStock = "INSUFFICIENT_STOCK";
    /// <summary>The cart's coupon stopped applying (used up, expired, disabled…) between applying it and checkout.</summary>
    public const string CouponInvalid = "COUPON_INVALID";
    /// <summary>A price (or the total the client expected) is not the one the shopper saw.</summary>
    public const string PriceChanged = "PRICE_CHANGED";
    public const string PaymentFailed = "PAYMENT_FAILED";
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";
    /// <summary>Not in the document's table: a known API path asked with a method it does not accept (405).</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    /// <summary>Not in the document's table: a request body that is not JSON (415).</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    /// <summary>Not in the document's table: an <c>X-API-Version</c> this store does not serve (400).</summary>
    public const string UnsupportedApiVersion = "UNSUPPORTED_API_VERSION";
    /// <summary>Not in the document's table: an <c>Idempotency-Key</c> sent again with a different request (422).</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    /// <summary>Not in the document's table: an <c>If-Match</c> that names a version the resource has moved past (412).</summary>
    public const string PreconditionFailed = "PRECONDITION_FAILED";
    public const string InternalError = "INTERNAL_ERROR";
    /// <summary>The account must verify its e-mail address first (when <c>Auth:RequireVerifiedEmailToOrder</c> is on).</summary>
    public const string EmailNotVerified = "EMAIL_NOT_VERIFIED";
}

/// <summary>
/// A failed business rule: a code from <see cref="ErrorCodes"/>, a message a person can read, the field it is
/// about (camelCase, as the API names it) and, for some codes, extra values (e.g. availableStock).
/// </summary>
public sealed record Error(string Code, string Message, string? Field = null)
{
    public IReadOnlyDictionary<string, object>? Details { get; init; }

    public static Error Validation(string field, string message) => new(ErrorCodes.ValidationError, message, field);
    public static Error NotFound(string message) => new(ErrorCodes.NotFound, message);
    public static Error AlreadyExists(string field, string message) => new(ErrorCodes.AlreadyExists, message, field);
    public static Error Conflict(string message) => new(ErrorCodes.Conflict, message);
}

/// <summary>
/// The outcome of an operation that has nothing to give back but can fail for a business reason: success, or one
/// or more errors. "Not found" is an error like any other (<see cref="Error.NotFound"/>, NOT_FOUND), in this and in
/// <see cref="Result{T}"/>; queries that look something up return null instead.
/// </summary>
public sealed class Result
{
    public static readonly Result Success = new([]);

    private Result(IReadOnlyList<Error> errors) => Errors = errors;

    public bool Succeeded => Errors.Count == 0;
    public IReadOnlyList<Error> Errors { get; }

    public static Result Failure(params IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(errors);

    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>The outcome of an operation that can fail for a business reason: a value, or one or more errors.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T value) { _value = value; Errors = []; }
    private Result(IReadOnlyList<Error> errors) { Errors = errors; }

    public bool Succeeded => Errors.Count == 0;
    public IReadOnlyList<Error> Errors { get; }

    public T Value => Succeeded ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Success(T value) => new(value);
    public static Result<T> Failure(params IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(errors);

    /// <summary>The outcome without its value, for an operation whose value its caller does not need.</summary>
    public Result WithoutValue() => Succeeded ? Result.Success : Result.Failure(Errors);

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure(error);
}
