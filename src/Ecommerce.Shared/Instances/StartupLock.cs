using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Instances;

/// <summary>
/// Makes start-up work (migrations, the admin account, demo seeding) run in one instance at a time: the others wait
/// until it is done, then find it done. PostgreSQL: a session advisory lock. SQLite: an exclusive lock on a file in
/// the data folder (every process that opens the database shares that folder).
/// </summary>
public static class StartupLock
{
    /// <summary>An arbitrary, fixed advisory-lock key for the store's start-up work ("ECOMSTRT").</summary>
    private const long AdvisoryKey = 0x45434F4D53545254;

    public static async Task<IAsyncDisposable> AcquireAsync(AppDbContext db, DataDirectory data, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryKey})", cancellationToken);
            return new Release(async () =>
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            });
        }

        Directory.CreateDirectory(data.Path);
        var path = Path.Combine(data.Path, "startup.lock");
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new Release(() => { file.Dispose(); return Task.CompletedTask; });
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken); // another process is starting up
            }
        }
    }

    private sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}
