// The four-way Keccak sampler of ExpandA (FIPS 204 Algorithm 32 over Algorithm 30) gives the same Â entries as the
// one-at-a-time sampler on the platform's SHAKE128 and on the managed sponge, for every (r, s) of ML-DSA-87's 8 × 7;
// the managed sponge (MLDsaKeccak) equals the platform's and BouncyCastle's SHAKE for inputs and outputs across the
// rate boundaries, whole or in four pieces.
using System;
using System.Runtime.Intrinsics.X86;

namespace WotId.Crypto.Tests.MLDsaVerification;

public sealed class MLDsaKeccakTests
{
    [Fact]
    public void FourWaySamplingMatchesSingleSamplingForEveryMatrixEntry()
    {
        Assert.SkipUnless(Avx2.IsSupported, "this processor has no AVX2; the four-way Keccak is not used here");
        var random = new Random(32);
        var rho = new byte[32];
        for (int round = 0; round < 8; round++)
        {
            random.NextBytes(rho);
            var four = new int[4 * MLDsaNtt.N];
            var single = new int[MLDsaNtt.N];
            for (int e = 0; e < 56; e += 4)
            {
                int[] rows = [e / 7, (e + 1) / 7, (e + 2) / 7, (e + 3) / 7];
                int[] cols = [e % 7, (e + 1) % 7, (e + 2) % 7, (e + 3) % 7];
                MLDsaSampling.ExpandAFour(rho, rows, cols, four, MLDsaXof.Platform);
                for (int j = 0; j < 4; j++)
                {
                    foreach (bool platform in MLDsaXof.Platform ? new[] { true, false } : [false])
                    {
                        MLDsaSampling.ExpandAEntry(rho, rows[j], cols[j], single, platform);
                        Assert.Equal(single, four.AsSpan(j * MLDsaNtt.N, MLDsaNtt.N).ToArray());
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(128)]
    [InlineData(256)]
    public void ManagedShakeMatchesBouncyCastleAcrossRateBoundaries(int bits)
    {
        int rate = bits == 128 ? MLDsaKeccak.Shake128Rate : MLDsaKeccak.Shake256Rate;
        var random = new Random(bits);
        foreach (int length in new[] { 0, 1, 7, 8, 33, rate - 1, rate, rate + 1, (2 * rate) + 5, 1952, 3000 })
        {
            byte[] input = new byte[length];
            random.NextBytes(input);
            foreach (int outLength in new[] { 1, 32, 64, rate - 1, rate, rate + 3, 5 * 168 })
            {
                var expected = new byte[outLength];
                var digest = new Org.BouncyCastle.Crypto.Digests.ShakeDigest(bits);
                digest.BlockUpdate(input);
                digest.OutputFinal(expected);

                var whole = new byte[outLength];
                MLDsaKeccak.Shake(rate, input, [], [], [], whole);
                Assert.Equal(expected, whole);

                int cut1 = length / 3, cut2 = length / 2, cut3 = (3 * length) / 4;
                var pieces = new byte[outLength];
                MLDsaKeccak.Shake(rate, input.AsSpan(0, cut1), input.AsSpan(cut1, cut2 - cut1), input.AsSpan(cut2, cut3 - cut2), input.AsSpan(cut3), pieces);
                Assert.Equal(expected, pieces);
            }
        }
    }
}
