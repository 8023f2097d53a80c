using System.Net.Sockets;
using Ecommerce.Shared.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ecommerce.Tests.Unit.Data;

/// <summary>Which failures mean "the database cannot be reached" (503) and which are faults (500), on both providers.</summary>
public class DatabaseFailuresTests
{
    private static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static TheoryData<string, Exception> Unreachable => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)) },
        { "connection dropped", new NpgsqlException("Exception while reading from stream", new IOException("Connection reset")) },
        { "connect timeout or pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "database dropped", Server("3D000") },
        { "credentials refused", Server("28P01") },
        { "connection failure", Server("08006") },
        { "too many connections", Server("53300") },
        { "server shutting down", Server("57P01") },
        { "server starting up", Server("57P03") },
        { "after EF's retries", new RetryLimitExceededException("Retry limit exceeded", new NpgsqlException("Failed to connect", new SocketException())) },
        { "inside a DbUpdateException", new Microsoft.EntityFrameworkCore.DbUpdateException("update failed", Server("08001")) },
        { "SQLite file cannot be opened", new SqliteException("SQLite Error 14: 'unable to open database file'.", 14) },
        { "in an AggregateException", new AggregateException(new InvalidOperationException(), new SqliteException("unable to open database file", 14)) },
    };

    public static TheoryData<string, Exception> Faults => new()
    {
        { "unique violation", Server("23505") },
        { "serialization failure", Server("40001") },
        { "undefined table", Server("42P01") },
        { "SQLite constraint", new SqliteException("SQLite Error 19: 'UNIQUE constraint failed'.", 19) },
        { "SQLite busy", new SqliteException("SQLite Error 5: 'database is locked'.", 5) },
        { "a bug", new InvalidOperationException("Sequence contains no elements") },
        { "Npgsql without a connection cause", new NpgsqlException("Something else") },
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public void Connection_failures_are_unreachable(string because, Exception exception) =>
        Assert.True(DatabaseFailures.IsUnreachable(exception), because);

    [Theory]
    [MemberData(nameof(Faults))]
    public void Other_failures_are_not(string because, Exception exception) =>
        Assert.False(DatabaseFailures.IsUnreachable(exception), because);
}
