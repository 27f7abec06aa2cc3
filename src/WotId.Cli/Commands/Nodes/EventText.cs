// One line of text per node event, for `wotid run` (and the JSON line form with --json). Only fingerprints and
// names are printed, never a full DID; received texts are printed as they are (control characters replaced, so a
// message cannot move the cursor or rewrite the terminal).
using System.Globalization;
using System.Text;
using WotId.Cli.Commands.Files;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Nodes;

/// <summary>Formats <see cref="NodeEvent"/> for people.</summary>
internal static class EventText
{
    /// <summary>The event as one line.</summary>
    public static string Format(NodeEvent e)
    {
        string time = e.At.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        string who = e.Contact ?? e.Fingerprint ?? e.PeerId ?? "?";
        string what = e.Kind switch
        {
            NodeEventKinds.Started => $"listening on {e.Reason}",
            NodeEventKinds.HandshakeVerified => $"{who}: verified connection",
            NodeEventKinds.HandshakeFailed => $"{who}: handshake failed ({e.Reason})",
            NodeEventKinds.Disconnected => $"{who}: disconnected",
            NodeEventKinds.MessageReceived => $"{who}: {Printable(e.Text)}  [{e.Via}]",
            NodeEventKinds.MessageSent => $"to {who}: sent {Short(e.MessageId)} ({e.Via})",
            NodeEventKinds.MessageQueued => $"to {who}: queued {Short(e.MessageId)} ({e.Reason})",
            NodeEventKinds.ReceiptDelivered => $"to {who}: delivered {Short(e.MessageId)}",
            NodeEventKinds.ReceiptRead => $"to {who}: read {Short(e.MessageId)}",
            NodeEventKinds.MessageRefused => $"{who}: a message from their mailbox was refused, this node refused their credential ({e.Reason})",
            NodeEventKinds.MailboxClaimed => $"claimed {e.Reason} message(s) from the mailbox",
            NodeEventKinds.KeyChanged => $"{who}: KEY CHANGED, messages to them are held; compare the safety number, then `wotid contact accept`",
            NodeEventKinds.FileOffered => FileOffer(who, e),
            NodeEventKinds.FileAccepted => $"file {Short(e.FileId)}: accepted{(e.Bytes is > 0 ? ", resuming at " + TransferText.Size(e.Bytes.Value) : string.Empty)}",
            NodeEventKinds.FileProgress => $"file {Short(e.FileId)}: {TransferText.Size(e.Bytes ?? 0)} / {TransferText.Size(e.Size ?? 0)} ({TransferText.Percent(e.Bytes ?? 0, e.Size ?? 0)}%)",
            NodeEventKinds.FileCompleted => $"file {Short(e.FileId)}: completed and verified ({TransferText.Size(e.Size ?? 0)})",
            NodeEventKinds.FileInterrupted => FileInterrupted(who, e),
            NodeEventKinds.FileEnded => $"file {Short(e.FileId)}: ended ({Printable(e.Reason)})",
            _ => $"{e.Kind} {who} {e.Reason}".TrimEnd(),
        };
        return $"{time} {what}";
    }

    /// <summary>"file 3f2a9c01: paused at 1.0 MB of 3.1 MB: no space left on this disk for the rest; …" (or the contact's disk, a full or unwritable destination folder, or a broken stream).</summary>
    public static string FileInterrupted(string who, NodeEvent e)
    {
        string at = $"{TransferText.Size(e.Bytes ?? 0)} of {TransferText.Size(e.Size ?? 0)}";
        return e.Reason switch
        {
            "disk_full" => $"file {Short(e.FileId)}: paused at {at}: no space left on this disk for the rest; it goes on once there is space",
            "receiver_disk_full" => $"file {Short(e.FileId)}: paused at {at}: {who}'s disk has no space for the rest; it goes on once they free some",
            "destination_full" => $"file {Short(e.FileId)}: received whole and verified ({TransferText.Size(e.Size ?? 0)}), but its destination folder has no space for it; it is kept here and moved there once there is space",
            "receiver_destination_full" => $"file {Short(e.FileId)}: {who} has it whole and verified, but their destination folder has no space for it; it completes once they free some",
            "destination_unwritable" => $"file {Short(e.FileId)}: received whole and verified ({TransferText.Size(e.Size ?? 0)}), but its destination folder cannot be written (permissions, read-only, or gone); it is kept here and moved there once it can be",
            "receiver_destination_unwritable" => $"file {Short(e.FileId)}: {who} has it whole and verified, but their destination folder cannot be written; it completes once they fix that",
            _ => $"file {Short(e.FileId)}: interrupted at {at}; it resumes when {who} is reachable again",
        };
    }

    /// <summary>The text with control characters (except none) replaced by U+FFFD.</summary>
    public static string Printable(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(char.IsControl(c) ? '\uFFFD' : c);
        }

        return sb.ToString();
    }

    /// <summary>"📎 alice offers report.pdf (2.1 MB) — wotid files accept 3f2a9c01".</summary>
    public static string FileOffer(string who, NodeEvent e) =>
        $"📎 {Printable(who)} offers {Printable(e.Text)} ({TransferText.Size(e.Size ?? 0)}) — wotid files accept {TransferText.ShortId(e.FileId ?? "?")}";

    // The last 8 characters, as `wotid files` shows ids: ids are UUIDv7, whose first 8 are the creation time in
    // minutes, the same for every message or file of the same minute.
    private static string Short(string? id) => id is null ? "?" : TransferText.ShortId(id);
}
