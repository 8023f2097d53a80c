using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Data.Sqlite;

/// <summary>
/// Locks on SQLite: nothing to take. A transaction begins with BEGIN IMMEDIATE, which holds the database's only write
/// lock until it ends, so every writer already waits for the transaction.
/// </summary>
public sealed class SqliteDatabaseLocks : IDatabaseLocks
{
    public static readonly SqliteDatabaseLocks Instance = new();

    public Task LockRowAsync<TEntity>(AppDbContext db, object key, CancellationToken cancellationToken) where TEntity : class =>
        RequireTransaction(db);

    public Task LockNameAsync(AppDbContext db, string name, CancellationToken cancellationToken) => RequireTransaction(db);

    private static Task RequireTransaction(AppDbContext db) =>
        db.Database.CurrentTransaction is null
            ? throw new InvalidOperationException("A lock lasts until the transaction ends: take it inside InTransactionAsync.")
            : Task.CompletedTask;
}
