using Ecommerce.Shared.Data.Postgres;
using Ecommerce.Shared.Data.Sqlite;

namespace Ecommerce.Shared.Data;

/// <summary>
/// Tells a database the store cannot reach — a PostgreSQL server that refuses or drops connections, a database that
/// is gone, a SQLite file that cannot be opened — from every other failure, so that the API can answer 503 (try
/// again later) instead of 500 (a fault in the store). What each provider's failures look like is in its own folder.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>
    /// Whether the exception, or one it wraps (EF Core wraps the provider's exception, e.g. in the retrying execution
    /// strategy's "retry limit exceeded"), says the database cannot be reached.
    /// </summary>
    public static bool IsUnreachable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate) return aggregate.InnerExceptions.Any(IsUnreachable);
            if (SqliteDatabase.CannotOpen(current) || PostgresConnectivity.IsConnectionFailure(current)) return true;
        }
        return false;
    }
}
