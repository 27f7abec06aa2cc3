namespace WotId.Identity;

/// <summary>Public-key algorithms a DID or a credential signature can use.</summary>
public enum KeyAlgorithm
{
    /// <summary>Ed25519 (multicodec <c>ed25519-pub</c> 0xed).</summary>
    Ed25519 = 1,

    /// <summary>X25519 key agreement (multicodec <c>x25519-pub</c> 0xec); never signs.</summary>
    X25519,

    /// <summary>ML-DSA-44, FIPS 204 (multicodec <c>mldsa-44-pub</c> 0x1210, JOSE <c>ML-DSA-44</c>).</summary>
    MLDsa44,

    /// <summary>ML-DSA-65, FIPS 204 (multicodec <c>mldsa-65-pub</c> 0x1211, JOSE <c>ML-DSA-65</c>). The default.</summary>
    MLDsa65,

    /// <summary>ML-DSA-87, FIPS 204 (multicodec <c>mldsa-87-pub</c> 0x1212, JOSE <c>ML-DSA-87</c>).</summary>
    MLDsa87,

    /// <summary>
    /// EXPERIMENTAL Falcon-512 (round 3; FN-DSA/FIPS 206 is not final). No registered multicodec or JOSE alg:
    /// uses the preliminary multicodec 0x122c of the CCG draft and IOTA Identity's JWS alg <c>FALCON512</c>.
    /// Only accepted where a caller opts in explicitly.
    /// </summary>
    Falcon512Experimental,

    /// <summary>
    /// Composite ML-DSA-44 + Ed25519 (JOSE <c>id-MLDSA44-Ed25519</c>, IOTA Identity's hybrid; draft-ietf-lamps-pq-composite-sigs-04
    /// pure mode). Public key = ML-DSA-44 key ‖ Ed25519 key (1,344 bytes); no multicodec, so no did:key.
    /// </summary>
    MLDsa44Ed25519,

    /// <summary>
    /// Composite ML-DSA-65 + Ed25519 (JOSE <c>id-MLDSA65-Ed25519</c>, IOTA Identity's hybrid; draft-ietf-lamps-pq-composite-sigs-04
    /// pure mode). Public key = ML-DSA-65 key ‖ Ed25519 key (1,984 bytes); no multicodec, so no did:key.
    /// </summary>
    MLDsa65Ed25519,
}
