// Fuzz target: composite ML-DSA-65 + Ed25519 signature decoding and verification (draft-ietf-lamps-pq-composite-sigs-04
// pure mode as IOTA Identity uses it: Ed25519 signature ‖ ML-DSA signature) under a fixed key. Every failure is false.
using System;
using WotId.Crypto;

namespace WotId.Fuzz.Targets.Crypto;

/// <summary>Feeds the input as an <c>id-MLDSA65-Ed25519</c> signature over "fuzz" (and as an ML-DSA-44 composite).</summary>
public sealed class CompositeSignatureTarget : IFuzzTarget
{
    private static readonly byte[] s_publicKey = CreateKey();

    /// <inheritdoc />
    public string Name => "crypto-composite-signature";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        _ = CompositeMLDsa.TrySplitSignature(CompositeMLDsaAlgorithm.MLDsa65Ed25519, input, out _, out _);
        _ = CompositeMLDsa.Verify(CompositeMLDsaAlgorithm.MLDsa65Ed25519, s_publicKey, "fuzz"u8, input);
        _ = CompositeMLDsa.Verify(CompositeMLDsaAlgorithm.MLDsa44Ed25519, s_publicKey, "fuzz"u8, input);
    }

    /// <summary>The composite key of the all-zero ML-DSA-65 seed ξ and the all-zero Ed25519 seed.</summary>
    internal static byte[] CreateKey()
    {
        using MLDsaPrivateKey mldsa = MLDsaPrivateKey.FromSeed(MLDsaAlgorithm.MLDsa65, new byte[MLDsa.SeedSize]);
        using Ed25519PrivateKey ed = Ed25519PrivateKey.FromSeed(new byte[Ed25519.SeedSize]);
        return [.. mldsa.PublicKeySpan, .. ed.PublicKeySpan];
    }
}
