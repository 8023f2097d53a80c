using System.Globalization;
using Ecommerce.Shared.Common;

namespace Ecommerce.Api.Infrastructure;

/// <summary>A date or time from a query string; <see cref="IsDateOnly"/> when the client gave a date without a time.</summary>
public readonly record struct ApiDate(DateTime Value, bool IsDateOnly);

public static class ApiDates
{
    /// <summary>
    /// Reads ISO-8601 dates and times. A value without a zone is UTC, whatever the server's time zone; an
    /// unreadable value adds a VALIDATION_ERROR for the field.
    /// </summary>
    public static ApiDate? Parse(string? value, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new ApiDate(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), IsDateOnly: true);
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return new ApiDate(DateTime.SpecifyKind(time, DateTimeKind.Utc), IsDateOnly: false);
        errors.Add(Error.Validation(field, $"'{field}' must be an ISO-8601 date or time, e.g. 2026-03-01 or 2026-03-01T12:00:00Z."));
        return null;
    }

    /// <summary>The start of the next day, for "up to and including this date"; the last representable day has none, so its end is used.</summary>
    public static DateTime DayAfter(DateTime day) =>
        day.Date >= DateTime.MaxValue.Date ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : day.AddDays(1);
}
