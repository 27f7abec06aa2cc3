using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Identity;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid did deactivate DID</c>: deactivates the on-chain document (empty bytes; it can be published again).</summary>
internal sealed class DidDeactivateCommand : DidIotaCommand
{
    public override string Name => "did deactivate";

    public override string Summary => "deactivate a did:iota you control (its document becomes empty; update reactivates it)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("DID", "did:iota:[network:]0x… or the Identity object id"),
        .. ChainOptions(),
    ];

    protected override Task<IotaIdentityPublication> RunAsync(CliContext context, IotaIdentityPublisher publisher, CliArguments arguments, CancellationToken cancellationToken) =>
        publisher.DeactivateAsync(IdentityOf(arguments), cancellationToken);
}
