// The DID document a profile publishes for its did:iota identity (docs/credential.md "Profiles with a did:iota
// identity"): one verification method, the profile's ML-DSA-65 key as an AKP JsonWebKey2020 (RFC 9964, as IOTA
// Identity's generateMethodPQC writes it) under #mldsa65, referenced from authentication and assertionMethod. It is
// packed with the placeholder DID did:0:0 (IOTA Identity's convention for a document whose Identity does not exist
// yet) for identity::new.
using System;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Identity.Keys;

namespace WotId.Node.Profile;

/// <summary>The profile's did:iota document and the key id it signs under.</summary>
public static class ProfileDidDocument
{
    /// <summary>The fragment of the profile key's verification method.</summary>
    public const string Fragment = "mldsa65";

    /// <summary>The packed document (placeholder DID) holding <paramref name="key"/>, ready for identity::new or an update.</summary>
    /// <param name="key">The profile's ML-DSA-65 signing key.</param>
    /// <param name="now">The created and updated time of the metadata.</param>
    public static byte[] Pack(SigningKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != KeyAlgorithm.MLDsa65)
        {
            throw new ArgumentException("a profile signs with ML-DSA-65", nameof(key));
        }

        DidDocument document = new DidDocumentBuilder(IotaDid.Placeholder).AddSigningKey(Fragment, key.PublicKey).Build();
        return IotaDidDocumentPacking.Pack(document.ToJson(VerificationMethodFormat.JsonWebKey), IotaDocumentMetadata.New(now));
    }

    /// <summary>The key id a profile signs under: <c>did#mldsa65</c> for a did:iota, the did:key's own key id otherwise.</summary>
    public static string KeyId(string did, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(did);
        ArgumentNullException.ThrowIfNull(key);
        return did == key.Did ? key.KeyId : did + "#" + Fragment;
    }
}
