// The message rows the messaging layer writes inside its own transactions (docs/node.md "Messaging", "Exactly once"),
// receipts applied to outgoing messages, and the conversation view (docs/node.md "Messaging", "Order").
//
// Outgoing rows keep the sealed envelope and the wot.id JSON (sealed at rest under (outbox, body, message id)) so the
// history shows the text; incoming rows keep the wot.id JSON under (inbox, body, contact/message id). Both record the
// type and the sender's timestamp (sent_at, Unix ms), the order key of a conversation.
using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WotId.Node.Profile;
using WotId.Tsp.Messages;

namespace WotId.Node.Storage;

internal sealed partial class MessageStore
{
    /// <summary>Largest number of rows <see cref="Conversation"/> returns.</summary>
    internal const int MaxConversationLimit = 10_000;

    /// <summary>Inserts an outgoing message in the caller's transaction (envelope empty while <see cref="OutboxState.Held"/>).</summary>
    internal void InsertOutgoing(SqliteConnection c, SqliteTransaction t, long contactId, WotMessage message, ReadOnlySpan<byte> json, ReadOnlySpan<byte> envelope, OutboxState state)
    {
        CheckText(message.Id, MaxMessageIdLength, "message id");
        RequireContact(c, t, contactId);
        byte[] sealedEnvelope = _db.Key.Seal("outbox", "envelope", message.Id, envelope);
        byte[] sealedBody = _db.Key.Seal("outbox", "body", message.Id, json);
        long now = Now();
        if (ProfileDatabase.Execute(c, t,
            "INSERT OR IGNORE INTO outbox(message_id, contact_id, envelope, state, attempts, created_at, updated_at, type, body, sent_at) " +
            "VALUES($1, $2, $3, $4, 0, $5, $5, $6, $7, $8)",
            message.Id, contactId, sealedEnvelope, (long)state, now, message.Type, sealedBody, message.Timestamp.ToUnixTimeMilliseconds()) == 0)
        {
            throw new ProfileException(ProfileError.InvalidInput, "message id already queued");
        }

        History(c, t, "outbox", contactId, message.Id, (int)state, now);
    }

    /// <summary>Replaces the envelope of a held message and moves it to <see cref="OutboxState.Queued"/>, in the caller's transaction.</summary>
    internal void ReleaseHeld(SqliteConnection c, SqliteTransaction t, long contactId, string messageId, ReadOnlySpan<byte> envelope)
    {
        byte[] sealedEnvelope = _db.Key.Seal("outbox", "envelope", messageId, envelope);
        long now = Now();
        if (ProfileDatabase.Execute(c, t, "UPDATE outbox SET envelope = $2, state = $3, updated_at = $4 WHERE message_id = $1 AND state = $5",
            messageId, sealedEnvelope, (long)OutboxState.Queued, now, (long)OutboxState.Held) != 1)
        {
            throw new ProfileException(ProfileError.InvalidInput, "no such held message");
        }

        History(c, t, "outbox", contactId, messageId, (int)OutboxState.Queued, now);
    }

    /// <summary>The wot.id JSON of held messages to <paramref name="contactId"/>, oldest first.</summary>
    internal IReadOnlyList<(string MessageId, byte[] Json)> Held(long contactId) => _db.Read(c =>
    {
        using SqliteCommand cmd = ProfileDatabase.Command(c, null,
            "SELECT message_id, body FROM outbox WHERE contact_id = $1 AND state = $2 ORDER BY sent_at, message_id", contactId, (long)OutboxState.Held);
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<(string, byte[])>();
        while (r.Read())
        {
            list.Add(Row(() =>
            {
                string id = r.GetString(0);
                CheckStored(id, MaxMessageIdLength);
                return (id, _db.Key.Open("outbox", "body", id, (byte[])r.GetValue(1)));
            }));
        }

        return list;
    });

    /// <summary>The latest sender timestamp (Unix ms) of a message queued to <paramref name="contactId"/>, or 0.</summary>
    internal static long LastSentAt(SqliteConnection c, SqliteTransaction? t, long contactId) =>
        ProfileDatabase.Scalar(c, t, "SELECT MAX(sent_at) FROM outbox WHERE contact_id = $1", contactId) is long v ? v : 0;

    /// <summary>The outgoing message <paramref name="messageId"/>, or null.</summary>
    internal OutboxEntry? GetOutgoing(string messageId) => _db.Read(c =>
    {
        using SqliteCommand cmd = ProfileDatabase.Command(c, null,
            "SELECT message_id, contact_id, envelope, state, attempts, created_at, updated_at FROM outbox WHERE message_id = $1", messageId);
        using SqliteDataReader r = cmd.ExecuteReader();
        return r.Read() ? ReadOutboxRow(r) : null;
    });

