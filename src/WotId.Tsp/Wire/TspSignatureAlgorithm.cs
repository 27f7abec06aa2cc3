// Trust Spanning Protocol (Rust SDK SignatureType, tsp_sdk/src/cesr/packet.rs): signature attachments.
namespace WotId.Tsp.Wire;

/// <summary>The signature algorithm of a TSP message.</summary>
public enum TspSignatureAlgorithm
{
    /// <summary>Ed25519: <c>-CAW-KAW0B</c> + 64 bytes.</summary>
    Ed25519 = 1,

    /// <summary>ML-DSA-65 (pure, empty context): <c>-CRP-KRP1QDM</c> + 3309 bytes (count 1103, the SDK quirk).</summary>
    MLDsa65 = 2,
}
