using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Dids.Iota;
using WotId.Mailbox.Identity;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid did update DID</c>: replaces the on-chain document with the controller's ControllerCap.</summary>
internal sealed class DidUpdateCommand : DidIotaCommand
{
    public override string Name => "did update";

    public override string Summary => "replace the document of a did:iota you control (identity::propose_update)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("DID", "did:iota:[network:]0x… or the Identity object id"),
        .. DocumentOptions("the new packed document"),
        .. ChainOptions(),
    ];

    protected override Task<IotaIdentityPublication> RunAsync(CliContext context, IotaIdentityPublisher publisher, CliArguments arguments, CancellationToken cancellationToken) =>
        publisher.UpdateAsync(IdentityOf(arguments), Packed(arguments, new IotaDocumentMetadata(null, System.TimeProvider.System.GetUtcNow())), cancellationToken);
}
