using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary>
/// <c>wotid files accept ID [--to DIR] [--wait]</c>: the verified file is saved in DIR (or the node's download
/// directory); with --wait the command follows the transfer with a progress bar until it is saved (as <c>files watch</c>).
/// </summary>
internal sealed class FilesAcceptCommand : FilesVerbCommand
{
    public override string Name => "files accept";

    public override string Summary => "accept an incoming file (ID: the short id `wotid files` shows); it is saved once whole and verified";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        TransferIdArgument(),
        CliSymbols.Value("--to", "DIR", "the folder to save it in (default: the node's download folder)"),
        CliSymbols.Flag("--wait", "follow the transfer with a progress bar until the file is saved, verified (exit 0), or ends (exit 1); Ctrl+C stops waiting only"),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        if (!arguments.Has("wait"))
        {
            return await base.ExecuteAsync(context, node, arguments, cancellationToken).ConfigureAwait(false);
        }

        string id = await TransferIds.ResolveAsync(node, arguments.Positional[0], cancellationToken).ConfigureAwait(false);
        return await TransferFollower.WatchAsync(context, node, ct => ApplyAsync(node, id, arguments, ct), t => $"accepted {About(t)}; id {TransferText.ShortId(t.Id)}",
            cancellationToken).ConfigureAwait(false);
    }

    protected override Task<FileTransferSummary> ApplyAsync(IWotIdNode node, string id, CliArguments arguments, CancellationToken cancellationToken)
    {
        string? to = arguments.Get("to");
        return node.AcceptFileAsync(id, to is null ? null : Path.GetFullPath(to), cancellationToken);
    }

    protected override string Describe(FileTransferSummary t) =>
        $"accepted {About(t)}; it is saved when whole and verified (follow it with `wotid files watch {TransferText.ShortId(t.Id)}`)";
}
