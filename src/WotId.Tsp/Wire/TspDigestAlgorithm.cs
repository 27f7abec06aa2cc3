// Trust Spanning Protocol (Rust SDK RelationshipDigestAlgorithm, tsp_sdk/src/crypto/mod.rs): the "TSP digest" hash.
namespace WotId.Tsp.Wire;

/// <summary>The hash of relationship digests: SHA-256 (<c>I</c>) in HPKE/PQ modes, BLAKE2b-256 (<c>F</c>) in NaCl modes.</summary>
public enum TspDigestAlgorithm
{
    /// <summary>SHA2-256, CESR code <c>I</c>.</summary>
    Sha256 = 1,

    /// <summary>BLAKE2b-256, CESR code <c>F</c>.</summary>
    Blake2b256 = 2,
}
