// The two back ends of the public-key post-quantum operations under the same vectors: the platform's
// System.Security.Cryptography.MLKem / MLDsa (where IsSupported; skipped with the reason elsewhere) and BouncyCastle
// (always run here, whichever back end MLDsa.Verify and MLKem.TryEncapsulate select on this machine).
using System.Collections.Generic;

namespace WotId.Crypto.Tests.Vectors;

public sealed class PlatformPqcTests
{
    public static IEnumerable<TheoryDataRow<string, int>> VerifyCases() => WycheproofMLDsaTests.VerifyCases();

    [Fact]
    public void TheBackEndIsChosenByWhatTheRuntimeSupports()
    {
        Assert.Equal(System.Security.Cryptography.MLKem.IsSupported, PlatformPqc.MLKemEncapsulation);
        Assert.Equal(System.Security.Cryptography.MLDsa.IsSupported, PlatformPqc.MLDsaVerification);
    }

    [Theory]
    [MemberData(nameof(VerifyCases))]
    public void WycheproofMLDsaVerifyOnThePlatformPath(string file, int tcId)
    {
        Assert.SkipUnless(PlatformPqc.MLDsaVerification, PlatformPqc.UnsupportedReason);
        Check(file, tcId, (alg, pub, msg, ctx, sig) => PlatformPqc.Verify(alg, pub, msg, ctx, sig));
    }

    [Theory]
    [MemberData(nameof(VerifyCases))]
    public void WycheproofMLDsaVerifyOnTheBouncyCastlePath(string file, int tcId) =>
        Check(file, tcId, (alg, pub, msg, ctx, sig) =>
            pub.Length == MLDsa.PublicKeySize(alg) && sig.Length == MLDsa.SignatureSize(alg) && ctx.Length <= 255
            && MLDsa.VerifyBouncyCastle(alg, pub, msg, ctx, sig));

    [Theory]
    [InlineData(MLKemAlgorithm.MLKem768)]
    [InlineData(MLKemAlgorithm.MLKem1024)]
    public void PlatformEncapsulationDecapsulatesToTheSameSecretWithBouncyCastle(MLKemAlgorithm algorithm)
    {
        Assert.SkipUnless(PlatformPqc.MLKemEncapsulation, PlatformPqc.UnsupportedReason);
        using MLKemPrivateKey key = MLKemPrivateKey.Generate(algorithm);
        byte[] ct = new byte[MLKem.CiphertextSize(algorithm)], sent = new byte[32], got = new byte[32];
        PlatformPqc.Encapsulate(algorithm, key.PublicKeySpan, ct, sent);
        key.Decapsulate(ct, got);
        Assert.Equal(sent, got);
    }

    private delegate bool VerifyFn(MLDsaAlgorithm algorithm, byte[] publicKey, byte[] message, byte[] context, byte[] signature);

    private static void Check(string file, int tcId, VerifyFn verify)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        MLDsaAlgorithm alg = file.Contains("_44_", System.StringComparison.Ordinal) ? MLDsaAlgorithm.MLDsa44
            : file.Contains("_65_", System.StringComparison.Ordinal) ? MLDsaAlgorithm.MLDsa65 : MLDsaAlgorithm.MLDsa87;
        byte[] pub = c.GroupHex("publicKey");
        byte[] msg = c.Hex("msg");
        byte[] ctx = c.HexOrNull("ctx") ?? [];
        byte[] sig = c.Hex("sig");
        if (c.IsValid)
        {
            Assert.True(verify(alg, pub, msg, ctx, sig), c.Describe());
        }
        else
        {
            Assert.True(Rejection.IsRejected(() => verify(alg, pub, msg, ctx, sig)), c.Describe());
        }
    }
}
