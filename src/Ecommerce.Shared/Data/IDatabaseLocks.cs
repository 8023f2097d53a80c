namespace Ecommerce.Shared.Data;

/// <summary>
/// Locks that make concurrent writers of one thing run one after another, held until the current transaction ends
/// (call them inside <see cref="Transactions.InTransactionAsync{T}(Microsoft.EntityFrameworkCore.DbContext, Func{CancellationToken, Task{T}}, Func{T, bool}, CancellationToken)"/>,
/// before reading what the decision depends on). After a lock is taken, every later statement of the transaction
/// sees what the previous holder committed — also under PostgreSQL's READ COMMITTED.
/// </summary>
/// <remarks>
/// SQLite (<see cref="Sqlite.SqliteDatabaseLocks"/>) needs nothing more: its transactions begin with BEGIN IMMEDIATE
/// and hold the database's write lock throughout. PostgreSQL (<see cref="Postgres.PostgresDatabaseLocks"/>) takes a
/// row lock (<c>SELECT … FOR UPDATE</c>) or a transaction-scoped advisory lock.
/// </remarks>
public interface IDatabaseLocks
{
    /// <summary>Locks the row of <typeparamref name="TEntity"/> whose primary key is <paramref name="key"/> (nothing when there is none).</summary>
    Task LockRowAsync<TEntity>(AppDbContext db, object key, CancellationToken cancellationToken) where TEntity : class;

    /// <summary>
    /// Locks a name, for something that may have no row yet (e.g. "the cart of customer X" before the cart exists).
    /// Every writer of that thing must take the same name.
    /// </summary>
    Task LockNameAsync(AppDbContext db, string name, CancellationToken cancellationToken);
}
