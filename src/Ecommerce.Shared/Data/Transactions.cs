using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Data;

/// <summary>
/// The one way the store runs a unit of work in a database transaction: inside the context's execution strategy, so
/// that on PostgreSQL a transient failure (a dropped connection, a deadlock, a serialization failure) runs the whole
/// unit again from the start instead of failing the request. On SQLite the strategy does not retry and the unit runs
/// once, as a plain transaction (BEGIN IMMEDIATE: it holds the database's write lock from its first statement), after
/// waiting its turn at the <see cref="SqliteWriteGate"/>.
/// </summary>
/// <remarks>
/// Because a unit may run more than once, it must read everything it decides on inside itself (entities read before
/// it began are detached when it runs again: the change tracker is cleared before each retry), and do nothing outside
/// the database that cannot be repeated. Work that must follow the commit (cache eviction, files, mail) goes after
/// the call. A commit whose outcome is unknown (the connection dropped during COMMIT) is retried like any transient
/// failure; units that must not run twice make their second run harmless (e.g. an order empties the cart it was
/// placed from, so a second run finds the cart empty).
/// </remarks>
public static class Transactions
{
    /// <summary>Runs <paramref name="work"/> in a transaction that commits when the result succeeded and rolls back when it failed.</summary>
    public static Task<Result> InTransactionAsync(
        this DbContext db, Func<CancellationToken, Task<Result>> work, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(work, static result => result.Succeeded, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a transaction that commits when the result succeeded and rolls back when it failed.</summary>
    public static Task<Result<T>> InTransactionAsync<T>(
        this DbContext db, Func<CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(work, static result => result.Succeeded, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a transaction that commits when it returns (and rolls back when it throws).</summary>
    public static Task InTransactionAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async ct =>
        {
            await work(ct);
            return true;
        }, static _ => true, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that commits when <paramref name="commit"/> says so for its result
    /// and rolls back otherwise (or when it throws).
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(
        this DbContext db, Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken = default)
    {
        var attempts = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // A retry starts from what the database holds now, not from what the failed attempt had read or changed.
            if (attempts++ > 0) db.ChangeTracker.Clear();
            using var gate = db.Database.IsSqlite() ? await SqliteWriteGate.EnterAsync(db, ct) : null;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            if (commit(result)) await transaction.CommitAsync(ct);
            else await transaction.RollbackAsync(ct);
            return result;
        }, cancellationToken);
    }
}
