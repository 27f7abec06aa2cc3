// The ML-KEM NTT building blocks: the AVX2 path gives the scalar path's integers exactly (forward, inverse, base-case
// products), NTT⁻¹ ∘ NTT with the Montgomery factor is the identity modulo q, the twiddles match the reference
// implementation's table, and Compress by multiply-shift equals the exact rounding for every input it can meet.
using System;
using System.Runtime.Intrinsics.X86;

namespace WotId.Crypto.Tests.MLKemEncapsulation;

public sealed class MLKemNttTests
{
    private const int N = 256;

    [Fact]
    public void TheTwiddleTableMatchesTheReferenceImplementation()
    {
        // pq-crystals ref/ntt.c begins its zetas table with −1044, −758, −359, −1517 and ends with 1628.
        Assert.Equal(new short[] { -1044, -758, -359, -1517 }, MLKemReduce.Zetas[..4]);
        Assert.Equal(1628, MLKemReduce.Zetas[127]);
    }

    [Fact]
    public void VectorAndScalarTransformsGiveIdenticalIntegers()
    {
        Assert.SkipUnless(Avx2.IsSupported, "AVX2 is not available on this machine");
        var random = new Random(203);
        for (int round = 0; round < 200; round++)
        {
            short[] a = RandomPoly(random, MLKemReduce.Q - 1);
            short[] s = (short[])a.Clone();
            short[] v = (short[])a.Clone();
            MLKemNtt.Forward(s, vector: false);
            MLKemNtt.Forward(v, vector: true);
            Assert.Equal(s, v);

            short[] b = RandomPoly(random, 4 * MLKemReduce.Q);
            s = (short[])b.Clone();
            v = (short[])b.Clone();
            MLKemNtt.Inverse(s, vector: false);
            MLKemNtt.Inverse(v, vector: true);
            Assert.Equal(s, v);

            int count = 1 + random.Next(4);
            short[] x = RandomPoly(random, MLKemReduce.Q - 1, count);
            short[] y = RandomPoly(random, MLKemReduce.Q - 1, count);
            var rs = new short[N];
            var rv = new short[N];
            MLKemNtt.MultiplyAccumulate(x, y, count, rs, vector: false);
            MLKemNtt.MultiplyAccumulate(x, y, count, rv, vector: true);
            Assert.Equal(rs, rv);
        }
    }

    [Fact]
    public void InverseAfterForwardIsTheIdentityModuloQ()
    {
        var random = new Random(17);
        foreach (bool vector in Avx2.IsSupported ? new[] { false, true } : [false])
        {
            short[] a = RandomPoly(random, 3);
            short[] t = (short[])a.Clone();
            MLKemNtt.Forward(t, vector);

            // Multiplying by the NTT of the constant 1 (all pairs (1, 0)) divides by 2¹⁶; NTT⁻¹ multiplies it back.
            var one = new short[N];
            for (int i = 0; i < N; i += 2)
            {
                one[i] = 1;
            }

            var product = new short[N];
            MLKemNtt.MultiplyAccumulate(t, one, 1, product, vector);
            MLKemNtt.Inverse(product, vector);
            for (int i = 0; i < N; i++)
            {
                Assert.Equal(Mod(a[i]), Mod(product[i]));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(11)]
    public void CompressByMultiplyShiftEqualsExactRoundingForEveryCoefficient(int d)
    {
        for (int x = 0; x < MLKemReduce.Q; x++)
        {
            // ⌈2^d·x / q⌋ mod 2^d, with the division the constant-time code avoids.
            long expected = ((((long)x << (d + 1)) + MLKemReduce.Q) / (2 * MLKemReduce.Q)) & ((1L << d) - 1);
            Assert.Equal(expected, MLKemEncoding.Compress(x, d));
        }
    }

    [Fact]
    public void BarrettReductionGivesTheCentredRepresentative()
    {
        for (int a = short.MinValue; a <= short.MaxValue; a++)
        {
            short r = MLKemReduce.Barrett((short)a);
            Assert.InRange(r, -(MLKemReduce.Q - 1) / 2, (MLKemReduce.Q - 1) / 2);
            Assert.Equal(Mod(a), Mod(r));
        }
    }

    private static short[] RandomPoly(Random random, int bound, int count = 1)
    {
        var a = new short[count * N];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = (short)random.Next(-bound, bound + 1);
        }

        return a;
    }

    private static int Mod(int a) => ((a % MLKemReduce.Q) + MLKemReduce.Q) % MLKemReduce.Q;
}