    /// <summary>
    /// Records (contact, message id) as seen in the caller's transaction; false when it was seen before. With a body,
    /// also stores the inbox row (state received) and its history entry.
    /// </summary>
    internal bool ReceiveInTransaction(SqliteConnection c, SqliteTransaction t, long contactId, WotMessage message, ReadOnlySpan<byte> json, string via, bool storeInInbox)
    {
        CheckText(message.Id, MaxMessageIdLength, "message id");
        CheckText(via, MaxViaLength, "via");
        long now = Now();
        if (ProfileDatabase.Execute(c, t, "INSERT OR IGNORE INTO dedup(contact_id, message_id, seen_at) VALUES($1, $2, $3)", contactId, message.Id, now) == 0)
        {
            return false;
        }

        if (storeInInbox)
        {
            byte[] sealedBody = _db.Key.Seal("inbox", "body", InboxRow(contactId, message.Id), json);
            ProfileDatabase.Execute(c, t,
                "INSERT INTO inbox(contact_id, message_id, body, via, received_at, state, type, sent_at, receipt_pending) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                contactId, message.Id, sealedBody, via, now, (long)InboxState.Received, message.Type, message.Timestamp.ToUnixTimeMilliseconds(),
                message.Type == WotId.Tsp.Messages.WotMessageTypes.ChatText ? 1L : 0L);
            History(c, t, "inbox", contactId, message.Id, (int)InboxState.Received, now);
        }

        return true;
    }

    /// <summary>
    /// Applies a receipt from <paramref name="contactId"/> in the caller's transaction: each named outgoing message to
    /// that contact moves forward to <paramref name="state"/> (<see cref="OutboxState.Delivered"/> or <see cref="OutboxState.Read"/>);
    /// a message already there or further, or not sent to this contact, is left alone. Returns the ids changed.
    /// </summary>
    internal IReadOnlyList<string> ApplyReceipt(SqliteConnection c, SqliteTransaction t, long contactId, IEnumerable<string> messageIds, OutboxState state)
    {
        if (state is not (OutboxState.Delivered or OutboxState.Read))
        {
            throw new ArgumentOutOfRangeException(nameof(state));
        }

        long now = Now();
        var changed = new List<string>();
        foreach (string id in messageIds)
        {
            // Delivered follows queued, sent, deposited (and failed: the message arrived after all); read follows them and delivered.
            int n = ProfileDatabase.Execute(c, t,
                "UPDATE outbox SET state = $3, updated_at = $4 WHERE message_id = $1 AND contact_id = $2 AND state NOT IN ($5, $6, $7)",
                id, contactId, (long)state, now, (long)OutboxState.Read, (long)OutboxState.Held, state == OutboxState.Read ? (long)OutboxState.Read : (long)OutboxState.Delivered);
            if (n == 1)
            {
                History(c, t, "outbox", contactId, id, (int)state, now);
                changed.Add(id);
            }
        }

        return changed;
    }

