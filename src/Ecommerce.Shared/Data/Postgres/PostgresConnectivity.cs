using System.Net.Sockets;
using Npgsql;

namespace Ecommerce.Shared.Data.Postgres;

/// <summary>What Npgsql throws when the store cannot reach its PostgreSQL database (see <see cref="DatabaseFailures"/>).</summary>
public static class PostgresConnectivity
{
    /// <summary>
    /// A connection that could not be opened or broke: refused, reset or timed out (Npgsql wraps the socket, I/O or
    /// timeout exception, a pool that stays exhausted included); or the server's own refusal — a connection exception
    /// (class 08), a database that does not exist (3D000), rejected credentials (class 28), too many connections
    /// (53300), a server shutting down or starting up (57P01–57P03). Errors of a statement (a constraint, a deadlock,
    /// bad SQL) are not connectivity failures.
    /// </summary>
    public static bool IsConnectionFailure(Exception exception) => exception switch
    {
        PostgresException server => server.SqlState.StartsWith("08", StringComparison.Ordinal)
            || server.SqlState.StartsWith("28", StringComparison.Ordinal)
            || server.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.TooManyConnections
                or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException client => client.InnerException is SocketException or IOException or TimeoutException,
        _ => false,
    };
}
