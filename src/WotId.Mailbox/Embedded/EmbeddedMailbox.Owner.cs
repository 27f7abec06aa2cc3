// Owner operations of the embedded mailbox: claim_message, read_message, delete_message, receive_and_delete,
// block_sender / unblock_sender (move/wotid_mailbox/sources/mailbox.move). check_cap runs first, as in Move.
using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Data.Sqlite;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Embedded;

/// <summary>Cap-holder operations.</summary>
internal sealed partial class EmbeddedMailbox
{
    internal void Claim(MailboxHandle h, IotaAddress messageId) => Run(true, (c, t) => ClaimIn(c, t, h, messageId));

    /// <summary>Several <c>claim_message</c> calls in one transaction (one PTB on chain): all or nothing.</summary>
    internal void ClaimBatch(MailboxHandle h, IReadOnlyList<IotaAddress> messageIds) => Run(true, (c, t) =>
    {
        foreach (IotaAddress id in messageIds)
        {
            ClaimIn(c, t, h, id);
        }

        return 0;
    });

    private int ClaimIn(SqliteConnection c, SqliteTransaction t, MailboxHandle h, IotaAddress messageId)
    {
        CheckCap(c, t, h);
        MessageRow m = ReceivePending(c, t, h.MailboxId, messageId);
        if (m.MailboxId != h.MailboxId)
        {
            throw Abort(MailboxError.WrongMailbox, "the message is addressed to another mailbox");
        }

        // claim_message applies send's policy too (messages from new_message skipped it): blocked, then size.
        if (IsBlocked(c, t, h.MailboxId, m.Sender))
        {
            throw Abort(MailboxError.SenderBlocked, "the sender is blocked by this mailbox; receive-and-delete removes the message");
        }

        SqliteCommand max = Cmd(c, t, "SELECT max_payload FROM mailboxes WHERE id = $m", ("$m", h.MailboxId));
        if ((ulong)m.Payload.Length > (ulong)(long)max.ExecuteScalar()!)
        {
            throw Abort(MailboxError.PayloadTooLarge, "the message exceeds this mailbox's size limit; receive-and-delete removes it");
        }

        Exec(c, t, "UPDATE messages SET owner = NULL, archived_in = $m WHERE id = $id", ("$m", h.MailboxId), ("$id", messageId));
        Exec(c, t, "UPDATE mailboxes SET stored_count = stored_count + 1 WHERE id = $m", ("$m", h.MailboxId));
        Event(c, t, "MessageClaimed", h.MailboxId, messageId);
        return 0;
    }

    internal MailboxMessage Read(MailboxHandle h, IotaAddress messageId) => Run(false, (c, t) =>
    {
        CheckCap(c, t, h);
        MessageRow m = LoadArchived(c, t, h.MailboxId, messageId);
        return new MailboxMessage(m.ToInfo(MessageState.Archived), m.Payload);
    });

    internal void Delete(MailboxHandle h, IotaAddress messageId) => Run(true, (c, t) =>
    {
        CheckCap(c, t, h);
        LoadArchived(c, t, h.MailboxId, messageId);
        Exec(c, t, "DELETE FROM messages WHERE id = $id", ("$id", messageId));
        Exec(c, t, "UPDATE mailboxes SET stored_count = stored_count - 1 WHERE id = $m", ("$m", h.MailboxId));
        Event(c, t, "MessageDeleted", h.MailboxId, messageId);
        return 0;
    });

    internal MailboxMessage ReceiveAndDelete(MailboxHandle h, IotaAddress messageId) => Run(true, (c, t) =>
    {
        CheckCap(c, t, h);
        MessageRow m = ReceivePending(c, t, h.MailboxId, messageId);
        Exec(c, t, "DELETE FROM messages WHERE id = $id", ("$id", messageId));
        Event(c, t, "MessageDeleted", h.MailboxId, messageId);
        return new MailboxMessage(m.ToInfo(MessageState.Pending), m.Payload);
    });

    internal void SetBlocked(MailboxHandle h, IotaAddress sender, bool blocked) => Run(true, (c, t) =>
    {
        CheckCap(c, t, h);
        bool present = IsBlocked(c, t, h.MailboxId, sender);
        if (blocked && !present)
        {
            SqliteCommand count = Cmd(c, t, "SELECT COUNT(*) FROM blocked WHERE mailbox_id = $m", ("$m", h.MailboxId));
            if ((long)count.ExecuteScalar()! >= MailboxLimits.MaxBlocked)
            {
                throw Abort(MailboxError.BlocklistFull, $"the block list holds at most {MailboxLimits.MaxBlocked} addresses");
            }

            Exec(c, t, "INSERT INTO blocked(mailbox_id, sender) VALUES($m, $s)", ("$m", h.MailboxId), ("$s", sender));
        }
        else if (!blocked && present)
        {
            Exec(c, t, "DELETE FROM blocked WHERE mailbox_id = $m AND sender = $s", ("$m", h.MailboxId), ("$s", sender));
        }

        Event(c, t, blocked ? "SenderBlocked" : "SenderUnblocked", h.MailboxId, sender);
        return 0;
    });

