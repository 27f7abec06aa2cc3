// `wotid files watch ID` (docs/cli.md): follows one transfer, incoming or outgoing, with the progress bar of
// `send-file` until it is whole and verified (exit 0) or ends otherwise (exit 1 with the reason); a transfer that is
// over already is reported at once. For a transfer that the web page, auto-accept or an earlier command started.
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Nodes;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary><c>wotid files watch ID</c>.</summary>
internal sealed class FilesWatchCommand : NodeCommand
{
    public override string Name => "files watch";

    public override string Summary => "follow a transfer (either direction) with a progress bar; exit 0 once it is whole and verified, 1 if it ends otherwise";

    public override IReadOnlyList<Symbol> Symbols { get; } = [TransferIds.Argument()];

    protected override void Validate(CliArguments arguments) => TransferIds.Validate(arguments);

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        string id = await TransferIds.ResolveAsync(node, arguments.Positional[0], cancellationToken).ConfigureAwait(false);
        return await TransferFollower.WatchAsync(context, node,
            async ct => await TransferFollower.RecordAsync(node, id, ct).ConfigureAwait(false) ?? throw new NodeException(NodeError.UnknownFile, "no file transfer " + id),
            Intro, cancellationToken).ConfigureAwait(false);
    }

    private static string Intro(FileTransferSummary t) =>
        $"{EventText.Printable(t.Name)} ({TransferText.Size(t.Size)}) {(t.Direction == FileTransferDirections.Incoming ? "from" : "to")} {EventText.Printable(t.Contact)}: "
        + $"{t.State}, {TransferText.Percent(t.Transferred, t.Size)}%; id {TransferText.ShortId(t.Id)}";
}
