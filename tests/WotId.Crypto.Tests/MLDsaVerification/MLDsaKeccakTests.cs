// The four-way Keccak sampler of ExpandA (FIPS 204 Algorithm 32 over Algorithm 30) gives the same Â entries as the
// one-at-a-time sampler on the platform's SHAKE128 and on BouncyCastle's, for every (r, s) of ML-DSA-87's 8 × 7.
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
}
