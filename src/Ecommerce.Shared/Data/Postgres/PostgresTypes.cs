using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ecommerce.Shared.Data.Postgres;

/// <summary>
/// Npgsql learns the database's types (citext, tsvector…) when it first connects. The first migration creates some of
/// them (extensions), so an instance that connected before — the one that migrated, or one that waited for it under
/// the start-up lock — must learn them again, or it cannot read a citext column ("Reading as 'System.Object' is not
/// supported for fields having DataTypeName '-.-'").
/// </summary>
public static class PostgresTypes
{
    public static async Task ReloadAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.ReloadTypesAsync(cancellationToken);
            // Connections opened before keep what they knew: none of them is used again.
            NpgsqlConnection.ClearPool(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
