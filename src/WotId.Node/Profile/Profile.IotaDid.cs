// The profile's did:iota identity (docs/credential.md "Profiles with a did:iota identity"): the DID of an Identity
// object whose document lists the profile's ML-DSA-65 signing key under #ProfileDidDocument.Fragment. Set once the
// document is on chain (wotid did publish-profile); from then on the profile signs and presents as that DID. The
// did:key of the same key stays the DHT record key (WotIdDhtRecord is keyed by a did:key).
using WotId.Node.Storage;

namespace WotId.Node.Profile;

public sealed partial class Profile
{
    /// <summary>The profile's did:iota, or null for a did:key profile (the offline default).</summary>
    public string? IotaDid => _db.Read(c => ProfileValues.GetText(c, null, Keys.IotaDid));

    /// <summary>Makes <paramref name="did"/> the profile's DID (its document must list <see cref="SigningKey"/>).</summary>
    /// <exception cref="ProfileException"><see cref="ProfileError.InvalidInput"/>: not a did:iota DID.</exception>
    public void SetIotaDid(string did)
    {
        if (string.IsNullOrEmpty(did) || !WotId.Identity.Dids.Iota.IotaDid.TryParse(did, out WotId.Identity.Dids.Iota.IotaDid? parsed))
        {
            throw new ProfileException(ProfileError.InvalidInput, "not a did:iota DID");
        }

        _db.Write((c, t) => ProfileValues.SetText(c, t, Keys.IotaDid, parsed.Value));
    }
}
