// Verifies a wot.id invitation (docs/node.md, "Invitations"), in this order, stopping at the first failure:
//   1. URI and binary structure with all bounds (InvitationCodec);
//   2. the DID's key: a did:key carries it (did:key v0.9 §3.1.2, decoded from the Multikey); any other DID is
//      resolved through the IDidResolver and each of its authentication keys that can sign (ML-DSA, Ed25519) is
//      tried, at most MaxKeysTried;
//   3. the DID key's signature over "wot.id/invitation/v1" ‖ body;
//   4. the bundle's own XEdDSA signatures (signed prekey and Kyber prekey by the Signal identity key), as
//      libsignal's SessionBuilder (rust/protocol/src/session.rs process_prekey_bundle) checks them;
//   5. time: created-at at most InvitationLimits.MaxClockSkew in the future, expires-at still ahead.
// The peer id is taken as the inviter states it: the libp2p handshake proves it later.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Signal.Keys;

namespace WotId.Node.Invitations;

/// <summary>Checks a <c>wotid:</c> invitation and returns its contents when it is authentic and current.</summary>
public sealed class InvitationVerifier
{
    /// <summary>Most authentication keys of a resolved DID document tried against the signature.</summary>
    public const int MaxKeysTried = 8;

    private readonly TimeProvider _timeProvider;
    private readonly IDidResolver _resolver;

    /// <summary>Creates a verifier; without a resolver only did:key invitations verify.</summary>
    public InvitationVerifier(TimeProvider timeProvider, IDidResolver? resolver = null)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _resolver = resolver ?? new DidKeyResolver();
    }

    /// <summary>Verifies <paramref name="uri"/>.</summary>
    /// <exception cref="InvitationException">Malformed, not signed by the DID, bad bundle signatures, not yet valid or expired.</exception>
    public async ValueTask<Invitation> VerifyAsync(string uri, CancellationToken cancellationToken)
    {
        DecodedInvitation decoded = InvitationCodec.Decode(uri);
        Invitation invitation = decoded.Invitation;
        bool signed = decoded.DidKeyPublicKey is { } key
            ? VerifySignature(key, decoded)
            : await VerifyWithResolvedDidAsync(decoded, cancellationToken).ConfigureAwait(false);
        if (!signed)
        {
            throw new InvitationException(InvitationError.BadSignature, "the invitation is not signed by its DID's key");
        }

        CheckBundleSignatures(invitation.Bundle);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (invitation.CreatedAt - InvitationLimits.MaxClockSkew > now)
        {
            throw new InvitationException(InvitationError.NotYetValid, "the invitation was made in the future");
        }

        if (now >= invitation.ExpiresAt)
        {
            throw new InvitationException(InvitationError.Expired, "the invitation has expired");
        }

        return invitation;
    }

    private async ValueTask<bool> VerifyWithResolvedDidAsync(DecodedInvitation decoded, CancellationToken cancellationToken)
    {
        DidResolutionResult result = await _resolver.ResolveAsync(decoded.Invitation.Did, cancellationToken).ConfigureAwait(false);
        if (result.Document is not { } document)
        {
            throw new InvitationException(InvitationError.UnresolvableDid, "the DID does not resolve: " + result.Error);
        }

        int tried = 0;
        foreach (string id in document.Relationship(VerificationRelationship.Authentication))
        {
            if (document.FindMethod(id) is not { PublicKey: var key } || !CanSign(key.Algorithm))
            {
                continue;
            }

            if (VerifySignature(key, decoded))
            {
                return true;
            }

            if (++tried == MaxKeysTried)
            {
                break;
            }
        }

        return tried == 0
            ? throw new InvitationException(InvitationError.UnsupportedKey, "the DID document has no authentication key that signs invitations")
            : false;
    }

    private static bool CanSign(KeyAlgorithm algorithm) =>
        algorithm is KeyAlgorithm.MLDsa44 or KeyAlgorithm.MLDsa65 or KeyAlgorithm.MLDsa87 or KeyAlgorithm.Ed25519;

    private static bool VerifySignature(DidPublicKey key, DecodedInvitation decoded)
    {
        ReadOnlySpan<byte> message = decoded.SignedMessage;
        ReadOnlySpan<byte> signature = decoded.Signature;
        if (!CanSign(key.Algorithm))
        {
            throw new InvitationException(InvitationError.UnsupportedKey, key.Algorithm + " keys do not sign invitations");
        }

        return key.Algorithm switch
        {
            KeyAlgorithm.MLDsa44 => VerifyMLDsa(MLDsaAlgorithm.MLDsa44, key, message, signature),
            KeyAlgorithm.MLDsa65 => VerifyMLDsa(MLDsaAlgorithm.MLDsa65, key, message, signature),
            KeyAlgorithm.MLDsa87 => VerifyMLDsa(MLDsaAlgorithm.MLDsa87, key, message, signature),
            _ => signature.Length == 64 && Ed25519.Verify(key.Key, message, signature),
        };
    }

    private static bool VerifyMLDsa(MLDsaAlgorithm algorithm, DidPublicKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == MLDsa.SignatureSize(algorithm) && MLDsa.Verify(algorithm, key.Key, message, ReadOnlySpan<byte>.Empty, signature);

    private static void CheckBundleSignatures(PreKeyBundle bundle)
    {
        if (!bundle.IdentityKey.VerifySignature(bundle.SignedPreKey.Serialize(), bundle.SignedPreKeySignature)
            || !bundle.IdentityKey.VerifySignature(bundle.KyberPreKey.Serialize(), bundle.KyberPreKeySignature))
        {
            throw new InvitationException(InvitationError.BadBundleSignature, "a prekey signature in the bundle does not verify");
        }
    }
}
