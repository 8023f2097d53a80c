using System.Net;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Tests.Unit.Common;

/// <summary>
/// Limits are defined once (<see cref="Limits"/>): the database columns, the services' validation and the API agree,
/// so that what one accepts the next can store.
/// </summary>
public class LimitsTests(ShopperAdminFixture fixture) : IClassFixture<ShopperAdminFixture>
{
    [Theory]
    [InlineData(typeof(Product), nameof(Product.Name), Limits.Product.Name)]
    [InlineData(typeof(Product), nameof(Product.Sku), Limits.Product.Sku)]
    [InlineData(typeof(Product), nameof(Product.Slug), Limits.Product.Slug)]
    [InlineData(typeof(Product), nameof(Product.Description), Limits.Product.Description)]
    [InlineData(typeof(Category), nameof(Category.Name), Limits.Category.Name)]
    [InlineData(typeof(Category), nameof(Category.Slug), Limits.Category.Slug)]
    [InlineData(typeof(Address), nameof(Address.Street), Limits.Address.Street)]
    [InlineData(typeof(Address), nameof(Address.ZipCode), Limits.Address.ZipCode)]
    [InlineData(typeof(Address), nameof(Address.Phone), Limits.Address.Phone)]
    [InlineData(typeof(ApplicationUser), nameof(ApplicationUser.FirstName), Limits.Account.FirstName)]
    public async Task The_database_columns_hold_the_limits(Type entity, string property, int limit)
    {
        var length = await fixture.App.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(entity)!.FindProperty(property)!.GetMaxLength()));
        Assert.Equal(limit, length);
    }

    [Fact]
    public async Task A_product_slug_at_the_limit_is_saved_and_one_past_it_is_refused_naming_the_limit()
    {
        var product = await fixture.App.AddProductAsync(5m);
        var longest = string.Join("-", Enumerable.Repeat("abcdefg", 10)).PadRight(Limits.Product.Slug, 'x')[..Limits.Product.Slug];

        (await fixture.Admin.Client.PutApiAsync($"/api/v1/products/{product}", new { slug = longest })).Expect(HttpStatusCode.OK);
        Assert.Equal(longest, await fixture.App.WithDbAsync(db => db.Products.Where(p => p.Id == product).Select(p => p.Slug).SingleAsync()));

        var tooLong = await fixture.Admin.Client.PutApiAsync($"/api/v1/products/{product}", new { slug = longest + "y" });
        var error = tooLong.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "slug");
        Assert.Contains($"at most {Limits.Product.Slug} characters", error.ErrorMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_category_name_past_the_limit_is_refused_naming_the_limit()
    {
        var reply = await fixture.Admin.Client.PostApiAsync("/api/v1/categories", new { name = new string('n', Limits.Category.Name + 1) });
        Assert.Contains($"at most {Limits.Category.Name} characters", reply.Error(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "name").ErrorMessage(), StringComparison.Ordinal);
    }
}
