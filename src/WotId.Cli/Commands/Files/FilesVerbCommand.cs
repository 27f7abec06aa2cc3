// Base of `wotid files accept|decline|cancel ID`: resolves the id (or a unique prefix), calls the node, prints the
// transfer's new state (or its record with --json).
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Nodes;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary>A verb on one transfer.</summary>
internal abstract class FilesVerbCommand : NodeCommand
{
    protected override void Validate(CliArguments arguments) => TransferIds.Validate(arguments);

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        string id = await TransferIds.ResolveAsync(node, arguments.Positional[0], cancellationToken).ConfigureAwait(false);
        FileTransferSummary t = await ApplyAsync(node, id, arguments, cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, t, Describe(t)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    protected abstract Task<FileTransferSummary> ApplyAsync(IWotIdNode node, string id, CliArguments arguments, CancellationToken cancellationToken);

    protected abstract string Describe(FileTransferSummary transfer);

    /// <summary>The ID argument every verb takes first.</summary>
    protected static Argument<string> TransferIdArgument() => TransferIds.Argument();

    protected static string About(FileTransferSummary t) =>
        $"{EventText.Printable(t.Name)} ({TransferText.Size(t.Size)}) {(t.Direction == FileTransferDirections.Incoming ? "from" : "to")} {EventText.Printable(t.Contact)}";
}
