using Ecommerce.Shared.Catalog;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Catalog;

public class SmokeTests
{
    [Fact]
    public async Task Search_scores_translate_to_sql()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            var audio = await db.AddCategoryAsync("Audio");
            await db.AddProductAsync("Wireless Headphones", 99m, audio, tags: ["bluetooth"], sku: "WH-1");
            await db.AddProductAsync("Headphone Stand", 19m, audio, description: "holds wireless headphones");
        }
        var catalog = database.CreateCatalogService();
        var result = await catalog.SearchAsync("wireless headphones");
        Assert.True(result.Succeeded);
        Assert.Equal(["Wireless Headphones", "Headphone Stand"], result.Value.Page.Items.Select(p => p.Name));
    }
}
