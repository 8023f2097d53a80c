using System.Text.RegularExpressions;
using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Coupons;

/// <summary>A coupon as the back office and the admin API write it.</summary>
public sealed record CouponInput
{
    public string? Code { get; init; }
    public string? Description { get; init; }
    /// <summary>"percentage" or "fixed".</summary>
    public string? Type { get; init; }
    /// <summary>Percent off (0–100] for percentage coupons, amount off for fixed ones.</summary>
    public decimal? Value { get; init; }
    public decimal? MinimumSubtotal { get; init; }
    public DateTime? StartsAt { get; init; }
    public DateTime? EndsAt { get; init; }
    public int? UsageLimit { get; init; }
    public int? PerCustomerLimit { get; init; }
    public bool? IsActive { get; init; }
}

public sealed record CouponView(
    int Id, string Code, string? Description, CouponKind Kind, decimal Value, decimal? MinimumSubtotal,
    DateTime? StartsAt, DateTime? EndsAt, int? UsageLimit, int? PerCustomerLimit, int TimesUsed, bool IsActive,
    DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Coupons for admins: list, create, change, delete. Codes are unique, upper-case.</summary>
public sealed partial class CouponService(IDbContextFactory<AppDbContext> dbFactory, AuditLog audit)
{
    public async Task<Result<PagedResult<CouponView>>> ListAsync(int pageNumber = 1, int pageSize = Paging.DefaultPageSize, string? search = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        Paging.Validate(pageNumber, pageSize, errors);
        if (errors.Count > 0) return Result<PagedResult<CouponView>>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coupons = db.Coupons.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            coupons = coupons.Where(c => c.Code.Contains(term));
        }
        var total = await coupons.CountAsync(cancellationToken);
        var skip = (long)(pageNumber - 1) * pageSize;
        var items = skip >= total ? [] : await coupons.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((int)skip).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<CouponView>(items.Select(ToView).ToList(), pageNumber, pageSize, total);
    }

    public async Task<CouponView?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return coupon is null ? null : ToView(coupon);
    }

    public async Task<Result<CouponView>> CreateAsync(AdminActor actor, CouponInput input, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return Result<CouponView>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var code = CouponRules.Normalize(input.Code);
        if (await db.Coupons.AnyAsync(c => c.Code == code, cancellationToken)) return DuplicateCode(code);

        var coupon = new Coupon { Code = code };
        Apply(coupon, input);
        db.Coupons.Add(coupon);
        audit.Record(db, actor, "coupon.created", "Coupon", code, $"Created coupon {code} ({Describe(coupon)})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created the same code in between: the unique index decides.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await check.Coupons.AnyAsync(c => c.Code == code, cancellationToken)) return DuplicateCode(code);
            throw;
        }
        return ToView(coupon);
    }

    public async Task<Result<CouponView>> UpdateAsync(AdminActor actor, int id, CouponInput input, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return Result<CouponView>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coupon = await db.Coupons.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (coupon is null) return Error.NotFound($"Coupon with ID '{id}' not found");
        var code = CouponRules.Normalize(input.Code);
        if (code != coupon.Code && await db.Coupons.AnyAsync(c => c.Code == code && c.Id != id, cancellationToken)) return DuplicateCode(code);

        var before = Snapshot(coupon);
        coupon.Code = code;
        Apply(coupon, input);
        var changes = AuditLog.Diff(before, Snapshot(coupon));
        if (changes.Count > 0)
            audit.Record(db, actor, changes.ContainsKey("isActive") && !coupon.IsActive ? "coupon.disabled" : "coupon.updated", "Coupon", code,
                $"Changed {string.Join(", ", changes.Keys)} of coupon {code}", changes);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(coupon);
    }

    public async Task<Result> DeleteAsync(AdminActor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coupon = await db.Coupons.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (coupon is null) return Error.NotFound($"Coupon with ID '{id}' not found");
        db.Coupons.Remove(coupon);
        audit.Record(db, actor, "coupon.deleted", "Coupon", coupon.Code, $"Deleted coupon {coupon.Code} (used {coupon.TimesUsed} times)");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Every failing field of a coupon, by its API name.</summary>
    public static IReadOnlyList<Error> Validate(CouponInput input)
    {
        var errors = new List<Error>();
        var code = CouponRules.Normalize(input.Code);
        if (code.Length == 0) errors.Add(new Error(ErrorCodes.RequiredField, "Code is required.", "code"));
        else if (!CodePattern().IsMatch(code)) errors.Add(Error.Validation("code", "Code must be 3 to 50 letters, digits, - or _."));
        if (input.Description?.Length > Limits.Coupon.Description) errors.Add(Error.Validation("description", $"Description can be at most {Limits.Coupon.Description} characters."));

        var kind = ParseKind(input.Type);
        if (input.Type is null) errors.Add(new Error(ErrorCodes.RequiredField, "Type is required: percentage or fixed.", "type"));
        else if (kind is null) errors.Add(Error.Validation("type", "Type must be percentage or fixed."));

        if (input.Value is not { } value) errors.Add(new Error(ErrorCodes.RequiredField, "Value is required.", "value"));
        else if (kind == CouponKind.Percentage && (value <= 0 || value > 100)) errors.Add(Error.Validation("value", "A percentage must be above 0 and at most 100."));
        else if (kind == CouponKind.FixedAmount && (value <= 0 || value > Limits.Coupon.MaxAmountOff)) errors.Add(Error.Validation("value", $"An amount off must be above 0 and at most {Limits.Coupon.MaxAmountOff:0}."));
        else if (decimal.Round(value, 2) != value) errors.Add(Error.Validation("value", "Value can have at most two decimals."));

        if (input.MinimumSubtotal is < 0 or > 1_000_000) errors.Add(Error.Validation("minimumSubtotal", "Minimum subtotal must be between 0 and 1000000."));
        if (UtcTime.Normalize(input.StartsAt) is { } starts && UtcTime.Normalize(input.EndsAt) is { } ends && ends <= starts)
            errors.Add(Error.Validation("endsAt", "The end must be after the start."));
        if (input.UsageLimit is < 1) errors.Add(Error.Validation("usageLimit", "Usage limit must be at least 1 (leave it empty for no limit)."));
        if (input.PerCustomerLimit is < 1) errors.Add(Error.Validation("perCustomerLimit", "Per-customer limit must be at least 1 (leave it empty for no limit)."));
        return errors;
    }

    public static CouponKind? ParseKind(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        "percentage" or "percent" => CouponKind.Percentage,
        "fixed" or "fixedamount" or "fixed_amount" or "amount" => CouponKind.FixedAmount,
        _ => null,
    };

    public static string KindName(CouponKind kind) => kind == CouponKind.Percentage ? "percentage" : "fixed";

    private static void Apply(Coupon coupon, CouponInput input)
    {
        coupon.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        coupon.Kind = ParseKind(input.Type)!.Value;
        coupon.PercentOff = coupon.Kind == CouponKind.Percentage ? input.Value!.Value : 0;
        coupon.AmountOffCents = coupon.Kind == CouponKind.FixedAmount ? Money.FromDecimal(input.Value!.Value).Cents : 0;
        coupon.MinimumSubtotalCents = input.MinimumSubtotal is { } minimum ? Money.FromDecimal(minimum).Cents : null;
        coupon.StartsAt = UtcTime.Normalize(input.StartsAt);
        coupon.EndsAt = UtcTime.Normalize(input.EndsAt);
        coupon.UsageLimit = input.UsageLimit;
        coupon.PerCustomerLimit = input.PerCustomerLimit;
        coupon.IsActive = input.IsActive ?? true;
    }

    private static string Describe(Coupon c) => c.Kind == CouponKind.Percentage
        ? $"{c.PercentOff.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} % off"
        : $"{new Money(c.AmountOffCents)} off";

    private static Dictionary<string, object?> Snapshot(Coupon c) => new()
    {
        ["code"] = c.Code, ["description"] = c.Description, ["type"] = KindName(c.Kind),
        ["value"] = c.Kind == CouponKind.Percentage ? c.PercentOff : new Money(c.AmountOffCents).ToDecimal(),
        ["minimumSubtotal"] = c.MinimumSubtotalCents is { } m ? new Money(m).ToDecimal() : null,
        ["startsAt"] = c.StartsAt, ["endsAt"] = c.EndsAt, ["usageLimit"] = c.UsageLimit, ["perCustomerLimit"] = c.PerCustomerLimit, ["isActive"] = c.IsActive,
    };

    private static CouponView ToView(Coupon c) => new(
        c.Id, c.Code, c.Description, c.Kind,
        c.Kind == CouponKind.Percentage ? c.PercentOff : new Money(c.AmountOffCents).ToDecimal(),
        c.MinimumSubtotalCents is { } m ? new Money(m).ToDecimal() : null,
        c.StartsAt, c.EndsAt, c.UsageLimit, c.PerCustomerLimit, c.TimesUsed, c.IsActive, c.CreatedAt, c.UpdatedAt);

    private static Error DuplicateCode(string code) => Error.AlreadyExists("code", $"A coupon with the code '{code}' already exists.");

    [GeneratedRegex("^[A-Z0-9_-]{3,50}$")]
    private static partial Regex CodePattern();
}
