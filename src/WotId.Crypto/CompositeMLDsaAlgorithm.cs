namespace WotId.Crypto;

/// <summary>
/// Composite ML-DSA + Ed25519 signature algorithms as IOTA Identity uses them (JOSE <c>alg</c> and
/// <c>compositeJwk.algId</c> names; draft-ietf-lamps-pq-composite-sigs-04 OIDs). See <see cref="CompositeMLDsa"/>.
/// </summary>
public enum CompositeMLDsaAlgorithm
{
    /// <summary><c>id-MLDSA44-Ed25519</c>, OID 2.16.840.1.114027.80.8.1.62.</summary>
    MLDsa44Ed25519 = 1,

    /// <summary><c>id-MLDSA65-Ed25519</c>, OID 2.16.840.1.114027.80.8.1.71.</summary>
    MLDsa65Ed25519,
}
