// Durable outgoing queue for chain sends: a message is written here (one SQLite transaction) before any network
// call, so an unreachable or failing node never loses it. The same transaction assigns the message the next
// sequence number of (sender, mailbox), so numbering needs no read-modify-write elsewhere. Each row remembers the
// last signed transaction and its digest, so a retry first asks the node whether that transaction already executed
// (no duplicate send), then resubmits. A row the chain rejects for good is marked rejected and gives its number
// back when it was the last one (a send that failed uses up no number).
using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Chain;

/// <summary>The persistent queue of messages waiting to be sent on chain.</summary>
public sealed class Outbox : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS outgoing(
            id INTEGER PRIMARY KEY AUTOINCREMENT, sender BLOB NOT NULL, mailbox_id BLOB NOT NULL, seq INTEGER NOT NULL,
            payload BLOB NOT NULL, state TEXT NOT NULL, tx_bytes BLOB, signature TEXT, digest TEXT, message_id BLOB,
            attempts INTEGER NOT NULL, last_error TEXT, created_ms INTEGER NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS outgoing_seq ON outgoing(sender, mailbox_id, seq) WHERE state <> 'rejected';
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    private Outbox(string path, TimeProvider time)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _time = time;
    }

    /// <summary>Opens or creates the queue database at <paramref name="path"/>.</summary>
    public static Outbox Open(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var q = new Outbox(path, time ?? TimeProvider.System);
        q.Exec(Schema);
        return q;
    }

    /// <summary>
    /// Moves the queued rows of the earlier table <c>outbox</c> (which had no sender column; the CLI chose their
    /// numbers) into this queue as rows of <paramref name="sender"/>, keeping their number and signed transaction
    /// so a retry still finds a transaction that already executed. A number that is taken gets the next free one
    /// and its old signature is dropped (it named the old number). Returns how many rows moved.
    /// </summary>
    public int AdoptLegacyRows(IotaAddress sender)
    {
        using SqliteConnection c = Connect();
        using SqliteTransaction t = c.BeginTransaction(deferred: false);
        using (SqliteCommand exists = Command(c, t, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='outbox'"))
        {
            if (exists.ExecuteScalar() is null)
            {
                return 0;
            }
        }

        var rows = new List<(long Id, byte[] Mailbox, long Seq, byte[] Payload, object Tx, object Sig, object Digest, long Attempts, object Error, long Created)>();
        using (SqliteCommand q = Command(c, t,
            "SELECT id, mailbox_id, seq, payload, tx_bytes, signature, digest, attempts, last_error, created_ms FROM outbox WHERE state='queued' ORDER BY id"))
        using (SqliteDataReader r = q.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add((r.GetInt64(0), (byte[])r[1], r.GetInt64(2), (byte[])r[3], r[4], r[5], r[6], r.GetInt64(7), r[8], r.GetInt64(9)));
            }
        }

        byte[] s = sender.Span.ToArray();
        foreach (var row in rows)
        {
            long seq = row.Seq;
            object tx = row.Tx, sig = row.Sig, digest = row.Digest;
            using (SqliteCommand taken = Command(c, t, "SELECT 1 FROM outgoing WHERE sender=$s AND mailbox_id=$m AND seq=$q AND state <> 'rejected'",
                ("$s", s), ("$m", row.Mailbox), ("$q", seq)))
            {
                if (taken.ExecuteScalar() is not null)
                {
                    using SqliteCommand next = Command(c, t, "SELECT COALESCE(MAX(seq), 0) + 1 FROM outgoing WHERE sender=$s AND mailbox_id=$m AND state <> 'rejected'",
                        ("$s", s), ("$m", row.Mailbox));
                    seq = (long)next.ExecuteScalar()!;
                    (tx, sig, digest) = (DBNull.Value, DBNull.Value, DBNull.Value);
                }
            }

            using SqliteCommand ins = Command(c, t,
                "INSERT INTO outgoing(sender, mailbox_id, seq, payload, state, tx_bytes, signature, digest, attempts, last_error, created_ms) " +
                "VALUES($s, $m, $q, $p, 'queued', $tx, $sig, $d, $a, $e, $c)",
                ("$s", s), ("$m", row.Mailbox), ("$q", seq), ("$p", row.Payload), ("$tx", tx), ("$sig", sig), ("$d", digest),
                ("$a", row.Attempts), ("$e", row.Error), ("$c", row.Created));
            ins.ExecuteNonQuery();
            using SqliteCommand done = Command(c, t, "UPDATE outbox SET state='moved' WHERE id=$id", ("$id", row.Id));
            done.ExecuteNonQuery();
        }

        t.Commit();
        return rows.Count;
    }

    /// <summary>
    /// Queues a message and assigns it the next sequence number of (<paramref name="sender"/>,
    /// <paramref name="mailboxId"/>) in one transaction. Returns the queue row and the number.
    /// </summary>
    public (long Id, ulong Seq) Enqueue(IotaAddress sender, IotaAddress mailboxId, ReadOnlySpan<byte> payload)
    {
        byte[] s = sender.Span.ToArray();
        byte[] m = mailboxId.Span.ToArray();
        byte[] p = payload.ToArray();
        using SqliteConnection c = Connect();
        using SqliteTransaction t = c.BeginTransaction(deferred: false);
        long seq;
        using (SqliteCommand next = Command(c, t,
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM outgoing WHERE sender=$s AND mailbox_id=$m AND state <> 'rejected'", ("$s", s), ("$m", m)))
        {
            seq = (long)next.ExecuteScalar()!;
        }

        using SqliteCommand ins = Command(c, t,
            "INSERT INTO outgoing(sender, mailbox_id, seq, payload, state, attempts, created_ms) VALUES($s, $m, $q, $p, 'queued', 0, $now) RETURNING id",
            ("$s", s), ("$m", m), ("$q", seq), ("$p", p), ("$now", _time.GetUtcNow().ToUnixTimeMilliseconds()));
        long id = (long)ins.ExecuteScalar()!;
        t.Commit();
        return (id, (ulong)seq);
    }

    /// <summary>Rows of <paramref name="sender"/> not yet delivered, oldest first.</summary>
    public IReadOnlyList<OutgoingMessage> Pending(IotaAddress sender)
    {
        using SqliteConnection c = Connect();
        using SqliteCommand q = Command(c, null,
            "SELECT id, mailbox_id, seq, payload, tx_bytes, signature, digest, attempts, last_error FROM outgoing WHERE state='queued' AND sender=$s ORDER BY id",
            ("$s", sender.Span.ToArray()));
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

    /// <summary>Number of rows of <paramref name="sender"/> still queued.</summary>
    public int PendingCount(IotaAddress sender) => Pending(sender).Count;

    /// <summary>Stores the signed transaction before it is submitted.</summary>
    public void SaveSigned(long id, byte[] txBytes, string signature, string digest) =>
        Exec("UPDATE outgoing SET tx_bytes=$b, signature=$sig, digest=$d WHERE id=$id", ("$b", txBytes), ("$sig", signature), ("$d", digest), ("$id", id));

    /// <summary>Records a failed attempt; the row stays queued.</summary>
    public void RecordFailure(long id, string error) =>
        Exec("UPDATE outgoing SET attempts=attempts+1, last_error=$e WHERE id=$id", ("$e", error), ("$id", id));

    /// <summary>Marks a row delivered.</summary>
    public void MarkDelivered(long id, IotaAddress? messageId) =>
        Exec("UPDATE outgoing SET state='delivered', message_id=$mid, last_error=NULL WHERE id=$id",
            ("$mid", messageId is IotaAddress m ? m.Span.ToArray() : DBNull.Value), ("$id", id));

    /// <summary>
    /// Marks a row rejected for good (a Move abort such as a blocked sender): it is not retried, and its sequence
    /// number is free again (the next send reuses it when no later row holds a higher one).
    /// </summary>
    public void MarkRejected(long id, string error) =>
        Exec("UPDATE outgoing SET state='rejected', last_error=$e WHERE id=$id", ("$e", error), ("$id", id));

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
