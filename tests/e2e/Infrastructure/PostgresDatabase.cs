using Npgsql;

namespace Ecommerce.Tests.E2E.Infrastructure;

/// <summary>An empty database of its own on the test PostgreSQL server, dropped (with whatever is still connected) at the end.</summary>
public sealed class PostgresDatabase
{
    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 30 }.ToString();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <param name="server">A connection string without a database, e.g. <c>Host=127.0.0.1;Port=5433;Username=postgres</c>.</param>
    public static PostgresDatabase Create(string server, string prefix)
    {
        var database = new PostgresDatabase(server, prefix + Guid.NewGuid().ToString("N")[..12]);
        database.Admin($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public void Drop()
    {
        NpgsqlConnection.ClearAllPools();
        try { Admin($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)"); }
        catch (NpgsqlException) { }
    }

    private void Admin(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(builder.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
