// Durable outgoing queue for chain sends: a message is written here (one SQLite transaction) before any network
// call, so an unreachable or failing node never loses it. Each row remembers the last signed transaction and its
// digest, so a retry first asks the node whether that transaction already executed (no duplicate send), then
// resubmits the same bytes, and only rebuilds when those bytes became invalid. Rows are unique per (mailbox, seq).
using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Chain;

/// <summary>The persistent queue of messages waiting to be sent on chain.</summary>
public sealed class Outbox : IDisposable
{
    private readonly string _connectionString;

    private Outbox(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>Opens or creates the queue database at <paramref name="path"/>.</summary>
    public static Outbox Open(string path)
    {
        var q = new Outbox(path);
        q.Exec("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS outbox(
                id INTEGER PRIMARY KEY AUTOINCREMENT, mailbox_id BLOB NOT NULL, seq INTEGER NOT NULL, payload BLOB NOT NULL,
                state TEXT NOT NULL, tx_bytes BLOB, signature TEXT, digest TEXT, message_id BLOB, attempts INTEGER NOT NULL,
                last_error TEXT, created_ms INTEGER NOT NULL, UNIQUE(mailbox_id, seq));
            """);
        return q;
    }

    /// <summary>Adds a message (or returns the existing row for the same mailbox and seq).</summary>
    public long Enqueue(IotaAddress mailboxId, ulong seq, ReadOnlySpan<byte> payload)
    {
        using SqliteConnection c = Connect();
        using SqliteTransaction t = c.BeginTransaction();
        using (SqliteCommand find = Command(c, t, "SELECT id FROM outbox WHERE mailbox_id=$m AND seq=$s", ("$m", mailboxId.Span.ToArray()), ("$s", (long)seq)))
        {
            if (find.ExecuteScalar() is long existing)
            {
                return existing;
            }
        }

        using SqliteCommand ins = Command(c, t,
            "INSERT INTO outbox(mailbox_id, seq, payload, state, attempts, created_ms) VALUES($m, $s, $p, 'queued', 0, $now) RETURNING id",
            ("$m", mailboxId.Span.ToArray()), ("$s", (long)seq), ("$p", payload.ToArray()), ("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        long id = (long)ins.ExecuteScalar()!;
        t.Commit();
        return id;
    }

    /// <summary>Rows not yet delivered, oldest first.</summary>
    public IReadOnlyList<OutgoingMessage> Pending()
    {
        using SqliteConnection c = Connect();
        using SqliteCommand q = Command(c, null, "SELECT id, mailbox_id, seq, payload, tx_bytes, signature, digest, attempts, last_error FROM outbox WHERE state='queued' ORDER BY id");
        using SqliteDataReader r = q.ExecuteReader();
        var list = new List<OutgoingMessage>();
        while (r.Read())
        {
            list.Add(new OutgoingMessage(r.GetInt64(0), new IotaAddress((byte[])r[1]), (ulong)r.GetInt64(2), (byte[])r[3],
                r.IsDBNull(4) ? null : (byte[])r[4], r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8)));
        }

        return list;
    }

    /// <summary>Number of rows still queued.</summary>
    public int PendingCount() => Pending().Count;

    /// <summary>Stores the signed transaction before it is submitted.</summary>
    public void SaveSigned(long id, byte[] txBytes, string signature, string digest) =>
        Exec("UPDATE outbox SET tx_bytes=$b, signature=$sig, digest=$d WHERE id=$id", ("$b", txBytes), ("$sig", signature), ("$d", digest), ("$id", id));

    /// <summary>Records a failed attempt; the row stays queued.</summary>
    public void RecordFailure(long id, string error) =>
        Exec("UPDATE outbox SET attempts=attempts+1, last_error=$e WHERE id=$id", ("$e", error), ("$id", id));

    /// <summary>Marks a row delivered.</summary>
    public void MarkDelivered(long id, IotaAddress? messageId) =>
        Exec("UPDATE outbox SET state='delivered', message_id=$mid, last_error=NULL WHERE id=$id",
            ("$mid", messageId is IotaAddress m ? m.Span.ToArray() : DBNull.Value), ("$id", id));

    /// <summary>Marks a row rejected for good (a Move abort such as a blocked sender): it will not be retried.</summary>
    public void MarkRejected(long id, string error) =>
        Exec("UPDATE outbox SET state='rejected', last_error=$e WHERE id=$id", ("$e", error), ("$id", id));

    /// <inheritdoc />
    public void Dispose()
    {
        using var c = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(c);
    }

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    private void Exec(string sql, params (string, object)[] args)
    {
        using SqliteConnection c = Connect();
        using SqliteCommand cmd = Command(c, null, sql, args);
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? t, string sql, params (string Name, object Value)[] args)
    {
        SqliteCommand cmd = c.CreateCommand();
        cmd.Transaction = t;
        cmd.CommandText = sql;
        foreach ((string n, object v) in args)
        {
            cmd.Parameters.AddWithValue(n, v);
        }

        return cmd;
    }
}
