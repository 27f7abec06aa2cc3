using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Nodes;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary><c>wotid files auto-accept CONTACT [--off]</c>: off by default for every contact.</summary>
internal sealed class FilesAutoAcceptCommand : NodeCommand
{
    public override string Name => "files auto-accept";

    public override string Summary => "accept every file from a contact without asking (into the download folder); --off stops it";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("CONTACT", "the contact's name or fingerprint"),
        CliSymbols.Flag("--off", "ask again for each file from this contact (the default)"),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        string contact = arguments.RequirePositional(0, "CONTACT");
        bool enabled = !arguments.Has("off");
        await node.SetFileAutoAcceptAsync(contact, enabled, cancellationToken).ConfigureAwait(false);
        string text = enabled
            ? $"files from {EventText.Printable(contact)} are now accepted without asking"
            : $"files from {EventText.Printable(contact)} now wait for `wotid files accept`";
        await WriteAsync(context, new { contact, autoAccept = enabled }, text).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
