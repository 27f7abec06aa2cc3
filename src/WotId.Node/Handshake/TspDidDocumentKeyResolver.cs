// TSP VIDs that are not did:key (docs/credential.md "Profiles with a did:iota identity"): the sender's DID is
// resolved through the node's DID resolver (did:iota through the IOTA node) and its ML-DSA-65 authentication method
// is the TSP verification key (the #mldsa65 method a wot.id profile publishes, else the first ML-DSA-65 one).
// A deactivated DID refuses the handshake as Revoked; any other resolution failure leaves the sender unknown
// (TspError.UnknownSender, BadSignature).
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Node.Profile;
using WotId.Tsp.Wire;

namespace WotId.Node.Handshake;

/// <summary>Resolves TSP sender keys from DID documents.</summary>
internal sealed class TspDidDocumentKeyResolver : ITspKeyResolver
{
    private readonly IDidResolver _resolver;

    public TspDidDocumentKeyResolver(IDidResolver resolver) => _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));

    public async ValueTask<TspVerificationKey?> ResolveAsync(string vid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vid);
        DidResolutionResult result = await _resolver.ResolveAsync(vid, cancellationToken).ConfigureAwait(false);
        if (result.Error == DidResolutionError.Deactivated)
        {
            throw new HandshakeException(HandshakeFailureReason.Revoked, false, "the sender's DID is deactivated");
        }

        if (result.Document is not { } document || document.Id != vid)
        {
            return null;
        }

        VerificationMethod? method = document.FindMethod("#" + ProfileDidDocument.Fragment, VerificationRelationship.Authentication);
        if (method?.PublicKey.Algorithm != KeyAlgorithm.MLDsa65)
        {
            method = null;
            foreach (string id in document.Relationship(VerificationRelationship.Authentication))
            {
                if (document.FindMethod(id) is { PublicKey.Algorithm: KeyAlgorithm.MLDsa65 } m)
                {
                    method = m;
                    break;
                }
            }
        }

        return method is null ? null : new TspVerificationKey(TspSignatureAlgorithm.MLDsa65, method.PublicKey.Key);
    }
}
