// Outbox, inbox, duplicate suppression and the state history of messages. Every state change is one transaction that
// updates the message row and appends to message_states, so the history never disagrees with the row. Envelopes
// and bodies are sealed with the at-rest key under (outbox, envelope, message id) and (inbox, body, contact/message id).
//
// | limit            | value            |
// |------------------|------------------|
// | message id       | 1..128 characters |
// | via              | 1..32 characters  |
// | envelope or body | 16 MiB - 29 bytes |
using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Data.Sqlite;
using WotId.Node.Profile;

namespace WotId.Node.Storage;

/// <summary>Outbox and inbox repository.</summary>
internal sealed partial class MessageStore
{
    internal const int MaxMessageIdLength = 128;
    internal const int MaxViaLength = 32;
    private readonly ProfileDatabase _db;
    private readonly TimeProvider _time;

    internal MessageStore(ProfileDatabase db, TimeProvider? time = null)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Queues an outgoing envelope for <paramref name="contactId"/>; a repeated message id is <see cref="ProfileError.InvalidInput"/>.</summary>
    internal void Enqueue(string messageId, long contactId, ReadOnlySpan<byte> envelope)
    {
        CheckText(messageId, MaxMessageIdLength, "message id");
        byte[] sealedEnvelope = _db.Key.Seal("outbox", "envelope", messageId, envelope);
        long now = Now();
        _db.Write((c, t) =>
        {
            RequireContact(c, t, contactId);
            if (ProfileDatabase.Execute(c, t,
                "INSERT OR IGNORE INTO outbox(message_id, contact_id, envelope, state, attempts, created_at, updated_at) VALUES($1, $2, $3, $4, 0, $5, $5)",
                messageId, contactId, sealedEnvelope, (long)OutboxState.Queued, now) == 0)
            {
                throw new ProfileException(ProfileError.InvalidInput, "message id already queued");
            }

            History(c, t, "outbox", contactId, messageId, (int)OutboxState.Queued, now);
        });
    }

