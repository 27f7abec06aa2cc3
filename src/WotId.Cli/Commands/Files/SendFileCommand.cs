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
                await TransferFollower.LineAsync(context.Output, NodeJson.Line(offer)).ConfigureAwait(false);
            }
            else if (unfinished is not null)
            {
                string id = TransferText.ShortId(offer.Id);
                await TransferFollower.LineAsync(context.Error, $"{offer.Name} ({TransferText.Size(offer.Size)}) is being sent to {offer.Contact} already ({offer.State}, {TransferText.Percent(offer.Transferred, offer.Size)}%); id {id}, following it (`wotid files cancel {id}` to stop it)").ConfigureAwait(false);
            }
            else
            {
                string how = offer.State == FileTransferStates.Queued ? $"queued for {offer.Contact} (sent when they are reachable)" : $"offered to {offer.Contact}";
                await TransferFollower.LineAsync(context.Error, $"{offer.Name} ({TransferText.Size(offer.Size)}) {how}; id {TransferText.ShortId(offer.Id)}").ConfigureAwait(false);
            }

            if (events is null || offer.State == FileTransferStates.Completed)
            {
                return ExitCodes.Ok;
            }

            return await TransferFollower.FollowAsync(context, node, offer, events, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!context.Json)
            {
                await TransferFollower.LineAsync(context.Error, string.Empty).ConfigureAwait(false);
                if (offer is not null)
                {
                    await TransferFollower.LineAsync(context.Error, $"stopped waiting; the node keeps transfer {TransferText.ShortId(offer.Id)} (`wotid files`; the same command follows it again)").ConfigureAwait(false);
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
}
