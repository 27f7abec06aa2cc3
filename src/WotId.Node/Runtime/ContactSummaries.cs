// A stored contact as the facade shows it (ContactSummary), with the safety number when its Signal identity key is
// known and the verification token of docs/node.md ("unverified", "verified", "key_changed").
using System;
using WotId.Node.Api;
using WotId.Node.Invitations;
using WotId.Node.Storage;
using WotId.Signal;
using WotId.Signal.Keys;

namespace WotId.Node.Runtime;

/// <summary>Maps contacts to <see cref="ContactSummary"/>.</summary>
internal static class ContactSummaries
{
    internal const string Unverified = "unverified";
    internal const string Verified = "verified";
    internal const string KeyChanged = "key_changed";

    internal static string Token(ContactVerification verification) => verification switch
    {
        ContactVerification.Verified => Verified,
        ContactVerification.KeyChangedHeld => KeyChanged,
        _ => Unverified,
    };

    internal static ContactSummary From(Contact contact, Profile.Profile profile)
    {
        string? safety = null;
        if (contact.IdentityKey is { } key)
        {
            try
            {
                EcPublicKey remote = EcPublicKey.Deserialize(key);
                safety = SafetyNumber.Format(SafetyNumber.Compute(profile.Did, profile.SignalIdentityKey, contact.Did, remote).Displayable);
            }
            catch (SignalProtocolException)
            {
                // A stored key that is not a Curve25519 key (edited database): no safety number to show.
            }
        }

        return new ContactSummary(contact.Name, contact.Did, DidFingerprint.Short(contact.Did), contact.PeerId, contact.Addresses,
            Token(contact.Verification), safety, contact.MailboxId is not null, contact.AddedAt, contact.LastVerifiedAt,
            contact.RefusedReason, contact.RefusedAt);
    }
}
