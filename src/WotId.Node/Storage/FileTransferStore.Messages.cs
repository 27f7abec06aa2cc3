// File messages applied in the transaction that stores them (docs/files.md "Messages"; the same exactly-once rule as
// receipts, docs/node.md "Exactly once"): a node killed after the commit has the offer row or the state change, a node
// killed before it has neither and the message comes again. The runtime acts on the resulting row afterwards (events,
// streams); what it has not done yet when killed, the retry loop does after a restart.
using System;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WotId.Node.Api;
using WotId.Tsp.Messages;

namespace WotId.Node.Storage;

internal sealed partial class FileTransferStore
{
    /// <summary>Whether <paramref name="type"/> is a file message this store applies.</summary>
    internal static bool IsFileMessage(string type) => type is WotMessageTypes.FileOffer or WotMessageTypes.FileAccept
        or WotMessageTypes.FileDecline or WotMessageTypes.FileCancel or WotMessageTypes.FileReceived or WotMessageTypes.FilePause;

    /// <summary>
    /// The start of the reason an outgoing transfer gets from a file.pause (<c>receiver_disk_full</c>): while it has one,
    /// the sender starts no stream for it; the receiver's next file.accept (a move to transferring) clears it.
    /// </summary>
    internal const string PausedByReceiver = "receiver_";

    /// <summary>
    /// Applies a schema-valid file message from <paramref name="contactId"/>: a file.offer becomes an incoming row in
    /// state offered (unless its id is taken, its file_id is not its message id, or the contact has too many undecided
    /// offers); accept, decline, cancel and received move the named transfer of that contact if its state allows.
    /// Returns whether anything changed.
    /// </summary>
    internal bool Apply(SqliteConnection c, SqliteTransaction t, long contactId, WotMessage message, int maxPendingOffers)
    {
        ArgumentNullException.ThrowIfNull(message);
        JsonElement p = message.Payload;
        string id = p.GetProperty("file_id").GetString()!;
        string? reason = p.TryGetProperty("reason", out JsonElement r) ? r.GetString() : null;
        string[] outgoingOpen = Open;
        switch (message.Type)
        {
            case WotMessageTypes.FileOffer:
                if (id != message.Id || PendingOffers(c, t, contactId) >= maxPendingOffers)
                {
                    return false;
                }

                byte[] key = Core.Encoding.Base64Url.Decode(p.GetProperty("key").GetString());
                try
                {
                    var row = new FileTransferRecord(id, contactId, FileTransferDirections.Incoming, p.GetProperty("name").GetString()!,
                        p.GetProperty("size").GetInt64(), p.GetProperty("mime_type").GetString()!,
                        p.TryGetProperty("blake3", out JsonElement h) ? h.GetString()! : string.Empty,
                        p.GetProperty("chunk_size").GetInt32(), FileTransferStates.Offered, 0, null, null, null, default, default);
                    return key.Length == Files.FileProtocol.KeyLength && Insert(c, t, row, SealKey(id, key));
                }
                finally
                {
                    System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
                }

            case WotMessageTypes.FileAccept:
                FileTransferRecord? sent = Get(c, t, id);
                long offset = p.TryGetProperty("offset", out JsonElement o) ? o.GetInt64() : 0;
                return sent is not null && Move(c, t, id, contactId, FileTransferDirections.Outgoing, outgoingOpen, FileTransferStates.Transferring,
                    transferred: Math.Min(offset, sent.Size));
            case WotMessageTypes.FileDecline:
                return Move(c, t, id, contactId, FileTransferDirections.Outgoing, [FileTransferStates.Queued, FileTransferStates.Offered],
                    FileTransferStates.Declined, reason ?? "declined");
            case WotMessageTypes.FileCancel:
                bool failed = reason is not null && reason != "cancelled";
                return Move(c, t, id, contactId, null, outgoingOpen, failed ? FileTransferStates.Failed : FileTransferStates.Cancelled,
                    reason ?? "cancelled_by_contact");
            case WotMessageTypes.FilePause:
                return Move(c, t, id, contactId, FileTransferDirections.Outgoing, [FileTransferStates.Transferring, FileTransferStates.Interrupted],
                    FileTransferStates.Interrupted, PausedByReceiver + reason);
            case WotMessageTypes.FileReceived:
                FileTransferRecord? done = Get(c, t, id);
                return done is not null && string.Equals(done.Blake3, p.GetProperty("blake3").GetString(), StringComparison.Ordinal)
                    && Move(c, t, id, contactId, FileTransferDirections.Outgoing, outgoingOpen, FileTransferStates.Completed, transferred: done.Size);
            default:
                return false;
        }
    }
}
