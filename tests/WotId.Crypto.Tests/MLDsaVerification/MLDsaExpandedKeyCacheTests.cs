// The expanded-key cache behind MLDsa.Verify: a key is expanded on its second sighting, the expansion gives the same
// answers as verifying from the bare key on every path, and an expansion of another key is refused.
using System;

namespace WotId.Crypto.Tests.MLDsaVerification;

public sealed class MLDsaExpandedKeyCacheTests
{
    [Theory]
    [InlineData(MLDsaAlgorithm.MLDsa44)]
    [InlineData(MLDsaAlgorithm.MLDsa65)]
    [InlineData(MLDsaAlgorithm.MLDsa87)]
    public void AKeySeenTwiceIsExpandedOnceAndVerifiesAlike(MLDsaAlgorithm alg)
    {
        Assert.SkipWhen(PlatformPqc.MLDsaVerification, "MLDsa.Verify takes the platform's ML-DSA here, not the cached own verifier");
        MLDsaParameterSet p = MLDsaParameterSet.For(alg);
        using MLDsaPrivateKey key = MLDsaPrivateKey.Generate(alg);
        byte[] msg = RandomBytes.Get(100), ctx = "wot.id"u8.ToArray();
        byte[] sig = key.Sign(msg, ctx, deterministic: false);
        byte[] bad = (byte[])sig.Clone();
        bad[^(p.Omega + p.K + 3)] ^= 0x04; // a z coefficient's bit

        Assert.Null(MLDsaExpandedKeyCache.Find(p, key.PublicKey));
        Assert.True(MLDsa.Verify(alg, key.PublicKey, msg, ctx, sig));
        Assert.False(MLDsa.Verify(alg, key.PublicKey, msg, ctx, bad));
        MLDsaExpandedPublicKey? cached = MLDsaExpandedKeyCache.Find(p, key.PublicKey);
        Assert.NotNull(cached);
        Assert.True(MLDsa.Verify(alg, key.PublicKey, msg, ctx, sig));
        Assert.False(MLDsa.Verify(alg, key.PublicKey, msg, [.. ctx, 0], sig));

        foreach ((bool vector, bool platform) in MLDsaVerifierWycheproofTests.Paths())
        {
            MLDsaExpandedPublicKey own = MLDsaExpandedPublicKey.Create(p, key.PublicKey, vector, platform);
            Assert.Equal(cached.Tr, own.Tr);
            Assert.Equal(cached.AHat, own.AHat);
            Assert.Equal(cached.T1Hat, own.T1Hat);
            Assert.True(MLDsaVerifier.Verify(p, key.PublicKey, msg, ctx, sig, vector, platform, own));
            Assert.False(MLDsaVerifier.Verify(p, key.PublicKey, msg, ctx, bad, vector, platform, own));
        }

        using MLDsaPrivateKey other = MLDsaPrivateKey.Generate(alg);
        Assert.Throws<ArgumentException>(() => MLDsaVerifier.Verify(p, other.PublicKey, msg, ctx, sig, false, false, cached));
    }
}
