using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Ecommerce.Shared.Common;

/// <summary>The shop's identity and money settings (configuration section "Store").</summary>
public sealed class StoreSettings : IValidatableObject
{
    public const string Section = "Store";

    [Required, StringLength(100)]
    public string Name { get; set; } = "Harbor Supply";
    /// <summary>
    /// The address shoppers reach the store at; links in e-mails (password resets) use it, never the Host header
    /// of the request that triggered them. Set it in every deployment.
    /// </summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:5080";
    /// <summary>ISO 4217 code of the one currency the store sells in.</summary>
    [Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Store:Currency is an ISO 4217 code such as USD or EUR.")]
    public string Currency { get; set; } = "USD";
    /// <summary>The culture used to format prices and dates on pages.</summary>
    public string Culture { get; set; } = "en-US";
    /// <summary>Sales tax applied to subtotal minus discount (0.08 = 8 %).</summary>
    [Range(typeof(decimal), "0", "1")]
    public decimal TaxRate { get; set; } = 0.08m;
    /// <summary>Shipping charged per order; 0 ships everything free.</summary>
    [Range(typeof(decimal), "0", "100000")]
    public decimal ShippingFlatRate { get; set; }
    /// <summary>Orders whose subtotal after discount reaches this amount ship free; null for no threshold.</summary>
    [Range(typeof(decimal), "0", "100000000")]
    public decimal? FreeShippingThreshold { get; set; }

    /// <summary>The culture of <see cref="Culture"/>, looked up once per name (a listing formats dozens of prices, and
    /// <see cref="CultureInfo.GetCultureInfo(string)"/> takes a process-wide lock on every call).</summary>
    public CultureInfo CultureInfo => _culture is { } known && known.Name.Equals(Culture, StringComparison.OrdinalIgnoreCase)
        ? known
        : _culture = CultureInfo.GetCultureInfo(Culture);

    private CultureInfo? _culture;

    /// <summary>An absolute link into the store, e.g. Link("/account/reset-password?…").</summary>
    public string Link(string pathAndQuery) => PublicUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
    public string FormatPrice(Money money) => money.Format(CultureInfo);

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        CultureInfo? culture = null;
        try { culture = CultureInfo.GetCultureInfo(Culture, predefinedOnly: true); }
        catch (CultureNotFoundException) { }
        if (culture is null) yield return new ValidationResult($"Store:Culture '{Culture}' is not a culture this system knows (e.g. en-US, de-DE).", [nameof(Culture)]);
    }
}

/// <summary>Where the store keeps its files (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The data folder: database, uploaded media, mail pickup, keys. Relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data";
}

/// <summary>What to put into an empty database at start-up (configuration section "Seed").</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Fill an empty catalog with the demo categories, products and reviews.</summary>
    public bool DemoCatalog { get; set; } = true;
    /// <summary>Make sure at least this many generated products exist (for benchmarks); 0 for none.</summary>
    [Range(0, 1_000_000)]
    public int SyntheticProducts { get; set; }
}