    /// <summary>Every message of a mailbox, page by page (pending ones first).</summary>
    internal IReadOnlyList<MessageInfo> List(IotaAddress mailboxId)
    {
        var all = new List<MessageInfo>();
        string? cursor = null;
        do
        {
            MessagePage page = ListPage(mailboxId, cursor, MailboxLimits.MaxListPageSize);
            all.AddRange(page.Messages);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }

    /// <summary>
    /// One page, pending messages first (as on chain: owned objects, then dynamic fields), each part in send order.
    /// The cursor is "p" or "a" (part) and the last row position seen; it stays valid while messages change.
    /// </summary>
    internal MessagePage ListPage(IotaAddress mailboxId, string? cursor, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MailboxLimits.MaxListPageSize);
        (bool archived, long after) = ParseCursor(cursor);
        return Run(false, (c, t) =>
        {
            var list = new List<MessageInfo>(pageSize);
            long last = after;
            if (!archived)
            {
                last = ReadPart(c, t, "owner = $m", mailboxId, after, pageSize, list);
                if (list.Count == pageSize)
                {
                    return new MessagePage(list, "p" + last.ToString(CultureInfo.InvariantCulture));
                }

                last = 0;
            }

            int room = pageSize - list.Count;
            int before = list.Count;
            last = ReadPart(c, t, "archived_in = $m", mailboxId, last, room, list);
            return new MessagePage(list, list.Count - before == room ? "a" + last.ToString(CultureInfo.InvariantCulture) : null);
        });
    }

    private static (bool Archived, long After) ParseCursor(string? cursor)
    {
        if (cursor is null)
        {
            return (false, 0);
        }

        if (cursor.Length < 2 || (cursor[0] != 'p' && cursor[0] != 'a')
            || !long.TryParse(cursor.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out long after))
        {
            throw new ArgumentException("not a cursor of this mailbox listing", nameof(cursor));
        }

        return (cursor[0] == 'a', after);
    }

    private static long ReadPart(SqliteConnection c, SqliteTransaction t, string where, IotaAddress mailboxId, long after, int limit, List<MessageInfo> into)
    {
        SqliteCommand q = Cmd(c, t,
            "SELECT id, mailbox_id, sender, sent_at_ms, seq, length(payload), archived_in, pos FROM messages WHERE " + where +
            " AND pos > $after ORDER BY pos LIMIT $n",
            ("$m", mailboxId), ("$after", after), ("$n", limit));
        using SqliteDataReader r = q.ExecuteReader();
        long last = after;
        while (r.Read())
        {
            into.Add(new MessageInfo(
                new IotaAddress((byte[])r[0]), new IotaAddress((byte[])r[1]), new IotaAddress((byte[])r[2]),
                (ulong)r.GetInt64(3), (ulong)r.GetInt64(4), r.GetInt32(5), r.IsDBNull(6) ? MessageState.Pending : MessageState.Archived));
            last = r.GetInt64(7);
        }

        return last;
    }

    /// <summary>Transaction-level cap rules, then Move's <c>check_cap</c> (version, then cap ↔ mailbox).</summary>
    private void CheckCap(SqliteConnection c, SqliteTransaction t, MailboxHandle h)
    {
        SqliteCommand q = Cmd(c, t, "SELECT mailbox_id, owner FROM caps WHERE id = $id", ("$id", h.CapId));
        using (SqliteDataReader r = q.ExecuteReader())
        {
            if (!r.Read())
            {
                throw Abort(MailboxError.ObjectNotFound, "no such cap " + h.CapId);
            }

            if (new IotaAddress((byte[])r[1]) != Caller)
            {
                throw Abort(MailboxError.ObjectNotOwnedByCaller, "the cap is owned by another address");
            }

            IotaAddress capMailbox = new((byte[])r[0]);
            SqliteCommand v = Cmd(c, t, "SELECT version FROM mailboxes WHERE id = $m", ("$m", h.MailboxId));
            object? version = v.ExecuteScalar();
            if (version is null)
            {
                throw Abort(MailboxError.ObjectNotFound, "no such mailbox " + h.MailboxId);
            }

            if ((ulong)(long)version != MailboxLimits.Version)
            {
                throw Abort(MailboxError.WrongVersion, "mailbox layout version " + version);
            }

            if (capMailbox != h.MailboxId)
            {
                throw Abort(MailboxError.NotOwner, "the cap belongs to another mailbox");
            }
        }
    }

    /// <summary><c>public_receive</c>: the object must currently be owned by the mailbox address.</summary>
    private static MessageRow ReceivePending(SqliteConnection c, SqliteTransaction t, IotaAddress mailboxId, IotaAddress messageId)
    {
        MessageRow? m = LoadMessage(c, t, "id = $id AND owner = $m", messageId, mailboxId);
        return m ?? throw Abort(MailboxError.UnableToReceive, "the message is not pending in this mailbox (claimed, deleted or never sent)");
    }

    private static MessageRow LoadArchived(SqliteConnection c, SqliteTransaction t, IotaAddress mailboxId, IotaAddress messageId)
    {
        MessageRow? m = LoadMessage(c, t, "id = $id AND archived_in = $m", messageId, mailboxId);
        return m ?? throw Abort(MailboxError.MessageNotFound, "no archived message " + messageId);
    }
}
