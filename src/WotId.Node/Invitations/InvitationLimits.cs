// Bounds of the invitation format (docs/node.md, "Invitations"). Every decoder check names one of these; the
// sizes are chosen to admit the largest key the project signs with (ML-DSA-87: 2,592-byte public key,
// 4,627-byte signature) and to refuse anything larger before allocating.
using System;

namespace WotId.Node.Invitations;

/// <summary>The explicit limits of <c>wotid:</c> invitations.</summary>
public static class InvitationLimits
{
    /// <summary>Longest accepted URI in characters (an ML-DSA-65 invitation is about 11,700).</summary>
    public const int MaxUriLength = 16_384;

    /// <summary>Longest display name in UTF-8 bytes.</summary>
    public const int MaxDisplayNameBytes = 64;

    /// <summary>Longest DID in text form (DID methods other than did:key) in UTF-8 bytes.</summary>
    public const int MaxDidTextBytes = 4096;

    /// <summary>Longest did:key Multikey (multicodec varint ‖ public key) in bytes: ML-DSA-87 needs 2,594.</summary>
    public const int MaxMultikeyBytes = 2700;

    /// <summary>Longest peer id multihash in bytes (as libp2p's own bound).</summary>
    public const int MaxPeerIdBytes = 64;

    /// <summary>Most listen multiaddrs.</summary>
    public const int MaxAddresses = 8;

    /// <summary>Longest listen multiaddr in binary form.</summary>
    public const int MaxAddressBytes = 256;

    /// <summary>Longest mailbox hint (embedded database path hint) in UTF-8 bytes.</summary>
    public const int MaxMailboxHintBytes = 256;

    /// <summary>Longest serialized prekey bundle (one with a one-time prekey is 1,825 bytes).</summary>
    public const int MaxBundleBytes = 4096;

    /// <summary>Longest signature in bytes: ML-DSA-87 signatures are 4,627.</summary>
    public const int MaxSignatureBytes = 4700;

    /// <summary>Longest lifetime (expires-at minus created-at).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    /// <summary>How far created-at may lie in the verifier's future (clocks disagree).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
}
