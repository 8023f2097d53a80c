using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Ecommerce.Shared.Catalog;

/// <summary>
/// The category tree's shape (names, slugs, parents, order), held in memory because every page and every
/// category filter needs it and it changes rarely. Writers call <see cref="Invalidate"/>.
/// </summary>
public sealed class CategoryDirectory(IDbContextFactory<AppDbContext> dbFactory, IMemoryCache cache)
{
    private const string CacheKey = "catalog:category-directory";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public sealed record Entry(int Id, int? ParentId, string Name, string Slug, string? Description, string? ImageUrl, int SortOrder, long Version = 0,
        string? SeoTitle = null, string? SeoDescription = null);

    public sealed class Snapshot
    {
        private readonly Dictionary<int, Entry> _byId;
        private readonly Dictionary<string, Entry> _bySlug;
        private readonly ILookup<int?, Entry> _byParent;

        public Snapshot(IReadOnlyList<Entry> entries)
        {
            All = entries;
            _byId = entries.ToDictionary(e => e.Id);
            _bySlug = entries.ToDictionary(e => e.Slug, StringComparer.OrdinalIgnoreCase);
            _byParent = entries.OrderBy(e => e.SortOrder).ThenBy(e => e.Name).ToLookup(e => e.ParentId);
        }

        public IReadOnlyList<Entry> All { get; }
        public IEnumerable<Entry> Roots => _byParent[null];

        public Entry? ById(int id) => _byId.GetValueOrDefault(id);
        public Entry? BySlug(string slug) => _bySlug.GetValueOrDefault(slug);
        public IEnumerable<Entry> ChildrenOf(int? id) => _byParent[id];

        /// <summary>The category and all categories below it.</summary>
        public IReadOnlyList<int> SelfAndDescendantIds(int id)
        {
            var result = new List<int>();
            var stack = new Stack<int>([id]);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                if (result.Contains(current)) continue; // defensive: never loop on a corrupt tree
                result.Add(current);
                foreach (var child in _byParent[current]) stack.Push(child.Id);
            }
            return result;
        }

        /// <summary>From the root down to the category itself.</summary>
        public IReadOnlyList<Entry> PathTo(int id)
        {
            var path = new List<Entry>();
            for (var current = ById(id); current is not null && path.Count < 32; current = current.ParentId is { } p ? ById(p) : null)
                path.Insert(0, current);
            return path;
        }
    }

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out Snapshot? snapshot) && snapshot is not null) return snapshot;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.Categories.AsNoTracking()
            .Select(c => new Entry(c.Id, c.ParentId, c.Name, c.Slug, c.Description, c.ImageUrl, c.SortOrder, c.Version, c.SeoTitle, c.SeoDescription))
            .ToListAsync(cancellationToken);
        snapshot = new Snapshot(entries);
        cache.Set(CacheKey, snapshot, Lifetime);
        return snapshot;
    }

    public void Invalidate() => cache.Remove(CacheKey);
}
