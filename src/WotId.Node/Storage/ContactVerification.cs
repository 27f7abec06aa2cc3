// Verification state of a contact. A changed Signal identity key is never accepted silently: the contact goes to
// KeyChangedHeld and the node holds its messages until the user accepts the new key (libsignal's
// IdentityChange.ReplacedExisting is the trigger; Signal's "safety number changed").
namespace WotId.Node.Storage;

/// <summary>How far a contact is trusted.</summary>
internal enum ContactVerification
{
    /// <summary>Added, identity not yet checked.</summary>
    Unverified = 0,

    /// <summary>VerifiedHuman credential and identity key checked (or a key change accepted).</summary>
    Verified = 1,

    /// <summary>The contact presented a different identity key; messages are held until it is accepted.</summary>
    KeyChangedHeld = 2,
}
