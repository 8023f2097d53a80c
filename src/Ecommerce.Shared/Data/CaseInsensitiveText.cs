using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecommerce.Shared.Data;

/// <summary>
/// Marks text columns that compare, sort and are unique without regard to letter case ("SKU-1" is "sku-1");
/// <see cref="AppDbContext"/> maps the mark to each provider's way (SQLite's NOCASE collation, PostgreSQL's citext).
/// </summary>
internal static class CaseInsensitiveText
{
    private const string Annotation = "Ecommerce:CaseInsensitive";

    public static PropertyBuilder<string> IsCaseInsensitive(this PropertyBuilder<string> property) =>
        property.HasAnnotation(Annotation, true);

    public static bool IsMarked(IReadOnlyProperty property) => property.FindAnnotation(Annotation)?.Value is true;
}
