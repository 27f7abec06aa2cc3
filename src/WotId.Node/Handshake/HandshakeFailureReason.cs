// Why a /wotid/handshake/1.0.0 run failed (docs/node.md "Handshake"). The verifier's checklist is W3C VC Data
// Model 2.0 + VC-JOSE-COSE §3.1.2 (vp+jwt) + Bitstring Status List v1.0 §3.2; each VerificationFailure of
// WotId.Identity maps onto exactly one reason here (HandshakeReasons.FromVerification).
namespace WotId.Node.Handshake;

/// <summary>The reason a handshake failed; the same value is reported on both sides of the connection.</summary>
public enum HandshakeFailureReason
{
    /// <summary>A TSP message, presentation or credential signature does not verify (or the key is not the signer's).</summary>
    BadSignature = 1,

    /// <summary>The credential's issuer is not in the trusted issuers (or its DID cannot be resolved).</summary>
    UntrustedIssuer,

    /// <summary>The credential or presentation has expired (or is older than the policy allows).</summary>
    Expired,

    /// <summary>The credential or presentation is not valid yet.</summary>
    NotYetValid,

    /// <summary>The issuer's status list marks the credential revoked.</summary>
    Revoked,

    /// <summary>The status list could not be fetched or verified and the policy fails closed.</summary>
    StatusUnavailable,

    /// <summary>The credential subject, presentation holder and TSP signer are not the same DID.</summary>
    SubjectMismatch,

    /// <summary>The presentation is not bound to this connection (channel binding, audience or Signal identity key differ).</summary>
    BindingMismatch,

    /// <summary>The presentation (or the TSP message carrying it) was already seen.</summary>
    ReplayedPresentation,

    /// <summary>The presentation carries no acceptable (VerifiedHuman) credential, or the node has none to present.</summary>
    MissingCredential,

    /// <summary>A handshake frame is not a well-formed signed TSP message with a handshake payload, or arrived out of order.</summary>
    MalformedMessage,

    /// <summary>The peer speaks a handshake version this node does not.</summary>
    VersionNotSupported,

    /// <summary>The handshake did not finish within the policy's time limit.</summary>
    Timeout,
}
