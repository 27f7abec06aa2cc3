using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Dids.Iota;
using WotId.Mailbox.Identity;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid did publish</c>: creates an Identity on chain holding a packed DID document; prints the new did:iota.</summary>
internal sealed class DidPublishCommand : DidIotaCommand
{
    public override string Name => "did publish";

    public override string Summary => "publish a DID document (packed, or JSON packed here) on IOTA as a new did:iota (identity::new)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        .. DocumentOptions("the packed document (DID | 1 | 0 | u16 LE length | JSON with the placeholder did:0:0)"),
        .. ChainOptions(),
    ];

    protected override Task<IotaIdentityPublication> RunAsync(CliContext context, IotaIdentityPublisher publisher, CliArguments arguments, CancellationToken cancellationToken) =>
        publisher.CreateAsync(Packed(arguments, IotaDocumentMetadata.New(System.TimeProvider.System.GetUtcNow())), cancellationToken);
}