    /// <summary>
    /// Moves an outgoing message forward only (held, queued/failed, deposited, sent, delivered, read): an ACK that
    /// arrives after the receipt leaves the receipt's state. Returns whether the state changed. With
    /// <paramref name="durable"/> false the commit does not wait for the disk: for a state whose loss on power failure
    /// only makes the message go out again (the receiver answers duplicate; docs/node.md "Durability").
    /// </summary>
    internal bool AdvanceOutboxState(string messageId, OutboxState state, bool countAttempt = false, bool durable = true)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state));
        }

        long now = Now();
        return _db.Write((c, t) =>
        {
            using SqliteCommand cmd = ProfileDatabase.Command(c, t, "SELECT contact_id, state FROM outbox WHERE message_id = $1", messageId);
            using SqliteDataReader r = cmd.ExecuteReader();
            if (!r.Read())
            {
                throw new ProfileException(ProfileError.InvalidInput, "no such outgoing message");
            }

            long contactId = r.GetInt64(0);
            var old = (OutboxState)r.GetInt64(1);
            r.Close();
            ProfileDatabase.Execute(c, t, "UPDATE outbox SET attempts = attempts + $2 WHERE message_id = $1", messageId, countAttempt ? 1L : 0L);
            if (Rank(state) <= Rank(old))
            {
                return false;
            }

            ProfileDatabase.Execute(c, t, "UPDATE outbox SET state = $2, updated_at = $3 WHERE message_id = $1", messageId, (long)state, now);
            History(c, t, "outbox", contactId, messageId, (int)state, now);
            return true;
        }, durable);
    }

    /// <summary>
    /// The last <paramref name="limit"/> chat messages with <paramref name="contactId"/>, both directions, in conversation
    /// order: by the sender's timestamp, then by message id (docs/node.md "Messaging", "Order").
    /// </summary>
    internal IReadOnlyList<ConversationMessage> Conversation(long contactId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxConversationLimit);
        return _db.Read(c =>
        {
            using SqliteCommand cmd = ProfileDatabase.Command(c, null,
                "SELECT * FROM (" +
                "SELECT 1 AS outgoing, message_id, body, state, NULL AS via, sent_at FROM outbox WHERE contact_id = $1 AND type = $2 " +
                "UNION ALL SELECT 0, message_id, body, state, via, sent_at FROM inbox WHERE contact_id = $1 AND type = $2" +
                ") ORDER BY sent_at DESC, message_id DESC LIMIT $3",
                contactId, WotMessageTypes.ChatText, (long)limit);
            using SqliteDataReader r = cmd.ExecuteReader();
            var list = new List<ConversationMessage>();
            while (r.Read())
            {
                list.Add(Row(() => ReadConversationRow(r, contactId)));
            }

            list.Reverse();
            return list;
        });
    }

    /// <summary>Wire name of an outgoing state (docs/node.md "Messaging", "Exactly once").</summary>
    internal static string StateName(OutboxState state) => state switch
    {
        OutboxState.Queued => "queued",
        OutboxState.Sent => "sent",
        OutboxState.Delivered => "delivered",
        OutboxState.Failed => "failed",
        OutboxState.Held => "held",
        OutboxState.Deposited => "deposited",
        OutboxState.Read => "read",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>Wire name of an incoming state.</summary>
    internal static string StateName(InboxState state) => state switch
    {
        InboxState.Received => "received",
        InboxState.Read => "read",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static int Rank(OutboxState state) => state switch
    {
        OutboxState.Held => 0,
        OutboxState.Queued or OutboxState.Failed => 1,
        OutboxState.Deposited => 2,
        OutboxState.Sent => 3,
        OutboxState.Delivered => 4,
        OutboxState.Read => 5,
        _ => -1,
    };

    private ConversationMessage ReadConversationRow(SqliteDataReader r, long contactId)
    {
        bool outgoing = r.GetInt64(0) == 1;
        string id = r.GetString(1);
        CheckStored(id, MaxMessageIdLength);
        long state = r.GetInt64(3);
        string? via = r.IsDBNull(4) ? null : r.GetString(4);
        string stateName = outgoing
            ? (Enum.IsDefined((OutboxState)state) ? StateName((OutboxState)state) : throw new ProfileException(ProfileError.Corrupt, "stored outbox row is malformed"))
            : (Enum.IsDefined((InboxState)state) ? StateName((InboxState)state) : throw new ProfileException(ProfileError.Corrupt, "stored inbox row is malformed"));
        if (r.IsDBNull(2))
        {
            throw new ProfileException(ProfileError.Corrupt, "stored message row has no body");
        }

        byte[] json = outgoing
            ? _db.Key.Open("outbox", "body", id, (byte[])r.GetValue(2))
            : _db.Key.Open("inbox", "body", InboxRow(contactId, id), (byte[])r.GetValue(2));
        string text;
        try
        {
            text = WotMessageCodec.Parse(json).Payload.GetProperty("content").GetString()!;
        }
        catch (Exception e) when (e is WotMessageException or KeyNotFoundException or InvalidOperationException or JsonException)
        {
            throw new ProfileException(ProfileError.Corrupt, "stored message body is not a chat message", e);
        }

        return new ConversationMessage(id, outgoing, text, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), stateName, via);
    }

    private OutboxEntry ReadOutboxRow(SqliteDataReader r) => Row(() =>
    {
        string id = r.GetString(0);
        CheckStored(id, MaxMessageIdLength);
        var s = (OutboxState)r.GetInt64(3);
        long attempts = r.GetInt64(4);
        if (!Enum.IsDefined(s) || attempts is < 0 or > int.MaxValue)
        {
            throw new ProfileException(ProfileError.Corrupt, "stored outbox row is malformed");
        }

        return new OutboxEntry(id, r.GetInt64(1), _db.Key.Open("outbox", "envelope", id, (byte[])r.GetValue(2)), s, (int)attempts,
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)));
    });
}
