namespace WotId.Node.Invitations;

/// <summary>Why an invitation was rejected (carried by <see cref="InvitationException"/>).</summary>
public enum InvitationError
{
    /// <summary>Not a <c>wotid:1/</c> URI, or longer than <see cref="InvitationLimits.MaxUriLength"/>.</summary>
    MalformedUri = 1,

    /// <summary>The URI or the binary form names a version this implementation does not read.</summary>
    UnsupportedVersion,

    /// <summary>Not upper-case RFC 4648 base32, truncated, or bytes left over after the signature.</summary>
    MalformedEncoding,

    /// <summary>A field is longer (or a list has more entries) than its bound in <see cref="InvitationLimits"/>.</summary>
    FieldTooLarge,

    /// <summary>Unknown flag bits, a did:key in text form, or another encoding the writer never produces.</summary>
    NonCanonical,

    /// <summary>The display name or mailbox hint is empty, not UTF-8, or contains control characters.</summary>
    InvalidText,

    /// <summary>The DID is not a valid DID, or its Multikey does not decode.</summary>
    InvalidDid,

    /// <summary>The libp2p peer id does not decode.</summary>
    InvalidPeerId,

    /// <summary>A listen multiaddr does not decode.</summary>
    InvalidAddress,

    /// <summary>Unknown mailbox kind.</summary>
    InvalidMailbox,

    /// <summary>The Signal prekey bundle does not parse.</summary>
    InvalidBundle,

    /// <summary>Created-at is not before expires-at, a time is negative, or the lifetime exceeds the bound.</summary>
    InvalidTimes,

    /// <summary>The DID could not be resolved to a signing key (method not supported, no authentication key).</summary>
    UnresolvableDid,

    /// <summary>The DID's key is of a kind that cannot sign invitations (X25519, experimental Falcon-512).</summary>
    UnsupportedKey,

    /// <summary>The signature by the DID's key does not verify.</summary>
    BadSignature,

    /// <summary>A prekey signature inside the bundle (XEdDSA by the Signal identity key) does not verify.</summary>
    BadBundleSignature,

    /// <summary>Created-at lies further in the future than the allowed clock skew.</summary>
    NotYetValid,

    /// <summary>The invitation has expired.</summary>
    Expired,

    /// <summary>QR code parts that are malformed, incomplete, or belong to different invitations.</summary>
    InvalidQrParts,
}
