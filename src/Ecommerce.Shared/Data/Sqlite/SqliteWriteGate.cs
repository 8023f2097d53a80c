using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Data.Sqlite;

/// <summary>
/// One writing transaction at a time per SQLite database in this process, queued in memory. SQLite allows one writer;
/// without the gate, a transaction that finds the write lock taken is retried by Microsoft.Data.Sqlite every 150 ms
/// until the lock is free — so under load most of a checkout's time was spent asleep, and the unlucky waited for
/// seconds (p95 813 ms at 16 buyers). Queued here, the next transaction starts the moment the previous one ends.
/// </summary>
/// <remarks>
/// The store runs as one process on SQLite (several instances need PostgreSQL), so a gate in memory sees every
/// writer that matters; a second process on the same file still works, through SQLite's own lock. Reads never wait
/// (the database is in WAL mode). Single statements outside a unit of work keep SQLite's own locking.
/// </remarks>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the database's gate; disposing the result lets the next writer in.</summary>
    public static async Task<IDisposable> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(Key(db), static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Exit(gate);
    }

    private static string Key(DbContext db)
    {
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        // An in-memory database is private to its connection: nothing to share.
        return source is "" or ":memory:" ? Guid.NewGuid().ToString() : Path.GetFullPath(source);
    }

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
