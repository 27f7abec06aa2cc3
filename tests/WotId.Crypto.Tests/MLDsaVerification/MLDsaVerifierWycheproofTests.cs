// The project's ML-DSA verifier (FIPS 204 Algorithms 3 and 8) under every Wycheproof mldsa_*_verify_test.json case,
// on each of its four paths: AVX2 or scalar NTT, platform or managed SHAKE. The expected result must match exactly:
// valid → true, invalid (lengths, context, hints, ‖z‖∞, modified bits) → false, never an exception.
using System;
using System.Collections.Generic;
using System.Runtime.Intrinsics.X86;
using WotId.Crypto.Tests.Vectors;

namespace WotId.Crypto.Tests.MLDsaVerification;

public sealed class MLDsaVerifierWycheproofTests
{
    public static IEnumerable<TheoryDataRow<string, int>> VerifyCases() => WycheproofMLDsaTests.VerifyCases();

    [Theory]
    [MemberData(nameof(VerifyCases))]
    public void WycheproofMLDsaVerifyOnEveryPathOfTheOwnVerifier(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        MLDsaParameterSet p = file.Contains("_44_", StringComparison.Ordinal) ? MLDsaParameterSet.MLDsa44
            : file.Contains("_65_", StringComparison.Ordinal) ? MLDsaParameterSet.MLDsa65 : MLDsaParameterSet.MLDsa87;
        byte[] pub = c.GroupHex("publicKey");
        byte[] msg = c.Hex("msg");
        byte[] ctx = c.HexOrNull("ctx") ?? [];
        byte[] sig = c.Hex("sig");
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        foreach ((bool vector, bool platform) in Paths())
        {
            Assert.True(
                c.IsValid == MLDsaVerifier.Verify(p, pub, msg, ctx, sig, vector, platform),
                $"{c.Describe()} (vector NTT {vector}, platform SHAKE {platform})");
        }
    }

    [Fact]
    public void TheTwiddleTableMatchesTheReferenceImplementation()
    {
        MLDsaMontgomery.SelfTest();
        Assert.Equal(25847, MLDsaMontgomery.Zetas[1]);
    }

    [Fact]
    public void ThePublicEntryPointUsesTheOwnVerifierUnlessThePlatformHasMLDsa()
    {
        Assert.Equal(Avx2.IsSupported, MLDsaNtt.Vectorized);
        Assert.Equal(System.Security.Cryptography.Shake128.IsSupported && System.Security.Cryptography.Shake256.IsSupported, MLDsaXof.Platform);
        using MLDsaPrivateKey key = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa65);
        byte[] sig = key.Sign("m"u8, "c"u8, deterministic: false);
        Assert.True(MLDsa.Verify(MLDsaAlgorithm.MLDsa65, key.PublicKey, "m"u8, "c"u8, sig));
        Assert.True(MLDsaVerifier.Verify(MLDsaAlgorithm.MLDsa65, key.PublicKey, "m"u8, "c"u8, sig));
        Assert.False(MLDsaVerifier.Verify(MLDsaAlgorithm.MLDsa65, key.PublicKey, "m"u8, "d"u8, sig));
    }

    /// <summary>Every path this machine can run: the AVX2 NTT only where AVX2 exists, the platform SHAKE only where supported.</summary>
    internal static IEnumerable<(bool Vector, bool Platform)> Paths()
    {
        foreach (bool vector in Avx2.IsSupported ? new[] { true, false } : [false])
        {
            foreach (bool platform in MLDsaXof.Platform ? new[] { true, false } : [false])
            {
                yield return (vector, platform);
            }
        }
    }
}
