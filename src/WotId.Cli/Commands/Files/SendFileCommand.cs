// `wotid send-file CONTACT PATH` (docs/cli.md, docs/files.md): offers the file through the node, then follows the
// node's events for that transfer and draws a progress bar on standard error (bytes, percent, rate, ETA) until the
// contact's node confirms the verified file (exit 0) or the transfer ends otherwise (declined, cancelled, failed:
// exit 1 with the reason). --json prints the offer and then each file event of the transfer as one JSON line on
// standard output instead. --no-wait returns after the offer; the running node carries the transfer on.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Nodes;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary><c>wotid send-file</c>.</summary>
internal sealed class SendFileCommand : NodeCommand
{
    /// <summary>How often the transfer's record is read besides the event stream.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public override string Name => "send-file";

    public override string Summary => "send a file to a contact (any size; resumes after interruptions) with a progress bar; exit 0 once they have it verified";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("CONTACT", "the contact's name or fingerprint"),
        CliSymbols.Positional("PATH", "the file to send"),
        CliSymbols.Flag("--no-wait", "return once the file is offered; the running node (`wotid run`) sends it when accepted"),
    ];

    protected override void Validate(CliArguments arguments)
    {
        string path = Path.GetFullPath(arguments.RequirePositional(1, "PATH"));
        if (!File.Exists(path))
        {
            throw new CliFailure($"no file at {path}", Directory.Exists(path) ? "send the files of a folder one by one (or archive it first)" : null, "not-found", ExitCodes.InvalidInput);
        }
    }

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        string contact = arguments.RequirePositional(0, "CONTACT");
        string path = Path.GetFullPath(arguments.Positional[1]);
        bool wait = !arguments.Has("no-wait");
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Start reading events before offering, so that events of the new transfer are not missed (a record check
        // every few seconds covers any that still are).
        EventFeed? events = wait ? new EventFeed(node.ReadEventsAsync(stop.Token).GetAsyncEnumerator(stop.Token)) : null;
        _ = events?.Next;
        FileTransferSummary? offer = null;
        try
        {
            // The same command again (after Ctrl+C stopped waiting) follows the transfer the node still has instead
            // of offering the file a second time.
            FileTransferSummary? unfinished = await UnfinishedAsync(node, contact, path, cancellationToken).ConfigureAwait(false);
            offer = unfinished ?? await node.SendFileAsync(contact, path, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                await LineAsync(context.Output, NodeJson.Line(offer)).ConfigureAwait(false);
            }
            else if (unfinished is not null)
            {
                string id = TransferText.ShortId(offer.Id);
                await LineAsync(context.Error, $"{offer.Name} ({TransferText.Size(offer.Size)}) is being sent to {offer.Contact} already ({offer.State}, {TransferText.Percent(offer.Transferred, offer.Size)}%); id {id}, following it (`wotid files cancel {id}` to stop it)").ConfigureAwait(false);
            }
            else
            {
                string how = offer.State == FileTransferStates.Queued ? $"queued for {offer.Contact} (sent when they are reachable)" : $"offered to {offer.Contact}";
                await LineAsync(context.Error, $"{offer.Name} ({TransferText.Size(offer.Size)}) {how}; id {TransferText.ShortId(offer.Id)}").ConfigureAwait(false);
            }

            if (events is null || offer.State == FileTransferStates.Completed)
            {
                return ExitCodes.Ok;
            }

            return await FollowAsync(context, node, offer, events, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!context.Json)
            {
                await LineAsync(context.Error, string.Empty).ConfigureAwait(false);
                if (offer is not null)
                {
                    await LineAsync(context.Error, $"stopped waiting; the node keeps transfer {TransferText.ShortId(offer.Id)} (`wotid files`; the same command follows it again)").ConfigureAwait(false);
                }
            }

            throw;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (events is not null)
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>An outgoing transfer of this file to this contact that has not ended, or null.</summary>
    private static async Task<FileTransferSummary?> UnfinishedAsync(IWotIdNode node, string contact, string path, CancellationToken cancellationToken)
    {
        long size = new FileInfo(path).Length;
        foreach (FileTransferSummary t in await node.GetFileTransfersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (t.Direction == FileTransferDirections.Outgoing && t.Contact == contact && t.Path == path && t.Size == size
                && t.State is FileTransferStates.Queued or FileTransferStates.Offered or FileTransferStates.Transferring or FileTransferStates.Interrupted)
            {
                return t;
            }
        }

        return null;
    }

    private static async Task<int> FollowAsync(CliContext context, IWotIdNode node, FileTransferSummary offer, EventFeed events, CancellationToken cancellationToken)
    {
        ProgressDisplay display = new(context.Error, Interactive(context), offer.Size, Stopwatch.StartNew());
        if (!context.Json && offer.State is FileTransferStates.Queued or FileTransferStates.Offered)
        {
            await LineAsync(context.Error, $"waiting for {offer.Contact} to accept… (Ctrl+C stops waiting; the node keeps the offer)").ConfigureAwait(false);
        }

        Task tick = Task.Delay(PollInterval, cancellationToken);
        while (true)
        {
            // The event stream is the fast path; a look at the transfer's record every few seconds covers events that
            // went by before the stream was open or that a slow reader lost (the stream is bounded).
            Task<bool> next = events.Next;
            Task woke = await Task.WhenAny(next, tick).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            NodeEvent e;
            if (woke == next)
            {
                if (!await next.ConfigureAwait(false))
                {
                    throw new CliFailure("the node stopped before the transfer finished", "it resumes from the last chunk written when the node runs again (`wotid run`)", "interrupted", ExitCodes.Failed);
                }

                e = events.Take();
                if (e.FileId != offer.Id || !e.Kind.StartsWith("file.", StringComparison.Ordinal))
                {
                    continue;
                }

                if (context.Json)
                {
                    await LineAsync(context.Output, NodeJson.Line(e)).ConfigureAwait(false);
                }
            }
            else
            {
                tick = Task.Delay(PollInterval, cancellationToken);
                if (await StateEventAsync(node, offer, cancellationToken).ConfigureAwait(false) is not { } fromState)
                {
                    continue;
                }

                e = fromState;
            }

            switch (e.Kind)
            {
                case NodeEventKinds.FileAccepted when !context.Json:
                    display.Started(e.Bytes ?? 0);
                    await display.MessageAsync(e.Bytes is > 0 ? $"{offer.Contact} accepted; resuming at {TransferText.Size(e.Bytes.Value)}" : $"{offer.Contact} accepted").ConfigureAwait(false);
                    break;
                case NodeEventKinds.FileProgress when !context.Json:
                    await display.ProgressAsync(e.Bytes ?? 0).ConfigureAwait(false);
                    break;
                case NodeEventKinds.FileInterrupted when !context.Json:
                    await display.MessageAsync(e.Reason switch
                    {
                        "receiver_disk_full" => $"paused at {TransferText.Size(e.Bytes ?? 0)}: {offer.Contact}'s disk has no space for the rest; it goes on once they free some (Ctrl+C stops waiting; the node keeps the transfer)",
                        "receiver_destination_full" => $"{offer.Contact} has it whole and verified, but their destination folder has no space for it; it completes once they free some (Ctrl+C stops waiting; the node keeps the transfer)",
                        "receiver_destination_unwritable" => $"{offer.Contact} has it whole and verified, but their destination folder cannot be written; it completes once they fix that (Ctrl+C stops waiting; the node keeps the transfer)",
                        _ => $"interrupted at {TransferText.Size(e.Bytes ?? 0)}; it resumes when {offer.Contact} can receive again (Ctrl+C stops waiting; the node keeps going)",
                    }).ConfigureAwait(false);
                    break;
                case NodeEventKinds.FileCompleted:
                    if (!context.Json)
                    {
                        await display.ProgressAsync(e.Size ?? offer.Size).ConfigureAwait(false);
                        await display.MessageAsync($"{offer.Contact} has {offer.Name}, verified").ConfigureAwait(false);
                    }

                    return ExitCodes.Ok;
                case NodeEventKinds.FileEnded:
                    if (!context.Json)
                    {
                        await display.MessageAsync(string.Empty).ConfigureAwait(false);
                    }

                    throw new CliFailure($"the transfer of {offer.Name} ended: {e.Reason ?? "no reason given"}", "see `wotid files`", "file-ended", ExitCodes.Failed);
            }
        }
    }

    /// <summary>The transfer's record as an event: completed or ended when it is over, progress while it runs, else null.</summary>
    private static async Task<NodeEvent?> StateEventAsync(IWotIdNode node, FileTransferSummary offer, CancellationToken cancellationToken)
    {
        IReadOnlyList<FileTransferSummary> transfers = await node.GetFileTransfersAsync(cancellationToken).ConfigureAwait(false);
        FileTransferSummary? t = null;
        foreach (FileTransferSummary candidate in transfers)
        {
            if (candidate.Id == offer.Id)
            {
                t = candidate;
                break;
            }
        }

        return t?.State switch
        {
            null => new NodeEvent(NodeEventKinds.FileEnded, DateTimeOffset.UtcNow, offer.Contact, FileId: offer.Id, Reason: "the node no longer knows the transfer"),
            FileTransferStates.Completed => new NodeEvent(NodeEventKinds.FileCompleted, t.UpdatedAt, t.Contact, FileId: t.Id, Size: t.Size),
            FileTransferStates.Declined or FileTransferStates.Cancelled or FileTransferStates.Failed =>
                new NodeEvent(NodeEventKinds.FileEnded, t.UpdatedAt, t.Contact, FileId: t.Id, Reason: t.Reason ?? t.State),
            FileTransferStates.Transferring => new NodeEvent(NodeEventKinds.FileProgress, t.UpdatedAt, t.Contact, FileId: t.Id, Bytes: t.Transferred, Size: t.Size),
            _ => null,
        };
    }

    /// <summary>Redraw the bar in place only on a real terminal; otherwise print a line at most every few seconds.</summary>
    private static bool Interactive(CliContext context) => ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;

    private static async Task LineAsync(TextWriter writer, string line)
    {
        await writer.WriteLineAsync(line).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }
}
