// Delivery receipts owed (docs/node.md "Exactly once"): a received chat message is stored with receipt_pending = 1 in
// the transaction that stores it, and the flag is cleared once its receipt.delivered is sealed into the outbox. A node
// killed in between queues the receipt at its next start; a receipt queued twice is harmless (receipts only move
// outgoing states forward).
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace WotId.Node.Storage;

internal sealed partial class MessageStore
{
    /// <summary>Received chat messages whose delivery receipt is not yet queued, oldest first (at most <paramref name="limit"/>).</summary>
    internal IReadOnlyList<(long ContactId, string MessageId)> PendingReceipts(int limit = 1000) => _db.Read(c =>
    {
        using SqliteCommand cmd = ProfileDatabase.Command(c, null,
            "SELECT contact_id, message_id FROM inbox WHERE receipt_pending = 1 ORDER BY received_at, message_id LIMIT $1", (long)limit);
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<(long, string)>();
        while (r.Read())
        {
            string id = r.GetString(1);
            CheckStored(id, MaxMessageIdLength);
            list.Add((r.GetInt64(0), id));
        }

        return list;
    });

    /// <summary>
    /// Records that the delivery receipt of (contact, message id) is queued. Not durable (docs/node.md "Durability"):
    /// if a power failure loses it, the receipt is queued once more at the next start, and a second delivery receipt
    /// only repeats a state the sender already has.
    /// </summary>
    internal void ReceiptQueued(long contactId, string messageId) =>
        _db.Write((c, t) => ProfileDatabase.Execute(c, t, "UPDATE inbox SET receipt_pending = 0 WHERE contact_id = $1 AND message_id = $2", contactId, messageId), durable: false);
}
