using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary><c>wotid files accept ID [--to DIR]</c>: the verified file is saved in DIR (or the node's download directory).</summary>
internal sealed class FilesAcceptCommand : FilesVerbCommand
{
    public override string Name => "files accept";

    public override string Summary => "accept an incoming file (ID: the short id `wotid files` shows); it is saved once whole and verified";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        TransferIdArgument(),
        CliSymbols.Value("--to", "DIR", "the folder to save it in (default: the node's download folder)"),
    ];

    protected override Task<FileTransferSummary> ApplyAsync(IWotIdNode node, string id, CliArguments arguments, CancellationToken cancellationToken)
    {
        string? to = arguments.Get("to");
        return node.AcceptFileAsync(id, to is null ? null : Path.GetFullPath(to), cancellationToken);
    }

    protected override string Describe(FileTransferSummary t) =>
        $"accepted {About(t)}; it is saved when whole and verified (follow it with `wotid files`)";
}
