// Re-sealing a queued message (docs/node.md "Sessions", "A refused PreKey message"): the contact refused its envelope
// with unknown_prekey, so the same wot.id message (same id, same JSON) is sealed again on a session built from a fresh
// bundle, and the new envelope replaces the old one in the outbox row.
using System;
using Microsoft.Data.Sqlite;
using WotId.Node.Profile;

namespace WotId.Node.Storage;

internal sealed partial class MessageStore
{
    /// <summary>The wot.id JSON of queued outgoing message <paramref name="messageId"/>, or null when it is not queued.</summary>
    internal byte[]? QueuedBody(string messageId) => _db.Read(c =>
        ProfileDatabase.Scalar(c, null, "SELECT body FROM outbox WHERE message_id = $1 AND state = $2", messageId, (long)OutboxState.Queued) is byte[] body
            ? _db.Key.Open("outbox", "body", messageId, body)
            : null);

    /// <summary>Replaces the envelope of a queued message, in the caller's transaction (the one storing the session state).</summary>
    internal void ReplaceQueuedEnvelope(SqliteConnection c, SqliteTransaction t, string messageId, ReadOnlySpan<byte> envelope)
    {
        byte[] sealedEnvelope = _db.Key.Seal("outbox", "envelope", messageId, envelope);
        if (ProfileDatabase.Execute(c, t, "UPDATE outbox SET envelope = $2, updated_at = $3 WHERE message_id = $1 AND state = $4",
            messageId, sealedEnvelope, Now(), (long)OutboxState.Queued) != 1)
        {
            throw new ProfileException(ProfileError.InvalidInput, "no such queued message");
        }
    }
}
