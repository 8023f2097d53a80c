using System.ComponentModel.DataAnnotations;

namespace Ecommerce.Shared.Common;

/// <summary>
/// The <c>RateLimiting</c> section: document 002's plan limits for /api/v1, the tighter limits of sensitive actions
/// (sign-in, registration, password resets, coupons, reviews, the storefront's anonymous form posts) and the cap on
/// password-reset mails per address. <see cref="Enabled"/> false switches all of them off.
/// </summary>
public sealed class RateLimitingOptions : IValidatableObject
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>The window over which a plan's burst limit is counted.</summary>
    [Range(1, 3600)]
    public int BurstWindowSeconds { get; set; } = 10;

    public PlanLimits Plans { get; set; } = new();

    public ActionLimits Actions { get; set; } = new();

    /// <summary>Password-reset mails sent to one address per hour; further requests get the same answer and no mail.</summary>
    [Range(1, 1000)]
    public int PasswordResetMailsPerAddress { get; set; } = 3;

    /// <summary>Verification mails sent to one address per hour on request; further requests get the same answer and no mail.</summary>
    [Range(1, 1000)]
    public int VerificationMailsPerAddress { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var limits = new (string Name, int Value)[]
        {
            ("Plans:Guest:RequestsPerHour", Plans.Guest.RequestsPerHour), ("Plans:Guest:Burst", Plans.Guest.Burst),
            ("Plans:Customer:RequestsPerHour", Plans.Customer.RequestsPerHour), ("Plans:Customer:Burst", Plans.Customer.Burst),
            ("Plans:Admin:RequestsPerHour", Plans.Admin.RequestsPerHour), ("Plans:Admin:Burst", Plans.Admin.Burst),
        }.Concat(Actions.All.SelectMany(a => new[]
        {
            ($"Actions:{a.Name}:PermitLimit", a.Limit.PermitLimit), ($"Actions:{a.Name}:WindowSeconds", a.Limit.WindowSeconds),
        }));
        foreach (var (name, value) in limits)
            if (value < 1)
                yield return new ValidationResult($"{Section}:{name} must be at least 1 (it is {value}).", [name]);
    }
}

/// <summary>Requests per clock hour and per burst window for one plan of document 002.</summary>
public sealed class PlanLimit
{
    public PlanLimit() { }
    public PlanLimit(int requestsPerHour, int burst) { RequestsPerHour = requestsPerHour; Burst = burst; }

    public int RequestsPerHour { get; set; }
    public int Burst { get; set; }
}

public sealed class PlanLimits
{
    /// <summary>Anonymous callers, counted per client address.</summary>
    public PlanLimit Guest { get; set; } = new(100, 10);
    /// <summary>Signed-in customers, counted per account.</summary>
    public PlanLimit Customer { get; set; } = new(1000, 50);
    /// <summary>Admins, counted per account.</summary>
    public PlanLimit Admin { get; set; } = new(10000, 200);
}

/// <summary>At most <see cref="PermitLimit"/> attempts per <see cref="WindowSeconds"/>, per client address and per account.</summary>
public sealed class ActionLimit
{
    public ActionLimit() { }
    public ActionLimit(int permitLimit, int windowSeconds) { PermitLimit = permitLimit; WindowSeconds = windowSeconds; }

    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }

    public RateWindow Window => new(PermitLimit, TimeSpan.FromSeconds(WindowSeconds));
}

/// <summary>The sensitive actions' limits, named as the policies that apply them.</summary>
public sealed class ActionLimits
{
    public ActionLimit SignIn { get; set; } = new(10, 300);
    public ActionLimit Registration { get; set; } = new(5, 3600);
    public ActionLimit PasswordReset { get; set; } = new(5, 900);
    public ActionLimit EmailVerification { get; set; } = new(5, 900);
    public ActionLimit Coupon { get; set; } = new(10, 300);
    public ActionLimit Review { get; set; } = new(5, 3600);
    public ActionLimit StorefrontForm { get; set; } = new(30, 60);

    public IEnumerable<(string Name, ActionLimit Limit)> All =>
    [
        (nameof(SignIn), SignIn), (nameof(Registration), Registration), (nameof(PasswordReset), PasswordReset),
        (nameof(EmailVerification), EmailVerification),
        (nameof(Coupon), Coupon), (nameof(Review), Review), (nameof(StorefrontForm), StorefrontForm),
    ];

    /// <summary>The limit of the action with this name (the policy name).</summary>
    public ActionLimit For(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)).Limit
        ?? throw new ArgumentException($"There is no rate limit named '{name}'.", nameof(name));
}
