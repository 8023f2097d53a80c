using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ecommerce.Api.Infrastructure;

/// <summary>
/// Turns exceptions on /api requests into the error envelope: a request the framework could not bind
/// (a query value of the wrong type, malformed JSON) becomes 400 VALIDATION_ERROR naming the parameter;
/// a database that cannot be reached becomes 503 SERVICE_UNAVAILABLE with a <c>Retry-After</c> (the request was
/// fine and may work later); anything else becomes 500 INTERNAL_ERROR with a trace id and no stack trace. Page
/// requests are left to the error page.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>How long a client is asked to wait before trying again while the database is unreachable.</summary>
    public const int DatabaseRetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!ApiPaths.IsApi(path) || httpContext.Response.HasStarted) return false;

        if (exception is BadHttpRequestException bad)
        {
            var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
            logger.LogDebug(bad, "Bad API request on {Path}", httpContext.Request.Path);
            await ApiResults.WriteErrorAsync(httpContext, status, Describe(bad));
            return true;
        }

        if (DatabaseFailures.IsUnreachable(exception))
        {
            logger.LogError(exception, "The database is unreachable ({Method} {Path})", httpContext.Request.Method, httpContext.Request.Path);
            await WriteServiceUnavailableAsync(httpContext);
            return true;
        }

        logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        await ApiResults.WriteErrorAsync(httpContext, StatusCodes.Status500InternalServerError,
            new Error(ErrorCodes.InternalError, "An unexpected error occurred. Quote the trace id when you contact support."));
        return true;
    }

    private static Task WriteServiceUnavailableAsync(HttpContext httpContext)
    {
        const int status = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.StatusCode = status;
        httpContext.Response.Headers.RetryAfter = DatabaseRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var error = new Error(ErrorCodes.ServiceUnavailable,
            $"The store cannot reach its database right now. Try again in {DatabaseRetryAfterSeconds} seconds.");
        return httpContext.Response.WriteAsJsonAsync(ApiResults.Envelope(httpContext, [error], status) with { RetryAfter = DatabaseRetryAfterSeconds });
    }

    /// <summary>What was wrong with a request the framework could not bind, as one error naming the field.</summary>
    internal static Error Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Message: var text } && DuplicateProperty().Match(text) is { Success: true } duplicate)
        {
            var name = duplicate.Groups["name"].Value;
            return new Error(ErrorCodes.InvalidFormat, $"'{name}' is sent more than once; send each member once.", name);
        }
        if (exception.InnerException is JsonException json)
        {
            var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
            return new Error(ErrorCodes.InvalidFormat,
                path is null ? "The request body is not valid JSON." : $"The value of '{path}' is not valid.", path);
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return new Error(ErrorCodes.UnsupportedMediaType, "Send the request body as application/json.");

        var match = BindingMessage().Match(exception.Message);
        if (!match.Success) return new Error(ErrorCodes.ValidationError, "The request could not be read.");

        var field = match.Groups["name"].Value;
        if (exception.Message.Contains("not provided", StringComparison.OrdinalIgnoreCase))
            return new Error(ErrorCodes.RequiredField, $"'{field}' is required.", field);
        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return new Error(ErrorCodes.InvalidFormat, "The request body is missing or is not valid JSON.");

        var type = match.Groups["type"].Value;
        var expected = type.Contains("int", StringComparison.OrdinalIgnoreCase) || type.Contains("long", StringComparison.OrdinalIgnoreCase)
            ? "a whole number"
            : type.Contains("decimal", StringComparison.OrdinalIgnoreCase) || type.Contains("double", StringComparison.OrdinalIgnoreCase)
                ? "a number"
                : type.Contains("bool", StringComparison.OrdinalIgnoreCase) ? "true or false" : "a valid value";
        return new Error(ErrorCodes.ValidationError, $"'{field}' must be {expected}.", field);
    }

    // System.Text.Json's message for a member sent twice when duplicates are not allowed names the member in quotes.
    [GeneratedRegex(@"[Dd]uplicate.*?'(?<name>[^']+)'")]
    private static partial Regex DuplicateProperty();

    // Matches the framework's binding messages, e.g. Failed to bind parameter "int? pageSize" from "abc".
    [GeneratedRegex(@"parameter ""(?<type>[^""]*?)\s?(?<name>[A-Za-z_][A-Za-z0-9_]*)""")]
    private static partial Regex BindingMessage();
}

public static class ApiPaths
{
    public const string Prefix = "/api";
    public static bool IsApi(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
    public static bool IsApi(string? path) => IsApi(new PathString(path));
}
