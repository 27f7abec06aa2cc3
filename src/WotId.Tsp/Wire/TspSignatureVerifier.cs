// Trust Spanning Protocol signature check (Rust SDK crypto/nonconfidential.rs verify: ed25519 verify_strict, or
// ML-DSA-65 with empty context).
using System;
using WotId.Crypto;

namespace WotId.Tsp.Wire;

/// <summary>Checks a raw TSP signature against a verification key.</summary>
internal static class TspSignatureVerifier
{
    public static bool Verify(TspVerificationKey key, TspSignatureAlgorithm algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (key.Algorithm != algorithm)
        {
            return false;
        }

        return algorithm switch
        {
            TspSignatureAlgorithm.Ed25519 => Ed25519.Verify(key.PublicKey, data, signature),
            TspSignatureAlgorithm.MLDsa65 => MLDsa.Verify(MLDsaAlgorithm.MLDsa65, key.PublicKey, data, ReadOnlySpan<byte>.Empty, signature),
            _ => false,
        };
    }
}
