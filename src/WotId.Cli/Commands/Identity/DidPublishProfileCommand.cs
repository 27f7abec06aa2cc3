// `wotid did publish-profile`: gives the profile in --home a did:iota identity (docs/credential.md "Profiles with a
// did:iota identity"). The document holding the profile's ML-DSA-65 key (ProfileDidDocument: AKP JsonWebKey2020 under
// #mldsa65, authentication and assertionMethod) is created on chain with identity::new, and the new did:iota becomes
// the profile's DID: the node then signs handshakes, presentations and messages as it. The VerifiedHuman credential
// must then be issued to the did:iota (wotid credential import). Run it while no node runs for the profile.
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Nodes;
using WotId.Mailbox.Identity;
using WotId.Node.Profile;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid did publish-profile</c>: publishes the profile's key as a did:iota document and adopts that DID.</summary>
internal sealed class DidPublishProfileCommand : DidIotaCommand
{
    public override string Name => "did publish-profile";

    public override string Summary => "publish the profile's ML-DSA-65 key as a new did:iota and make it the profile's DID";

    public override IReadOnlyList<Symbol> Symbols { get; } = [.. ChainOptions()];

    protected override async Task<IotaIdentityPublication> RunAsync(CliContext context, IotaIdentityPublisher publisher, CliArguments arguments, CancellationToken cancellationToken)
    {
        using Profile profile = await ProfileAccess.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        if (profile.IotaDid is { } existing)
        {
            throw new CliFailure($"the profile's DID is {existing} already", "a profile publishes its did:iota once; change its document with `wotid did update`", "exists", ExitCodes.InvalidInput);
        }

        byte[] packed = ProfileDidDocument.Pack(profile.SigningKey, System.TimeProvider.System.GetUtcNow());
        IotaIdentityPublication publication = await publisher.CreateAsync(packed, cancellationToken).ConfigureAwait(false);
        profile.SetIotaDid(publication.Did);
        return publication;
    }
}
