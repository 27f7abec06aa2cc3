// Following one transfer until it is over (docs/cli.md `send-file`, `files watch`, `files accept --wait`): the node's
// events for that transfer draw the progress bar on standard error (bytes, percent, rate, ETA) and say why it pauses;
// the transfer's record, read every few seconds, covers events that went by. It ends with exit 0 once the file is
// whole and verified (the sender: the contact's node confirmed it; the receiver: saved at its destination), or with
// exit 1 and the reason when the transfer was declined, cancelled or failed. With --json each file event of the
// transfer is printed as one JSON line on standard output instead.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Nodes;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary>Follows one transfer of the node, in either direction, to its end.</summary>
internal static class TransferFollower
{
    /// <summary>How often the transfer's record is read besides the event stream.</summary>
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Opens the node's event stream, then <paramref name="begin"/> names the transfer (accepting it, or reading its
    /// record); prints its record (--json, one line) or <paramref name="intro"/>, and follows it to its end
    /// (<see cref="FollowAsync"/>). Ctrl+C stops only the waiting: the node keeps the transfer.
    /// </summary>
    public static async Task<int> WatchAsync(CliContext context, IWotIdNode node, Func<CancellationToken, Task<FileTransferSummary>> begin,
        Func<FileTransferSummary, string> intro, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(begin);
        ArgumentNullException.ThrowIfNull(intro);
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var events = new EventFeed(node.ReadEventsAsync(stop.Token).GetAsyncEnumerator(stop.Token));
        _ = events.Next; // reading before the transfer is looked at, so that none of its events is missed
        FileTransferSummary? transfer = null;
        try
        {
            transfer = await begin(cancellationToken).ConfigureAwait(false);
            await LineAsync(context.Json ? context.Output : context.Error, context.Json ? NodeJson.Line(transfer) : intro(transfer)).ConfigureAwait(false);
            return await FollowAsync(context, node, transfer, events, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!context.Json && transfer is not null)
            {
                string id = TransferText.ShortId(transfer.Id);
                await LineAsync(context.Error, string.Empty).ConfigureAwait(false);
                await LineAsync(context.Error, $"stopped waiting; the node keeps transfer {id} (`wotid files watch {id}` follows it again)").ConfigureAwait(false);
            }

            throw;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Follows <paramref name="transfer"/> with <paramref name="events"/> (opened before the transfer's record was read,
    /// so that no event is missed); returns <see cref="ExitCodes.Ok"/> once it completed.
    /// </summary>
    /// <exception cref="CliFailure">The transfer ended (<c>file-ended</c>) or the node stopped (<c>interrupted</c>).</exception>
    public static async Task<int> FollowAsync(CliContext context, IWotIdNode node, FileTransferSummary transfer, EventFeed events, CancellationToken cancellationToken)
    {
        bool incoming = transfer.Direction == FileTransferDirections.Incoming;
        string contact = EventText.Printable(transfer.Contact);
        ProgressDisplay display = new(context.Error, Interactive(context), transfer.Size, Stopwatch.StartNew());
        if (!context.Json && transfer.State is FileTransferStates.Queued or FileTransferStates.Offered)
        {
            await LineAsync(context.Error, incoming
                ? $"not accepted yet (`wotid files accept {TransferText.ShortId(transfer.Id)}`); waiting… (Ctrl+C stops waiting)"
                : $"waiting for {contact} to accept… (Ctrl+C stops waiting; the node keeps the offer)").ConfigureAwait(false);
        }
        else if (transfer.State == FileTransferStates.Transferring)
        {
            display.Started(transfer.Transferred);
        }
        else if (!context.Json && transfer.State == FileTransferStates.Interrupted)
        {
            // Paused before this command looked: why, as the event that said so would have.
            var paused = new NodeEvent(NodeEventKinds.FileInterrupted, transfer.UpdatedAt, transfer.Contact, Reason: transfer.Reason, FileId: transfer.Id,
                Bytes: transfer.Transferred, Size: transfer.Size);
            await LineAsync(context.Error, incoming ? IncomingPause(contact, paused) : OutgoingPause(contact, paused)).ConfigureAwait(false);
        }

        // A transfer that is over already ends the following at once.
        NodeEvent? pending = transfer.State is FileTransferStates.Completed or FileTransferStates.Declined or FileTransferStates.Cancelled
            or FileTransferStates.Failed ? StateEvent(transfer, transfer) : null;
        Task tick = Task.Delay(s_pollInterval, cancellationToken);
        while (true)
        {
            NodeEvent? e = pending;
            pending = null;
            if (e is null)
            {
                (e, tick) = await NextAsync(context, node, transfer, events, tick, cancellationToken).ConfigureAwait(false);
                if (e is null)
                {
                    continue;
                }
            }

            switch (e.Kind)
            {
                case NodeEventKinds.FileAccepted when !context.Json:
                    display.Started(e.Bytes ?? 0);
                    string accepted = incoming ? "accepted; receiving" : $"{contact} accepted";
                    await display.MessageAsync(e.Bytes is > 0 ? $"{accepted}; resuming at {TransferText.Size(e.Bytes.Value)}" : accepted).ConfigureAwait(false);
                    break;
                case NodeEventKinds.FileProgress when !context.Json:
                    await display.ProgressAsync(e.Bytes ?? 0).ConfigureAwait(false);
                    break;
                case NodeEventKinds.FileInterrupted when !context.Json:
                    await display.MessageAsync(incoming ? IncomingPause(contact, e) : OutgoingPause(contact, e)).ConfigureAwait(false);
                    break;
                case NodeEventKinds.FileCompleted:
                    if (!context.Json)
                    {
                        await display.ProgressAsync(e.Size ?? transfer.Size).ConfigureAwait(false);
                        string name = EventText.Printable(transfer.Name);
                        string done = !incoming ? $"{contact} has {name}, verified"
                            : await RecordAsync(node, transfer.Id, cancellationToken).ConfigureAwait(false) is { Path: { } path } ? $"{name} from {contact}, verified, saved as {EventText.Printable(path)}"
                            : $"{name} from {contact}, verified";
                        await display.MessageAsync(done).ConfigureAwait(false);
                    }

                    return ExitCodes.Ok;
                case NodeEventKinds.FileEnded:
                    if (!context.Json)
                    {
                        await display.MessageAsync(string.Empty).ConfigureAwait(false);
                    }

                    throw new CliFailure($"the transfer of {EventText.Printable(transfer.Name)} ended: {e.Reason ?? "no reason given"}", "see `wotid files`", "file-ended", ExitCodes.Failed);
            }
        }
    }

    /// <summary>
    /// The next file event of <paramref name="transfer"/> (printed as a JSON line with --json), or the one its record
    /// stands for when <paramref name="tick"/> came first (then with the next tick), or null for anything else.
    /// </summary>
    /// <exception cref="CliFailure">The node's event stream ended (<c>interrupted</c>).</exception>
    private static async Task<(NodeEvent? Event, Task Tick)> NextAsync(CliContext context, IWotIdNode node, FileTransferSummary transfer, EventFeed events, Task tick,
        CancellationToken cancellationToken)
    {
        // The event stream is the fast path; a look at the transfer's record every few seconds covers events that went
        // by before the stream was open or that a slow reader lost (the stream is bounded).
        Task<bool> next = events.Next;
        Task woke = await Task.WhenAny(next, tick).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (woke != next)
        {
            return (StateEvent(transfer, await RecordAsync(node, transfer.Id, cancellationToken).ConfigureAwait(false)), Task.Delay(s_pollInterval, cancellationToken));
        }

        if (!await next.ConfigureAwait(false))
        {
            throw new CliFailure("the node stopped before the transfer finished", "it resumes from the last chunk written when the node runs again (`wotid run`)", "interrupted", ExitCodes.Failed);
        }

        NodeEvent e = events.Take();
        if (e.FileId != transfer.Id || !e.Kind.StartsWith("file.", StringComparison.Ordinal))
        {
            return (null, tick);
        }

        if (context.Json)
        {
            await LineAsync(context.Output, NodeJson.Line(e)).ConfigureAwait(false);
        }

        return (e, tick);
    }

    /// <summary>The record of transfer <paramref name="id"/> now, or null when the node does not know it.</summary>
    public static async Task<FileTransferSummary?> RecordAsync(IWotIdNode node, string id, CancellationToken cancellationToken)
    {
        foreach (FileTransferSummary candidate in await node.GetFileTransfersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (candidate.Id == id)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Redraw the bar in place only on a real terminal; otherwise print a line at most every few seconds.</summary>
    public static bool Interactive(CliContext context) => ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Writes <paramref name="line"/> and flushes.</summary>
    public static async Task LineAsync(TextWriter writer, string line)
    {
        await writer.WriteLineAsync(line).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The record as an event: completed or ended when it is over, progress while it runs, else null (a record that is gone ends it).</summary>
    private static NodeEvent? StateEvent(FileTransferSummary transfer, FileTransferSummary? t) => t?.State switch
    {
        null => new NodeEvent(NodeEventKinds.FileEnded, DateTimeOffset.UtcNow, transfer.Contact, FileId: transfer.Id, Reason: "the node no longer knows the transfer"),
        FileTransferStates.Completed => new NodeEvent(NodeEventKinds.FileCompleted, t.UpdatedAt, t.Contact, FileId: t.Id, Size: t.Size),
        FileTransferStates.Declined or FileTransferStates.Cancelled or FileTransferStates.Failed =>
            new NodeEvent(NodeEventKinds.FileEnded, t.UpdatedAt, t.Contact, FileId: t.Id, Reason: t.Reason ?? t.State),
        FileTransferStates.Transferring => new NodeEvent(NodeEventKinds.FileProgress, t.UpdatedAt, t.Contact, FileId: t.Id, Bytes: t.Transferred, Size: t.Size),
        _ => null,
    };

    private static string OutgoingPause(string contact, NodeEvent e) => e.Reason switch
    {
        "receiver_disk_full" => $"paused at {TransferText.Size(e.Bytes ?? 0)}: {contact}'s disk has no space for the rest; it goes on once they free some (Ctrl+C stops waiting; the node keeps the transfer)",
        "receiver_destination_full" => $"{contact} has it whole and verified, but their destination folder has no space for it; it completes once they free some (Ctrl+C stops waiting; the node keeps the transfer)",
        "receiver_destination_unwritable" => $"{contact} has it whole and verified, but their destination folder cannot be written; it completes once they fix that (Ctrl+C stops waiting; the node keeps the transfer)",
        _ => $"interrupted at {TransferText.Size(e.Bytes ?? 0)}; it resumes when {contact} can receive again (Ctrl+C stops waiting; the node keeps going)",
    };

    private static string IncomingPause(string contact, NodeEvent e) => e.Reason switch
    {
        "disk_full" => $"paused at {TransferText.Size(e.Bytes ?? 0)}: no space left on this disk for the rest; it goes on once there is space (Ctrl+C stops waiting; the node keeps the transfer)",
        "destination_full" => "received whole and verified, but its destination folder has no space for it; it is kept and moved there once there is space (Ctrl+C stops waiting; the node keeps the transfer)",
        "destination_unwritable" => "received whole and verified, but its destination folder cannot be written (permissions, read-only, or gone); it is kept and moved there once it can be (Ctrl+C stops waiting; the node keeps the transfer)",
        _ => $"interrupted at {TransferText.Size(e.Bytes ?? 0)}; it resumes when {contact} can send again (Ctrl+C stops waiting; the node keeps going)",
    };
}
