using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ecommerce.Shared.Data;

/// <summary>Stores DateTime values as UTC (a value without a zone is taken as UTC) and marks values read back as <see cref="DateTimeKind.Utc"/>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => Common.UtcTime.Normalize(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
