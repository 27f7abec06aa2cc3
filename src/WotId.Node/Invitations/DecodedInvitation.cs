using WotId.Identity.Dids;

namespace WotId.Node.Invitations;

/// <summary>
/// A structurally valid invitation before its signature is checked: the contents, the DID's key when the DID is a
/// did:key (carried as its Multikey), the exact bytes the signature covers and the signature.
/// </summary>
internal sealed record DecodedInvitation(Invitation Invitation, DidPublicKey? DidKeyPublicKey, byte[] SignedMessage, byte[] Signature);
