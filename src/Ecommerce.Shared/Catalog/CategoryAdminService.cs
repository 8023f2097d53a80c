using System.Globalization;
using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Catalog;

public sealed record CategoryInput
{
    public Optional<string?> Name { get; init; }
    /// <summary>Empty: made from the name.</summary>
    public Optional<string?> Slug { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<string?> ImageUrl { get; init; }
    /// <summary>Null: a top-level category.</summary>
    public Optional<int?> ParentId { get; init; }
    public Optional<string?> SeoTitle { get; init; }
    public Optional<string?> SeoDescription { get; init; }
    /// <summary>The <see cref="Category.Version"/> the caller saw; when the category has moved on since, the update is refused.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>Every field set (a new category has all of them; an unset one is empty).</summary>
    public CategoryInput Complete() => this with
    {
        Name = Name.Or(null), Slug = Slug.Or(null), Description = Description.Or(null), ImageUrl = ImageUrl.Or(null), ParentId = ParentId.Or(null),
        SeoTitle = SeoTitle.Or(null), SeoDescription = SeoDescription.Or(null),
    };
}

public sealed record AdminCategory(int Id, string Name, string Slug, string? Description, string? ImageUrl, int? ParentId, int SortOrder,
    int DirectProducts, IReadOnlyList<AdminCategory> Children)
{
    public long Version { get; init; }
    public string? SeoTitle { get; init; }
    public string? SeoDescription { get; init; }
}

/// <summary>
/// The category tree for admins: create, rename, move (never under itself), reorder among siblings, delete when
/// empty. The storefront's caches refresh after every change.
/// </summary>
public sealed class CategoryAdminService(
    IDbContextFactory<AppDbContext> dbFactory,
    AuditLog audit,
    ICatalogChangeNotifier catalogChanged)
{
    public async Task<IReadOnlyList<AdminCategory>> TreeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var counts = await db.Products.Where(p => p.CategoryId != null).GroupBy(p => p.CategoryId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var byParent = all.ToLookup(c => c.ParentId);
        AdminCategory Build(Category c, int depth) => new(c.Id, c.Name, c.Slug, c.Description, c.ImageUrl, c.ParentId, c.SortOrder,
            counts.GetValueOrDefault(c.Id), depth < 32 ? byParent[c.Id].Select(child => Build(child, depth + 1)).ToList() : []) { Version = c.Version, SeoTitle = c.SeoTitle, SeoDescription = c.SeoDescription };
        return byParent[null].Select(c => Build(c, 0)).ToList();
    }

    public async Task<Result<AdminCategory>> CreateAsync(AdminActor actor, CategoryInput input, CancellationToken cancellationToken = default)
    {
        input = input.Complete();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, input, null, cancellationToken);
        if (errors.Count > 0) return Result<AdminCategory>.Failure(errors);

        var category = await db.InTransactionAsync(async ct =>
        {
            var created = new Category
            {
                Name = input.Name.Value!.Trim(),
                Slug = await SlugForAsync(db, input, null, ct),
                Description = Clean(input.Description.Value),
                ImageUrl = Clean(input.ImageUrl.Value),
                SeoTitle = Clean(input.SeoTitle.Value),
                SeoDescription = Clean(input.SeoDescription.Value),
                ParentId = input.ParentId.Value,
                SortOrder = await db.Categories.Where(c => c.ParentId == input.ParentId.Value).Select(c => (int?)c.SortOrder).MaxAsync(ct) + 1 ?? 0,
            };
            db.Categories.Add(created);
            await db.SaveChangesAsync(ct);
            audit.Record(db, actor, "category.created", "Category", Id(created.Id), $"Created category {created.Name}");
            await db.SaveChangesAsync(ct);
            return created;
        }, static _ => true, cancellationToken);
        await catalogChanged.CatalogChangedAsync(cancellationToken);
        return ToView(category);
    }

    /// <summary>Renames, re-slugs, describes or moves a category: changes the fields the input sets.</summary>
    public async Task<Result<AdminCategory>> UpdateAsync(AdminActor actor, int id, CategoryInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null) return NotFound(id);
        if (input.ExpectedVersion is { } expected && expected != category.Version) return ChangedMeanwhile(category);
        var errors = await ValidateAsync(db, input, category, cancellationToken);
        if (errors.Count > 0) return Result<AdminCategory>.Failure(errors);

