using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary><c>wotid files cancel ID</c>.</summary>
internal sealed class FilesCancelCommand : FilesVerbCommand
{
    public override string Name => "files cancel";

    public override string Summary => "cancel a transfer in either direction (the other side is told; partial data is deleted)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("ID", "the transfer id, the short id `wotid files` shows, or any unique prefix or suffix"),
    ];

    protected override Task<FileTransferSummary> ApplyAsync(IWotIdNode node, string id, CliArguments arguments, CancellationToken cancellationToken) =>
        node.CancelFileAsync(id, cancellationToken);

    protected override string Describe(FileTransferSummary t) => $"cancelled {About(t)}";
}
