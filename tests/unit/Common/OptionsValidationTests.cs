using System.Reflection;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecommerce.Tests.Unit.Common;

/// <summary>One options class per configuration section, each bound and validated at start-up.</summary>
public class OptionsValidationTests
{
    private static readonly Assembly[] StoreAssemblies =
        [typeof(Ecommerce.Shared.Common.StoreSettings).Assembly, typeof(Ecommerce.Api.StoreApi).Assembly, typeof(Ecommerce.Web.Hosting.WebHostingExtensions).Assembly];

    /// <summary>Every class of the store that names its configuration section (a public const string Section).</summary>
    private static List<(Type Type, string Section)> OptionsClasses() =>
        StoreAssemblies.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => (x.Type, (string)x.Field!.GetRawConstantValue()!))
            .ToList();

    [Fact]
    public void Each_configuration_section_has_one_options_class()
    {
        var classes = OptionsClasses();
        Assert.True(classes.Count >= 15, $"Only {classes.Count} options classes found.");
        var shared = classes.GroupBy(c => c.Section, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Type.Name))}").ToList();
        Assert.Empty(shared);
    }

    [Fact]
    public void Every_options_class_is_validated_with_its_data_annotations()
    {
        using var app = ShopperApp.Create();
        app.CreateRawClient().Dispose();
        var unvalidated = OptionsClasses().Where(c =>
        {
            var validators = app.Services.GetServices(typeof(IValidateOptions<>).MakeGenericType(c.Type));
            return !validators.Any(v => v!.GetType().IsGenericType && v.GetType().GetGenericTypeDefinition() == typeof(DataAnnotationValidateOptions<>));
        }).Select(c => $"{c.Type.FullName} ({c.Section})").ToList();
        Assert.Empty(unvalidated);
    }

    [Theory]
    [InlineData("Store:TaxRate", "2", "TaxRate")]
    [InlineData("Store:Currency", "dollars", "Currency")]
    [InlineData("Store:Culture", "xx-NOPE", "Culture")]
    [InlineData("Store:PublicUrl", "not a url", "PublicUrl")]
    [InlineData("Cart:AnonymousDays", "0", "AnonymousDays")]
    [InlineData("Idempotency:Hours", "0", "Hours")]
    [InlineData("Admin:LowStockThreshold", "-1", "LowStockThreshold")]
    [InlineData("Media:MaxImageBytes", "0", "MaxImageBytes")]
    [InlineData("Caching:CatalogSeconds", "-1", "CatalogSeconds")]
    [InlineData("Jwt:AccessTokenMinutes", "0", "AccessTokenMinutes")]
    [InlineData("Jwt:SigningKey", "too-short", "SigningKey")]
    [InlineData("Seed:SyntheticProducts", "-5", "SyntheticProducts")]
    [InlineData("Api:Versions:v2:DeprecatedAt", "2027-01-01", "Api:Versions")]
    public void A_wrong_setting_stops_the_store_at_start_up_naming_it(string key, string value, string named)
    {
        using var app = ShopperApp.Create(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateRawClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
