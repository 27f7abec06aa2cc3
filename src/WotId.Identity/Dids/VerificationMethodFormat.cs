namespace WotId.Identity.Dids;

/// <summary>How <see cref="DidDocument.ToJson(VerificationMethodFormat, bool)"/> writes single-algorithm keys.</summary>
public enum VerificationMethodFormat
{
    /// <summary><c>Multikey</c> with <c>publicKeyMultibase</c> (Controlled Identifiers v1.0 §2.2.2); the default.</summary>
    Multikey = 0,

    /// <summary>
    /// <c>JsonWebKey2020</c> with <c>publicKeyJwk</c>: AKP (RFC 9964 §6) for ML-DSA, OKP (RFC 8037 §2) for Ed25519/X25519 —
    /// the form IOTA Identity's resolver and JWT validators read.
    /// </summary>
    JsonWebKey,
}
