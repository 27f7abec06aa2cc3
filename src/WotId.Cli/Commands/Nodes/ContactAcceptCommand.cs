using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid contact accept NAME</c>: accepts a contact's changed key; held messages are then sent.</summary>
internal sealed class ContactAcceptCommand : NodeCommand
{
    public override string Name => "contact accept";

    public override string Summary => "accept a contact's changed key (after comparing the safety number); held messages are then sent";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("CONTACT", "the contact's name or fingerprint"),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        ContactSummary c = await node.AcceptKeyChangeAsync(arguments.RequirePositional(0, "CONTACT"), cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, c, $"accepted the new key of {c.Name} ({c.Fingerprint}); now {c.Verification}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
