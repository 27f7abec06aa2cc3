namespace WotId.Identity.Verification;

/// <summary>The precise reason a credential or presentation was rejected.</summary>
public enum VerificationFailure
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Not a well-formed JWS / credential / presentation (see the detail for the decoder's error).</summary>
    MalformedInput,

    /// <summary>The signature does not verify, or the key is not authorised for this use by the signer's DID document.</summary>
    BadSignature,

    /// <summary>The issuer is not in the policy's trusted issuers.</summary>
    UnknownIssuer,

    /// <summary>The signer's DID could not be resolved (not found, deactivated, no IOTA node configured for did:iota).</summary>
    DidUnresolvable,

    /// <summary><c>validUntil</c>/<c>exp</c> has passed, or the credential is older than the policy's maximum age.</summary>
    Expired,

    /// <summary><c>validFrom</c>/<c>iat</c> is in the future.</summary>
    NotYetValid,

    /// <summary>The status list marks the credential revoked.</summary>
    Revoked,

    /// <summary>A status check was required but the status list was missing, invalid or not signed by the issuer.</summary>
    StatusUnavailable,

    /// <summary>The credential subject (or presentation holder) is not the expected DID.</summary>
    WrongSubject,

    /// <summary>The credential has none of the accepted types.</summary>
    WrongType,

    /// <summary>The presentation's nonce/aud do not match this connection's challenge and audience.</summary>
    NotBound,

    /// <summary>The presentation's nonce was already used.</summary>
    ReplayedNonce,

    /// <summary>The algorithm is experimental (Falcon-512) or classical (Ed25519) and the policy does not allow it.</summary>
    AlgorithmNotAllowed,
}
