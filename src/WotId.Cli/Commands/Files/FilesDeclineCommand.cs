using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary><c>wotid files decline ID</c>.</summary>
internal sealed class FilesDeclineCommand : FilesVerbCommand
{
    public override string Name => "files decline";

    public override string Summary => "decline an incoming file (the sender is told)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("ID", "the transfer id, the short id `wotid files` shows, or any unique prefix or suffix"),
    ];

    protected override Task<FileTransferSummary> ApplyAsync(IWotIdNode node, string id, CliArguments arguments, CancellationToken cancellationToken) =>
        node.DeclineFileAsync(id, cancellationToken);

    protected override string Describe(FileTransferSummary t) => $"declined {About(t)}";
}
