// Fuzz target: ML-DSA-65 verification (FIPS 204 §5.3, sigDecode/hint decoding) of untrusted signature bytes under a
// fixed key. Verification reports every failure as false; any exception is a finding. Differential: the project's
// verifier (MLDsaVerifier) on its scalar NTT / managed SHAKE paths must agree with the path MLDsa.Verify takes.
using System;
using WotId.Crypto;

namespace WotId.Fuzz.Targets.Crypto;

/// <summary>Feeds the input as an ML-DSA-65 signature; the first byte picks the context length (0 or 6).</summary>
public sealed class MLDsaVerifyTarget : IFuzzTarget
{
    private static readonly byte[] s_publicKey = CreateKey();

    /// <inheritdoc />
    public string Name => "crypto-mldsa65-verify";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        ReadOnlySpan<byte> context = !input.IsEmpty && (input[0] & 1) == 1 ? "wot.id"u8 : [];
        bool expected = MLDsa.Verify(MLDsaAlgorithm.MLDsa65, s_publicKey, "fuzz"u8, context, input);
        bool scalar = MLDsaVerifier.Verify(MLDsaParameterSet.MLDsa65, s_publicKey, "fuzz"u8, context, input, vector: false, platformShake: false);
        if (scalar != expected)
        {
            throw new InvalidOperationException($"ML-DSA-65 verification paths disagree: {expected} vs scalar/managed {scalar}");
        }
    }

    private static byte[] CreateKey()
    {
        using MLDsaPrivateKey key = MLDsaPrivateKey.FromSeed(MLDsaAlgorithm.MLDsa65, new byte[MLDsa.SeedSize]);
        return key.PublicKey;
    }
}