    /// <summary>Moves an outgoing message to <paramref name="state"/>, counting an attempt if asked.</summary>
    internal void SetOutboxState(string messageId, OutboxState state, bool countAttempt = false)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state));
        }

        long now = Now();
        _db.Write((c, t) =>
        {
            object? contact = ProfileDatabase.Scalar(c, t, "SELECT contact_id FROM outbox WHERE message_id = $1", messageId)
                ?? throw new ProfileException(ProfileError.InvalidInput, "no such outgoing message");
            ProfileDatabase.Execute(c, t, "UPDATE outbox SET state = $2, attempts = attempts + $3, updated_at = $4 WHERE message_id = $1",
                messageId, (long)state, countAttempt ? 1L : 0L, now);
            History(c, t, "outbox", (long)contact, messageId, (int)state, now);
        });
    }

    /// <summary>Outgoing messages, oldest first, optionally only those in <paramref name="state"/>.</summary>
    internal IReadOnlyList<OutboxEntry> Outbox(OutboxState? state = null) => _db.Read(c =>
    {
        using SqliteCommand cmd = ProfileDatabase.Command(c, null,
            "SELECT message_id, contact_id, envelope, state, attempts, created_at, updated_at FROM outbox WHERE $1 IS NULL OR state = $1 ORDER BY created_at, message_id",
            state is null ? null : (long)state.Value);
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<OutboxEntry>();
        while (r.Read())
        {
            list.Add(ReadOutboxRow(r));
        }

        return list;
    });

    /// <summary>
    /// Stores a received message unless (contact, message id) was seen before. Returns false for a duplicate, which
    /// changes nothing. The dedup row, the inbox row and the history entry are written in one transaction.
    /// </summary>
    internal bool Receive(long contactId, string messageId, ReadOnlySpan<byte> body, string via)
    {
        CheckText(messageId, MaxMessageIdLength, "message id");
        CheckText(via, MaxViaLength, "via");
        byte[] sealedBody = _db.Key.Seal("inbox", "body", InboxRow(contactId, messageId), body);
        long now = Now();
        return _db.Write((c, t) =>
        {
            RequireContact(c, t, contactId);
            if (ProfileDatabase.Execute(c, t, "INSERT OR IGNORE INTO dedup(contact_id, message_id, seen_at) VALUES($1, $2, $3)", contactId, messageId, now) == 0)
            {
                return false;
            }

            ProfileDatabase.Execute(c, t, "INSERT INTO inbox(contact_id, message_id, body, via, received_at, state) VALUES($1, $2, $3, $4, $5, $6)",
                contactId, messageId, sealedBody, via, now, (long)InboxState.Received);
            History(c, t, "inbox", contactId, messageId, (int)InboxState.Received, now);
            return true;
        });
    }

    /// <summary>Whether (contact, message id) was seen (and not yet pruned).</summary>
    internal bool Seen(long contactId, string messageId) =>
        _db.Read(c => ProfileDatabase.Scalar(c, null, "SELECT 1 FROM dedup WHERE contact_id = $1 AND message_id = $2", contactId, messageId) is not null);

    /// <summary>Received messages from <paramref name="contactId"/>, oldest first.</summary>
    internal IReadOnlyList<InboxEntry> Inbox(long contactId) => _db.Read(c =>
    {
        using SqliteCommand cmd = ProfileDatabase.Command(c, null,
            "SELECT message_id, body, via, received_at, state FROM inbox WHERE contact_id = $1 ORDER BY received_at, message_id", contactId);
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<InboxEntry>();
        while (r.Read())
        {
            list.Add(Row(() =>
            {
                string id = r.GetString(0), via = r.GetString(2);
                CheckStored(id, MaxMessageIdLength);
                CheckStored(via, MaxViaLength);
                var s = (InboxState)r.GetInt64(4);
                if (!Enum.IsDefined(s))
                {
                    throw new ProfileException(ProfileError.Corrupt, "stored inbox row is malformed");
                }

                byte[] body = _db.Key.Open("inbox", "body", InboxRow(contactId, id), (byte[])r.GetValue(1));
                return new InboxEntry(contactId, id, body, via, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)), s);
            }));
        }

        return list;
    });

    /// <summary>Moves a received message to <paramref name="state"/>.</summary>
    internal void SetInboxState(long contactId, string messageId, InboxState state)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state));
        }

        long now = Now();
        _db.Write((c, t) =>
        {
            if (ProfileDatabase.Execute(c, t, "UPDATE inbox SET state = $3 WHERE contact_id = $1 AND message_id = $2", contactId, messageId, (long)state) != 1)
            {
                throw new ProfileException(ProfileError.InvalidInput, "no such received message");
            }

            History(c, t, "inbox", contactId, messageId, (int)state, now);
        });
    }

    /// <summary>The recorded states of a message in <paramref name="box"/> ("outbox" or "inbox"), oldest first.</summary>
    internal IReadOnlyList<int> StateHistory(string box, long contactId, string messageId) => _db.Read(c =>
    {
        using SqliteCommand cmd = ProfileDatabase.Command(c, null,
            "SELECT state FROM message_states WHERE box = $1 AND contact_id = $2 AND message_id = $3 ORDER BY seq", box, contactId, messageId);
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<int>();
        while (r.Read())
        {
            list.Add((int)r.GetInt64(0));
        }

        return list;
    });

    /// <summary>Forgets dedup entries seen before <paramref name="cutoff"/>; returns how many.</summary>
    internal int PruneDedup(DateTimeOffset cutoff) =>
        _db.Write((c, t) => ProfileDatabase.Execute(c, t, "DELETE FROM dedup WHERE seen_at < $1", cutoff.ToUnixTimeMilliseconds()));

    internal static string InboxRow(long contactId, string messageId) => contactId.ToString(CultureInfo.InvariantCulture) + "/" + messageId;

    internal static void History(SqliteConnection c, SqliteTransaction t, string box, long contactId, string messageId, int state, long at) =>
        ProfileDatabase.Execute(c, t, "INSERT INTO message_states(box, contact_id, message_id, state, at) VALUES($1, $2, $3, $4, $5)", box, contactId, messageId, (long)state, at);

    internal static void RequireContact(SqliteConnection c, SqliteTransaction t, long contactId)
    {
        if (ProfileDatabase.Scalar(c, t, "SELECT 1 FROM contacts WHERE id = $1", contactId) is null)
        {
            throw new ProfileException(ProfileError.InvalidInput, "no such contact");
        }
    }

    internal static void CheckText(string value, int max, string what)
    {
        if (string.IsNullOrEmpty(value) || value.Length > max)
        {
            throw new ProfileException(ProfileError.InvalidInput, $"{what} must be 1..{max} characters");
        }
    }

    internal static void CheckStored(string value, int max)
    {
        if (string.IsNullOrEmpty(value) || value.Length > max)
        {
            throw new ProfileException(ProfileError.Corrupt, "stored message row is malformed");
        }
    }

    internal static T Row<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or ArgumentException)
        {
            throw new ProfileException(ProfileError.Corrupt, "stored message row is malformed", e);
        }
    }

    internal long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
