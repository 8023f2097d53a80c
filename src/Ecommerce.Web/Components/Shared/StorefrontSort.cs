namespace Ecommerce.Web.Components.Shared;

/// <summary>The sort choices a shopper sees, and the API-style sort field and order each stands for.</summary>
public static class StorefrontSort
{
    public const string Default = "newest";

    public sealed record Option(string Key, string Label, string SortBy, string SortOrder);

    public static readonly IReadOnlyList<Option> Options =
    [
        new("newest", "Newest", "createdAt", "desc"),
        new("price-asc", "Price: low to high", "price", "asc"),
        new("price-desc", "Price: high to low", "price", "desc"),
        new("name", "Name: A to Z", "name", "asc"),
        new("rating", "Top rated", "rating", "desc"),
    ];

    /// <summary>The option for a query-string value; the default for a missing or unknown one.</summary>
    public static Option Resolve(string? key) =>
        Options.FirstOrDefault(o => string.Equals(o.Key, key, StringComparison.OrdinalIgnoreCase)) ?? Options[0];
}
