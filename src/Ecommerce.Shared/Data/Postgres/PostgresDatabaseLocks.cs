using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ecommerce.Shared.Data.Postgres;

/// <summary>
/// Locks on PostgreSQL, where writers do not queue for one database lock: a row's lock through
/// <c>SELECT … FOR UPDATE</c> (it writes nothing, unlike a no-op UPDATE), and a transaction-scoped advisory lock for a
/// name. Both are released when the transaction commits or rolls back; a deadlock between two holders is reported by
/// PostgreSQL as a transient failure, and the execution strategy runs the losing unit again.
/// </summary>
public sealed class PostgresDatabaseLocks : IDatabaseLocks
{
    public static readonly PostgresDatabaseLocks Instance = new();

    /// <summary>The first key of the store's advisory locks (the two-key form, which never meets a one-key <c>bigint</c> lock).</summary>
    private const string Namespace = "ecommerce";

    public Task LockRowAsync<TEntity>(AppDbContext db, object key, CancellationToken cancellationToken) where TEntity : class
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var column = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table);
        var name = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        // Identifiers from the model, the key as a parameter.
        var sql = "SELECT 1 FROM " + name + " WHERE " + Quote(column!) + " = {0} FOR NO KEY UPDATE";
        return db.Database.ExecuteSqlRawAsync(sql, [key], cancellationToken);
    }

    public Task LockNameAsync(AppDbContext db, string name, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({Namespace}), hashtext({name}))", cancellationToken);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
