// The request nonces a mailbox host has seen (replay protection), in its own SQLite database: a nonce is kept until
// its request's timestamp leaves the host's window, after which the timestamp check refuses a replay anyway. Expired
// rows are removed every 256 inserts, so the table holds at most the requests of one window.
using System;
using Microsoft.Data.Sqlite;
using WotId.Mailbox.Embedded;

namespace WotId.Mailbox.Hosted;

/// <summary>Remembers nonces until they expire.</summary>
internal sealed class NonceStore : IDisposable
{
    private readonly object _lock = new();
    private readonly SqliteConnection _connection;
    private int _inserts;

    internal NonceStore(EmbeddedMailboxStore store)
    {
        _connection = store.OpenConnection();
        using SqliteCommand cmd = _connection.CreateCommand();
        cmd.CommandText = "CREATE TABLE IF NOT EXISTS hosted_nonces(nonce BLOB PRIMARY KEY, expires_ms INTEGER NOT NULL)";
        cmd.ExecuteNonQuery();
    }

    /// <summary>Records <paramref name="nonce"/>; false when it was recorded before.</summary>
    internal bool TryRecord(byte[] nonce, long expiresMs, long nowMs)
    {
        lock (_lock)
        {
            if (++_inserts % 256 == 0)
            {
                using SqliteCommand purge = _connection.CreateCommand();
                purge.CommandText = "DELETE FROM hosted_nonces WHERE expires_ms < $now";
                purge.Parameters.AddWithValue("$now", nowMs);
                purge.ExecuteNonQuery();
            }

            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "INSERT OR IGNORE INTO hosted_nonces(nonce, expires_ms) VALUES($n, $e)";
            cmd.Parameters.AddWithValue("$n", nonce);
            cmd.Parameters.AddWithValue("$e", expiresMs);
            return cmd.ExecuteNonQuery() == 1;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _connection.Dispose();
        }
    }
}
