// Event kinds of NodeEvent; stable strings (scripts and the web page match on them).
namespace WotId.Node.Api;

/// <summary>The kinds of <see cref="NodeEvent"/>.</summary>
public static class NodeEventKinds
{
    /// <summary>The node listens (Via unset; Reason = the addresses, space separated).</summary>
    public const string Started = "node.started";

    /// <summary>A peer passed the VerifiedHuman handshake.</summary>
    public const string HandshakeVerified = "handshake.verified";

    /// <summary>A handshake failed; Reason is the reason token (e.g. <c>revoked</c>, <c>untrusted_issuer</c>).</summary>
    public const string HandshakeFailed = "handshake.failed";

    /// <summary>A verified connection closed.</summary>
    public const string Disconnected = "peer.disconnected";

    /// <summary>A chat message arrived (Text, Via).</summary>
    public const string MessageReceived = "message.received";

    /// <summary>
    /// A mailbox message from a contact whose credential this node's handshake refused was deleted undelivered (Via,
    /// Reason = the handshake reason token, e.g. <c>revoked</c>).
    /// </summary>
    public const string MessageRefused = "message.refused";

    /// <summary>An outgoing message was acknowledged directly or deposited in the mailbox (Via).</summary>
    public const string MessageSent = "message.sent";

    /// <summary>An outgoing message could not be sent yet and stays queued (Reason).</summary>
    public const string MessageQueued = "message.queued";

    /// <summary>The contact's node reported the message delivered to its inbox (<c>receipt.delivered</c>).</summary>
    public const string ReceiptDelivered = "receipt.delivered";

    /// <summary>The contact read the message (<c>receipt.read</c>).</summary>
    public const string ReceiptRead = "receipt.read";

    /// <summary>Messages were claimed from this node's mailbox (Reason = the count).</summary>
    public const string MailboxClaimed = "mailbox.claimed";

    /// <summary>A contact's Signal identity key changed; its messages are held until accepted.</summary>
    public const string KeyChanged = "contact.key_changed";

    /// <summary>A contact offered a file (FileId, Text = the file name, Size); accept or decline it.</summary>
    public const string FileOffered = "file.offered";

    /// <summary>The recipient accepted an offer (FileId, Bytes = the offset the transfer starts or resumes from).</summary>
    public const string FileAccepted = "file.accepted";

    /// <summary>Bytes moved (FileId, Bytes, Size); at most a few per second per transfer.</summary>
    public const string FileProgress = "file.progress";

    /// <summary>The file arrived whole and verified (FileId, Size); for the sender, the <c>file.received</c> receipt came.</summary>
    public const string FileCompleted = "file.completed";

    /// <summary>
    /// A running transfer stopped before the end and will resume (FileId, Bytes = durable at the receiver or acknowledged
    /// to the sender, Size, Reason: <c>disk_full</c> at a receiver whose disk cannot take the rest,
    /// <c>destination_full</c> at a receiver whose verified file does not fit in its destination folder,
    /// <c>destination_unwritable</c> at one whose destination folder cannot be written, <c>receiver_disk_full</c>,
    /// <c>receiver_destination_full</c> or <c>receiver_destination_unwritable</c> at the sender those receivers paused, else none: the
    /// stream broke). Raised once per reason and offset, not for each retry.
    /// </summary>
    public const string FileInterrupted = "file.interrupted";

    /// <summary>A transfer was declined, cancelled or failed (FileId, Reason).</summary>
    public const string FileEnded = "file.ended";
}
