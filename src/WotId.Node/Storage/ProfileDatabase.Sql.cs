// Command construction and execution shared by the stores over ProfileDatabase.
using Microsoft.Data.Sqlite;

namespace WotId.Node.Storage;

internal sealed partial class ProfileDatabase
{
    /// <summary>A command in <paramref name="transaction"/> (may be null for reads) with positional parameters $1, $2, ….</summary>
    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] args)
    {
        SqliteCommand c = connection.CreateCommand();
        c.Transaction = transaction;
        c.CommandText = sql;
        for (int i = 0; i < args.Length; i++)
        {
            c.Parameters.AddWithValue("$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), args[i] ?? System.DBNull.Value);
        }

        return c;
    }

    /// <summary>Runs a statement and returns the number of rows changed.</summary>
    internal static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] args)
    {
        using SqliteCommand c = Command(connection, transaction, sql, args);
        return c.ExecuteNonQuery();
    }

    /// <summary>Runs a query and returns the first column of the first row, or null.</summary>
    internal static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] args)
    {
        using SqliteCommand c = Command(connection, transaction, sql, args);
        object? r = c.ExecuteScalar();
        return r is System.DBNull ? null : r;
    }
}
