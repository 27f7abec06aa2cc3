// Base of `wotid files decline|cancel ID`: verbs that take only the transfer id and print "<past tense> <transfer>".
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary>A verb on one transfer whose only argument is the transfer id.</summary>
/// <param name="verb">The word after <c>files</c>.</param>
/// <param name="done">What is printed before the transfer once the node has applied the verb.</param>
/// <param name="summary">The help line.</param>
/// <param name="apply">Applies the verb to the resolved transfer id.</param>
internal abstract class FilesIdVerbCommand(
    string verb,
    string done,
    string summary,
    Func<IWotIdNode, string, CancellationToken, Task<FileTransferSummary>> apply) : FilesVerbCommand
{
    public override string Name => "files " + verb;

    public override string Summary => summary;

    public override IReadOnlyList<Symbol> Symbols { get; } = [TransferIdArgument()];

    protected override Task<FileTransferSummary> ApplyAsync(IWotIdNode node, string id, CliArguments arguments, CancellationToken cancellationToken) =>
        apply(node, id, cancellationToken);

    protected override string Describe(FileTransferSummary t) => $"{done} {About(t)}";
}