        var before = Snapshot(category);
        if (input.Name.IsSet) category.Name = input.Name.Value!.Trim();
        if (input.Slug.IsSet && !string.IsNullOrWhiteSpace(input.Slug.Value)) category.Slug = input.Slug.Value.Trim();
        if (input.Description.IsSet) category.Description = Clean(input.Description.Value);
        if (input.ImageUrl.IsSet) category.ImageUrl = Clean(input.ImageUrl.Value);
        if (input.SeoTitle.IsSet) category.SeoTitle = Clean(input.SeoTitle.Value);
        if (input.SeoDescription.IsSet) category.SeoDescription = Clean(input.SeoDescription.Value);
        if (input.ParentId.IsSet && input.ParentId.Value != category.ParentId)
        {
            category.ParentId = input.ParentId.Value;
            category.SortOrder = await db.Categories.Where(c => c.ParentId == input.ParentId.Value && c.Id != id)
                .Select(c => (int?)c.SortOrder).MaxAsync(cancellationToken) + 1 ?? 0;
        }
        var changes = AuditLog.Diff(before, Snapshot(category));
        if (changes.Count > 0)
        {
            category.Version++;
            audit.Record(db, actor, changes.ContainsKey("parentId") ? "category.moved" : "category.updated", "Category", Id(id),
                $"Changed {string.Join(", ", changes.Keys)} of category {category.Name}", changes);
        }
        try
        {
            // The version is a concurrency token: the update writes WHERE "Version" = @read, so of two edits made
            // against the same version one is saved and the other refused.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile(category, knowsCurrentVersion: false);
        }
        await catalogChanged.CatalogChangedAsync(cancellationToken);
        return ToView(category);
    }

    /// <summary>Moves a category one place up (-1) or down (+1) among its siblings.</summary>
    public async Task<Result<bool>> MoveAmongSiblingsAsync(AdminActor actor, int id, int direction, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null) return NotFound(id);
        var siblings = await db.Categories.Where(c => c.ParentId == category.ParentId).OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var index = siblings.FindIndex(c => c.Id == id);
        var target = index + Math.Sign(direction);
        if (target == index || target < 0 || target >= siblings.Count) return false;
        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        for (var i = 0; i < siblings.Count; i++) siblings[i].SortOrder = i;
        audit.Record(db, actor, "category.reordered", "Category", Id(id), $"Moved category {category.Name} {(direction < 0 ? "up" : "down")}");
        await db.SaveChangesAsync(cancellationToken);
        await catalogChanged.CatalogChangedAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes a category that has no sub-categories and no products; otherwise says what is in the way.</summary>
    public async Task<Result> DeleteAsync(AdminActor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null) return NotFound(id);
        var children = await db.Categories.CountAsync(c => c.ParentId == id, cancellationToken);
        var products = await db.Products.CountAsync(p => p.CategoryId == id, cancellationToken);
        if (children > 0 || products > 0)
        {
            var parts = new List<string>();
            if (children > 0) parts.Add(children == 1 ? "1 sub-category" : $"{children} sub-categories");
            if (products > 0) parts.Add(products == 1 ? "1 product" : $"{products} products");
            return Error.Conflict($"Category {category.Name} still has {string.Join(" and ", parts)}. Move or delete them first.");
        }
        db.Categories.Remove(category);
        audit.Record(db, actor, "category.deleted", "Category", Id(id), $"Deleted category {category.Name}");
        await db.SaveChangesAsync(cancellationToken);
        await catalogChanged.CatalogChangedAsync(cancellationToken);
        return Result.Success;
    }

    private static async Task<List<Error>> ValidateAsync(AppDbContext db, CategoryInput input, Category? existing, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        if (input.Name.IsSet)
        {
            if (string.IsNullOrWhiteSpace(input.Name.Value)) errors.Add(new Error(ErrorCodes.RequiredField, "Name is required.", "name"));
            else if (input.Name.Value.Trim().Length > Limits.Category.Name) errors.Add(Error.Validation("name", $"Name can be at most {Limits.Category.Name} characters."));
            else TextRules.CheckName(input.Name.Value, "name", "Name", errors);
        }
        if (input.Slug.IsSet && !string.IsNullOrWhiteSpace(input.Slug.Value))
        {
            var slug = input.Slug.Value.Trim();
            if (slug.Length > Limits.Category.Slug) errors.Add(Error.Validation("slug", $"A slug can be at most {Limits.Category.Slug} characters."));
            else if (!Common.Slug.IsValid(slug)) errors.Add(Error.Validation("slug", "A slug is lower-case letters, digits and single hyphens, e.g. garden-tools."));
            else if (await db.Categories.AnyAsync(c => c.Slug == slug && c.Id != (existing == null ? 0 : existing.Id), cancellationToken))
                errors.Add(Error.AlreadyExists("slug", $"Another category already uses the slug '{slug}'."));
        }
        if (input.Description.IsSet && input.Description.Value?.Length > Limits.Category.Description) errors.Add(Error.Validation("description", $"Description can be at most {Limits.Category.Description} characters."));
        if (input.SeoTitle.IsSet && input.SeoTitle.Value?.Trim().Length > Limits.Category.SeoTitle)
            errors.Add(Error.Validation("seoTitle", $"The search engine title can be at most {Limits.Category.SeoTitle} characters."));
        if (input.SeoDescription.IsSet && input.SeoDescription.Value?.Trim().Length > Limits.Category.SeoDescription)
            errors.Add(Error.Validation("seoDescription", $"The search engine description can be at most {Limits.Category.SeoDescription} characters."));
        if (input.ImageUrl.IsSet && input.ImageUrl.Value?.Length > Limits.Category.ImageUrl) errors.Add(Error.Validation("imageUrl", $"Image URL can be at most {Limits.Category.ImageUrl} characters."));
        if (input.ParentId.IsSet && input.ParentId.Value is { } parentId)
        {
            var parents = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
            if (!parents.ContainsKey(parentId)) errors.Add(Error.Validation("parentId", "The parent category does not exist."));
            else if (existing is not null)
            {
                // Walking up from the new parent must never reach the category itself.
                for (int? current = parentId; current is { } c; current = parents.GetValueOrDefault(c))
                {
                    if (c == existing.Id)
                    {
                        errors.Add(Error.Validation("parentId", "A category cannot be moved under itself or one of its sub-categories."));
                        break;
                    }
                }
            }
        }
        return errors;
    }

    private static async Task<string> SlugForAsync(AppDbContext db, CategoryInput input, int? exceptId, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(input.Slug.Value)
            ? input.Slug.Value.Trim()
            : await Common.Slug.UniqueAsync(Common.Slug.From(input.Name.Value), candidate => db.Categories.AnyAsync(c => c.Slug == candidate && c.Id != exceptId, cancellationToken));

    private static Dictionary<string, object?> Snapshot(Category c) => new()
    {
        ["name"] = c.Name, ["slug"] = c.Slug, ["description"] = c.Description, ["imageUrl"] = c.ImageUrl, ["parentId"] = c.ParentId,
        ["seoTitle"] = c.SeoTitle, ["seoDescription"] = c.SeoDescription,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    private static AdminCategory ToView(Category c) => new(c.Id, c.Name, c.Slug, c.Description, c.ImageUrl, c.ParentId, c.SortOrder, 0, []) { Version = c.Version, SeoTitle = c.SeoTitle, SeoDescription = c.SeoDescription };

    /// <summary>The answer to an edit made against a version of the category someone else has changed since.</summary>
    private static Error ChangedMeanwhile(Category category, bool knowsCurrentVersion = true) =>
        new(ErrorCodes.Conflict, $"Someone else changed the category {category.Name} since you loaded it, so nothing was saved. Reload it and apply your change again.", "version")
        {
            Details = knowsCurrentVersion ? new Dictionary<string, object> { ["currentVersion"] = category.Version } : null,
        };
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
    private static Error NotFound(int id) => Error.NotFound($"Category with ID '{id}' not found");
}
