// States of a file transfer (docs/files.md); stable strings. Forward only, except transferring ⇄ interrupted.
namespace WotId.Node.Api;

/// <summary>The states of a <see cref="FileTransferSummary"/>.</summary>
public static class FileTransferStates
{
    /// <summary>Outgoing: the offer is queued (the contact was not reached yet, or the offer went to the mailbox).</summary>
    public const string Queued = "queued";

    /// <summary>The offer was delivered; the recipient has not answered (incoming: waiting for this person's decision).</summary>
    public const string Offered = "offered";

    /// <summary>Accepted; bytes are flowing.</summary>
    public const string Transferring = "transferring";

    /// <summary>Accepted, but the connection broke or a node stopped; it resumes from the last durable chunk.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>The whole file arrived and its hash matched (incoming: moved to its destination).</summary>
    public const string Completed = "completed";

    /// <summary>The recipient declined the offer.</summary>
    public const string Declined = "declined";

    /// <summary>Either side cancelled.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Failed for good (hash mismatch, disk full, source changed); Reason says why.</summary>
    public const string Failed = "failed";
}
