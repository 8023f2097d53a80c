using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;

namespace Ecommerce.Tests.Unit.Common;

/// <summary>Partial updates as explicit optional fields: unset (leave alone) is not the same as set to null (clear).</summary>
public class OptionalTests
{
    [Fact]
    public void Unset_and_set_to_null_differ()
    {
        Optional<string?> unset = default;
        Optional<string?> cleared = null;
        Optional<decimal?> price = 12.5m;

        Assert.False(unset.IsSet);
        Assert.True(cleared.IsSet);
        Assert.Null(cleared.Value);
        Assert.Equal(12.5m, price.Value);
        Assert.Equal("fallback", unset.Or("fallback").Value);
        Assert.Null(cleared.Or("fallback").Value);
    }

    [Fact]
    public void A_new_product_has_every_field_set_and_no_stock_is_zero()
    {
        var complete = new ProductInput { Name = "Mug" }.Complete();

        Assert.True(complete.Name.IsSet && complete.Slug.IsSet && complete.Price.IsSet && complete.Images.IsSet);
        Assert.Equal(0, complete.Stock.Value);
        Assert.Equal("Mug", complete.Name.Value);
    }

    /// <summary>The services' inputs carry typed fields, not the names of the JSON members a client sent.</summary>
    [Theory]
    [InlineData(typeof(ProductInput))]
    [InlineData(typeof(CategoryInput))]
    public void Partial_update_inputs_name_no_fields_by_string(Type input)
    {
        // No set of member names (the old "Present") ...
        Assert.DoesNotContain(input.GetProperties(), p => p.PropertyType == typeof(IReadOnlySet<string>) || p.PropertyType == typeof(ISet<string>));
        // ... and no Has("name").
        Assert.DoesNotContain(input.GetMethods(), m => m.GetParameters() is [{ ParameterType: var type }] && type == typeof(string) && m.ReturnType == typeof(bool));
        Assert.Contains(input.GetProperties(), p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Optional<>));
    }
}
