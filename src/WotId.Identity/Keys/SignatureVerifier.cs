// Signature verification per key type: ML-DSA (FIPS 204 pure, empty context, RFC 9964 §4),
// Ed25519 (RFC 8032), Falcon-512 (round 3, experimental), composite ML-DSA + Ed25519 (draft-ietf-lamps-pq-composite-sigs-04
// pure mode as IOTA Identity signs it; see WotId.Crypto.CompositeMLDsa).
using System;
using WotId.Crypto;
using WotId.Identity.Dids;

namespace WotId.Identity.Keys;

/// <summary>Verifies a signature with a <see cref="DidPublicKey"/>.</summary>
internal static class SignatureVerifier
{
    /// <summary>True when <paramref name="signature"/> is valid for <paramref name="data"/>; never throws on bad signatures.</summary>
    public static bool Verify(DidPublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => key.Algorithm switch
    {
        KeyAlgorithm.MLDsa44 => VerifyMLDsa(MLDsaAlgorithm.MLDsa44, key, data, signature),
        KeyAlgorithm.MLDsa65 => VerifyMLDsa(MLDsaAlgorithm.MLDsa65, key, data, signature),
        KeyAlgorithm.MLDsa87 => VerifyMLDsa(MLDsaAlgorithm.MLDsa87, key, data, signature),
        KeyAlgorithm.Ed25519 => signature.Length == 64 && Ed25519.Verify(key.Key, data, signature),
        KeyAlgorithm.Falcon512Experimental => signature.Length is > 40 and <= 1024 && Falcon512.Verify(key.Key, data, signature),
        KeyAlgorithm.MLDsa44Ed25519 => CompositeMLDsa.Verify(CompositeMLDsaAlgorithm.MLDsa44Ed25519, key.Key, data, signature),
        KeyAlgorithm.MLDsa65Ed25519 => CompositeMLDsa.Verify(CompositeMLDsaAlgorithm.MLDsa65Ed25519, key.Key, data, signature),
        _ => false,
    };

    private static bool VerifyMLDsa(MLDsaAlgorithm algorithm, DidPublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == MLDsa.SignatureSize(algorithm) && MLDsa.Verify(algorithm, key.Key, data, ReadOnlySpan<byte>.Empty, signature);
}
