namespace WotId.Identity.Dids;

/// <summary>DID Core 1.0 §5.3 verification relationships used by wot.id.</summary>
public enum VerificationRelationship
{
    /// <summary><c>authentication</c>: the holder signs presentations.</summary>
    Authentication = 1,

    /// <summary><c>assertionMethod</c>: an issuer signs credentials.</summary>
    AssertionMethod,

    /// <summary><c>keyAgreement</c>: encryption keys.</summary>
    KeyAgreement,
}
