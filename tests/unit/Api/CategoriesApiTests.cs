using System.Text.Json;
using Ecommerce.Shared.Data.Seeding;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Api;

public class CategoriesApiTests(ApiCatalogFixture fixture) : IClassFixture<ApiCatalogFixture>
{
    private async Task<List<JsonElement>> Tree() =>
        ApiAssert.Success(await fixture.Client.GetJsonAsync("/api/v1/categories")).EnumerateArray().ToList();

    private static IEnumerable<JsonElement> Flatten(IEnumerable<JsonElement> nodes) =>
        nodes.SelectMany(n => new[] { n }.Concat(Flatten(n.GetProperty("children").EnumerateArray())));

    [Fact]
    public async Task Lists_the_roots_in_order_with_their_children()
    {
        var tree = await Tree();
        Assert.Equal(fixture.Source.Categories.Select(c => c.Slug), tree.Select(c => c.GetProperty("slug").GetString()));
        foreach (var (node, source) in tree.Zip(fixture.Source.Categories))
        {
            Assert.Equal((source.Children ?? []).Select(c => c.Slug),
                node.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        }
    }

    [Fact]
    public async Task Nodes_have_the_documented_fields()
    {
        var tree = await Tree();
        foreach (var node in Flatten(tree))
        {
            Assert.Equal(["id", "name", "slug", "description", "image", "productCount", "parentId", "children"], ApiAssert.PropertyNames(node));
            ApiAssert.Id(node.GetProperty("id"));
            Assert.False(string.IsNullOrWhiteSpace(node.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(node.GetProperty("description").GetString()));
            var image = new Uri(node.GetProperty("image").GetString()!);
            Assert.True(image.IsAbsoluteUri);
            Assert.StartsWith("/images/categories/", image.AbsolutePath);
            Assert.Equal(JsonValueKind.Array, node.GetProperty("children").ValueKind);
        }

        Assert.All(tree, root => Assert.Equal(JsonValueKind.Null, root.GetProperty("parentId").ValueKind));
        foreach (var root in tree)
        foreach (var child in root.GetProperty("children").EnumerateArray())
            Assert.Equal(root.GetProperty("id").GetString(), child.GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task Product_counts_include_sub_categories_and_exclude_archived_products()
    {
        var nodes = Flatten(await Tree()).ToDictionary(n => n.GetProperty("slug").GetString()!, n => n.GetProperty("productCount").GetInt32());
        foreach (var slug in nodes.Keys)
        {
            var slugs = fixture.SelfAndDescendants(slug);
            Assert.Equal(fixture.Active.Count(p => slugs.Contains(p.Category)), nodes[slug]);
        }
        // The archived speaker is in Audio: one fewer than the demo file has.
        Assert.Equal(fixture.Source.Products.Count(p => p.Category == "audio") - 1, nodes["audio"]);
        Assert.Equal(fixture.Active.Count, fixture.Source.Categories.Sum(c => nodes[c.Slug]));
    }

    [Fact]
    public async Task The_tree_is_as_deep_as_the_demo_file()
    {
        var tree = await Tree();
        Assert.Contains(tree, r => r.GetProperty("children").GetArrayLength() > 0);
        static int Depth(DemoCatalogSeeder.DemoCategory c) => 1 + (c.Children is { Count: > 0 } ch ? ch.Max(Depth) : 0);
        var depth = fixture.Source.Categories.Max(Depth);
        static int JsonDepth(JsonElement n) => 1 + n.GetProperty("children").EnumerateArray().Select(JsonDepth).DefaultIfEmpty(0).Max();
        Assert.Equal(depth, tree.Max(JsonDepth));
    }
}
