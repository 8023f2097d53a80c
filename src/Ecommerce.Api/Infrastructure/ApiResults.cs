using System.Reflection;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ecommerce.Api.Infrastructure;

/// <summary>Builds the API's responses; the one place where error codes become HTTP status codes.</summary>
public static class ApiResults
{
    public static Ok<ApiResponse<T>> Ok<T>(T data, string? message = null) =>
        TypedResults.Ok(new ApiResponse<T>(data, message, DateTime.UtcNow));

    public static Created<ApiResponse<T>> Created<T>(string location, T data, string? message = null) =>
        TypedResults.Created(location, new ApiResponse<T>(data, message, DateTime.UtcNow));

    public static ApiErrorResult Error(params IReadOnlyList<Error> errors) => new(errors);

    /// <summary>
    /// An error envelope with a status the endpoint chooses, for a code whose usual status (<see cref="StatusCodeFor"/>)
    /// does not fit where it is used: INVALID_TOKEN is 401 for the credentials a client authenticates with (an access or
    /// refresh token), but a wrong or used token copied from an e-mail (password reset, e-mail verification) is bad
    /// input, 400 — a client that met 401 there would refresh its tokens or sign in again, which cannot help.
    /// </summary>
    public static ApiErrorResult Error(int statusCode, params IReadOnlyList<Error> errors) => new(errors, statusCode);

    public static ApiErrorResult NotFound(string message) => new([Shared.Common.Error.NotFound(message)]);

    public static PagedData<TOut> ToPagedData<TIn, TOut>(this PagedResult<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.PageNumber, page.PageSize, page.TotalPages, page.TotalCount,
            page.HasPreviousPage, page.HasNextPage);

    /// <summary>
    /// The HTTP status for an error code (the first error decides when there are several). An endpoint overrides it only
    /// where the same code means something else (<see cref="Error(int, IReadOnlyList{Shared.Common.Error})"/>).
    /// </summary>
    public static int StatusCodeFor(string code) => code switch
    {
        ErrorCodes.ValidationError or ErrorCodes.InvalidFormat or ErrorCodes.RequiredField
            or ErrorCodes.UnsupportedApiVersion => StatusCodes.Status400BadRequest,
        ErrorCodes.Unauthorized or ErrorCodes.ExpiredToken or ErrorCodes.InvalidToken => StatusCodes.Status401Unauthorized,
        ErrorCodes.PaymentFailed => StatusCodes.Status402PaymentRequired,
        ErrorCodes.Forbidden or ErrorCodes.EmailNotVerified => StatusCodes.Status403Forbidden,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.AlreadyExists or ErrorCodes.Conflict or ErrorCodes.InsufficientStock
            or ErrorCodes.CouponInvalid or ErrorCodes.PriceChanged => StatusCodes.Status409Conflict,
        ErrorCodes.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ErrorCodes.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorCodes.IdempotencyKeyReused => StatusCodes.Status422UnprocessableEntity,
        ErrorCodes.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorCodes.RateLimitExceeded => StatusCodes.Status429TooManyRequests,
        ErrorCodes.ServiceUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The envelope's summary message for a status code, or for the first error's code where document 002 gives that
    /// code a summary of its own ("Insufficient stock").
    /// </summary>
    public static string SummaryFor(int statusCode, string? firstCode = null)
    {
        if (firstCode == ErrorCodes.InsufficientStock) return "Insufficient stock";
        return statusCode switch
        {
            400 => "Request validation failed",
            401 => "Authentication failed",
            402 => "Payment failed",
            403 => "Access denied",
            404 => "Resource not found",
            405 => "Method not allowed",
            409 => "The request conflicts with the current state of the resource",
            412 => "Precondition failed",
            413 => "Request too large",
            415 => "Unsupported media type",
            422 => "Unprocessable entity",
            429 => "Too many requests",
            503 => "Service unavailable",
            _ => "An unexpected error occurred",
        };
    }

    public static ApiErrorResponse Envelope(HttpContext context, IReadOnlyList<Error> errors, int statusCode) => new(
        errors.Select(e => new ApiError(e.Code, e.Message)
        {
            Field = e.Field,
            Details = e.Details is { Count: > 0 } d ? new Dictionary<string, object>(d) : null,
        }).ToList(),
        SummaryFor(statusCode, errors.Count > 0 ? errors[0].Code : null),
        DateTime.UtcNow,
        TraceId(context),
        // Inside the exception handler Request.Path is the error page's; report the path the client asked for.
        context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "/");

    /// <summary>The request's correlation id (<c>X-Correlation-Id</c>), which the correlation middleware made its trace identifier.</summary>
    public static string TraceId(HttpContext context) => context.TraceIdentifier;

    /// <summary>Writes an error envelope directly (for middleware and handlers outside endpoints).</summary>
    public static Task WriteErrorAsync(HttpContext context, int statusCode, params IReadOnlyList<Error> errors)
    {
        context.Response.StatusCode = statusCode;
        MarkBearerChallenge(context.Response, statusCode);
        return context.Response.WriteAsJsonAsync(Envelope(context, errors, statusCode));
    }

    /// <summary>
    /// Every 401 names the scheme that would work (RFC 9110 requires a challenge with it): a plain <c>Bearer</c> unless
    /// the bearer handler already said more (<c>error="invalid_token"</c>, see <c>BearerChallenge</c>).
    /// </summary>
    private static void MarkBearerChallenge(HttpResponse response, int statusCode)
    {
        if (statusCode == StatusCodes.Status401Unauthorized && string.IsNullOrEmpty(response.Headers.WWWAuthenticate))
            response.Headers.WWWAuthenticate = "Bearer";
    }

    /// <summary>Documents the error envelope for the given status codes in OpenAPI.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statusCodes) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statusCodes)
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiErrorResponse), ["application/json"]));
        return builder;
    }
}

/// <summary>
/// An error envelope as an endpoint result; its status code comes from the first error's code unless the endpoint
/// chose one (<see cref="ApiResults.Error(int, IReadOnlyList{Error})"/>).
/// </summary>
public sealed class ApiErrorResult(IReadOnlyList<Error> errors, int? statusCode = null) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public IReadOnlyList<Error> Errors { get; } = errors;
    public int StatusCode => statusCode ?? ApiResults.StatusCodeFor(Errors[0].Code);
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => ApiResults.WriteErrorAsync(httpContext, StatusCode, Errors);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        // Every endpoint can answer 500, and 503 while the database is unreachable, with the envelope; specific codes
        // are declared with ProducesErrors.
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(ApiErrorResponse), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(ApiErrorResponse), ["application/json"]));
    }
}

/// <summary>
/// 429 RATE_LIMIT_EXCEEDED in the error envelope, with the wait in a <c>Retry-After</c> header and as the envelope's
/// <c>retryAfter</c> (seconds), as document 002 shows it.
/// </summary>
public sealed class ApiTooManyRequestsResult(Error error, TimeSpan retryAfter) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int RetryAfterSeconds { get; } = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
    public int StatusCode => StatusCodes.Status429TooManyRequests;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return httpContext.Response.WriteAsJsonAsync(ApiResults.Envelope(httpContext, [error], StatusCode) with { RetryAfter = RetryAfterSeconds });
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ApiErrorResponse), ["application/json"]));
}
