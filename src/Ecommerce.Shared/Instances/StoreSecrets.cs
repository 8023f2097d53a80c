using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Instances;

/// <summary>
/// Secrets generated once into the database, so that every instance uses the same one (never one per instance).
/// Two instances starting at once may both generate a value; the database keeps the first, and both read it back.
/// </summary>
public sealed class StoreSecrets(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The stored secret, or <paramref name="create"/>'s value stored now when there is none yet.</summary>
    public string GetOrCreate(string name, Func<string> create)
    {
        using (var db = dbFactory.CreateDbContext())
        {
            if (db.StoreSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).FirstOrDefault() is { } existing) return existing;
        }
        try
        {
            using var db = dbFactory.CreateDbContext();
            db.StoreSecrets.Add(new StoreSecret { Name = name, Value = create(), CreatedAt = clock.GetUtcNow().UtcDateTime });
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Another instance stored it first: theirs is the one.
        }
        using var again = dbFactory.CreateDbContext();
        return again.StoreSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).First();
    }
}
