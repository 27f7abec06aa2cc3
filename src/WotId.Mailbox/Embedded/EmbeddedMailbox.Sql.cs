// SQLite plumbing for the embedded mailbox: one transaction per operation (BEGIN IMMEDIATE for writes), typed
// parameters, and the row type for messages.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Embedded;

/// <summary>Database helpers.</summary>
internal sealed partial class EmbeddedMailbox
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> s_commands = new();

    private T Run<T>(bool write, Func<SqliteConnection, SqliteTransaction, T> body, [CallerMemberName] string operation = "")
    {
        lock (_store.Gate)
        {
            try
            {
                SqliteConnection c = _store.Shared;
                using SqliteTransaction t = c.BeginTransaction(deferred: !write);
                T result = body(c, t);
                t.Commit();
                return result;
            }
            catch (MailboxException ex)
            {
                MailboxLog.EmbeddedRefused(_store.Logger, operation, Caller, ex.Error);
                throw;
            }
            catch (SqliteException ex)
            {
                MailboxLog.EmbeddedStorageFailed(_store.Logger, operation, ex.SqliteErrorCode);
                throw;
            }
        }
    }

    /// <summary>Disposes the prepared commands cached for <paramref name="c"/>.</summary>
    internal static void ForgetCommands(SqliteConnection c)
    {
        if (s_commands.TryGetValue(c, out Dictionary<string, SqliteCommand>? cache))
        {
            foreach (SqliteCommand cmd in cache.Values)
            {
                cmd.Dispose();
            }

            s_commands.Remove(c);
        }
    }

    private static MailboxException Abort(MailboxError error, string message) => new(error, message);

    private static MailboxInfo LoadMailbox(SqliteConnection c, SqliteTransaction t, IotaAddress id)
    {
        SqliteCommand q = Cmd(c, t, "SELECT owner_hint, encryption_key, max_payload, stored_count FROM mailboxes WHERE id = $id", ("$id", id));
        using SqliteDataReader r = q.ExecuteReader();
        if (!r.Read())
        {
            throw Abort(MailboxError.ObjectNotFound, "no such mailbox " + id);
        }

        var owner = new IotaAddress((byte[])r[0]);
        byte[] key = (byte[])r[1];
        ulong max = (ulong)r.GetInt64(2);
        ulong stored = (ulong)r.GetInt64(3);
        var blocked = new List<IotaAddress>();
        SqliteCommand b = Cmd(c, t, "SELECT sender FROM blocked WHERE mailbox_id = $id ORDER BY sender", ("$id", id));
        using SqliteDataReader br = b.ExecuteReader();
        while (br.Read())
        {
            blocked.Add(new IotaAddress((byte[])br[0]));
        }

        return new MailboxInfo(id, owner, key, max, stored, blocked);
    }

    private static bool IsBlocked(SqliteConnection c, SqliteTransaction t, IotaAddress mailboxId, IotaAddress sender)
    {
        SqliteCommand q = Cmd(c, t, "SELECT 1 FROM blocked WHERE mailbox_id = $m AND sender = $s", ("$m", mailboxId), ("$s", sender));
        return q.ExecuteScalar() is not null;
    }

    private static MessageRow? LoadMessage(SqliteConnection c, SqliteTransaction t, string where, IotaAddress messageId, IotaAddress mailboxId)
    {
        SqliteCommand q = Cmd(c, t, "SELECT mailbox_id, sender, sent_at_ms, seq, payload FROM messages WHERE " + where,
            ("$id", messageId), ("$m", mailboxId));
        using SqliteDataReader r = q.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        return new MessageRow(messageId, new IotaAddress((byte[])r[0]), new IotaAddress((byte[])r[1]), (ulong)r.GetInt64(2), (ulong)r.GetInt64(3), (byte[])r[4]);
    }

    private void Event(SqliteConnection c, SqliteTransaction t, string kind, IotaAddress mailboxId, IotaAddress? objectId) =>
        Exec(c, t, "INSERT INTO events(kind, mailbox_id, object_id, sender, at_ms) VALUES($k, $m, $o, $s, $at)",
            ("$k", kind), ("$m", mailboxId), ("$o", objectId is IotaAddress o ? o.Span.ToArray() : DBNull.Value), ("$s", Caller),
            ("$at", _store.Time.GetUtcNow().ToUnixTimeMilliseconds()));

    private static void Exec(SqliteConnection c, SqliteTransaction t, string sql, params (string Name, object Value)[] args)
    {
        SqliteCommand cmd = Cmd(c, t, sql, args);
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Cmd(SqliteConnection c, SqliteTransaction t, string sql, params (string Name, object Value)[] args)
    {
        // Prepared statements are reused across operations on the store's shared connection (callers hold the gate).
        Dictionary<string, SqliteCommand> cache = s_commands.GetValue(c, _ => new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        if (!cache.TryGetValue(sql, out SqliteCommand? cmd))
        {
            cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cache[sql] = cmd;
        }

        cmd.Transaction = t;
        cmd.Parameters.Clear();
        foreach ((string name, object value) in args)
        {
            cmd.Parameters.AddWithValue(name, value is IotaAddress a ? a.Span.ToArray() : value);
        }

        return cmd;
    }

    private sealed record MessageRow(IotaAddress Id, IotaAddress MailboxId, IotaAddress Sender, ulong SentAtMs, ulong Seq, byte[] Payload)
    {
        public MessageInfo ToInfo(MessageState state) => new(Id, MailboxId, Sender, SentAtMs, Seq, Payload.Length, state);
    }
}
