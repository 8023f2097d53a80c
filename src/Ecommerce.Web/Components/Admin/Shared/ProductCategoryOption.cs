using Ecommerce.Shared.Catalog;

namespace Ecommerce.Web.Components.Admin.Shared;

/// <summary>A category as the product screens' pickers list it: the tree flattened in order, with its depth for indenting.</summary>
public sealed record ProductCategoryOption(int Id, string Name, string Slug, int Depth, string Path)
{
    /// <summary>The tree in display order (each category followed by its sub-categories).</summary>
    public static IReadOnlyList<ProductCategoryOption> Flatten(IEnumerable<AdminCategory> tree)
    {
        var options = new List<ProductCategoryOption>();
        void Walk(IEnumerable<AdminCategory> level, int depth, string? parentPath)
        {
            foreach (var category in level)
            {
                var path = parentPath is null ? category.Name : $"{parentPath} › {category.Name}";
                options.Add(new ProductCategoryOption(category.Id, category.Name, category.Slug, depth, path));
                Walk(category.Children, depth + 1, path);
            }
        }
        Walk(tree, 0, null);
        return options;
    }
}
