// The AVX2 and scalar NTT paths of the ML-DSA verifier give identical integers (FIPS 204 §7.5), and the pair
// NTT / NTT⁻¹ is the identity up to the Montgomery factor R that the inverse's final multiplication accounts for.
using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WotId.Crypto.Tests.MLDsaVerification;

public sealed class MLDsaNttTests
{
    private const int Q = MLDsaMontgomery.Q;

    [Fact]
    public void VectorAndScalarForwardNttGiveIdenticalCoefficients()
    {
        Assert.SkipUnless(Avx2.IsSupported, "this processor has no AVX2; only the scalar NTT runs here");
        var random = new Random(204);
        for (int round = 0; round < 200; round++)
        {
            int[] input = RandomPoly(random, Q - 1);
            int[] scalar = (int[])input.Clone();
            int[] vector = (int[])input.Clone();
            MLDsaNtt.Forward(scalar, vector: false);
            MLDsaNtt.Forward(vector, vector: true);
            Assert.Equal(scalar, vector);
        }
    }

    [Fact]
    public void VectorAndScalarInverseNttGiveIdenticalCoefficients()
    {
        Assert.SkipUnless(Avx2.IsSupported, "this processor has no AVX2; only the scalar NTT runs here");
        var random = new Random(205);
        for (int round = 0; round < 200; round++)
        {
            int[] input = RandomPoly(random, Q - 1);
            int[] scalar = (int[])input.Clone();
            int[] vector = (int[])input.Clone();
            MLDsaNtt.Inverse(scalar, vector: false);
            MLDsaNtt.Inverse(vector, vector: true);
            Assert.Equal(scalar, vector);
        }
    }

    [Fact]
    public void VectorAndScalarPointwiseProductsGiveIdenticalCoefficients()
    {
        Assert.SkipUnless(Avx2.IsSupported, "this processor has no AVX2; only the scalar products run here");
        var random = new Random(206);
        for (int round = 0; round < 200; round++)
        {
            int[] a = RandomPoly(random, Q - 1), b = RandomPoly(random, int.MaxValue / 2), acc = RandomPoly(random, 4 * Q);
            int[] scalar = (int[])acc.Clone(), vector = (int[])acc.Clone();
            MLDsaNtt.MultiplyAccumulate(scalar, a, b, vector: false);
            MLDsaNtt.MultiplyAccumulate(vector, a, b, vector: true);
            Assert.Equal(scalar, vector);
            MLDsaNtt.MultiplySubtract(scalar, b, a, vector: false);
            MLDsaNtt.MultiplySubtract(vector, b, a, vector: true);
            Assert.Equal(scalar, vector);
        }

        Vector256<int> extreme = MLDsaNttAvx2.MontMul(Vector256.Create(int.MaxValue), Vector256.Create(Q - 1));
        Assert.Equal(MLDsaMontgomery.Reduce((long)int.MaxValue * (Q - 1)), extreme[3]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InverseNttUndoesForwardNttOnEachPath(bool vector)
    {
        Assert.SkipUnless(!vector || Avx2.IsSupported, "this processor has no AVX2");
        var random = new Random(207);
        int[] input = RandomPoly(random, Q - 1);
        int[] a = (int[])input.Clone();
        MLDsaNtt.Forward(a, vector);
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = MLDsaMontgomery.Reduce32(a[i]);
        }

        MLDsaNtt.Inverse(a, vector);
        for (int i = 0; i < a.Length; i++)
        {
            // NTT⁻¹ multiplies by R once more: reduce R·x with one Montgomery step to compare with x.
            long back = MLDsaMontgomery.Reduce(a[i]);
            Assert.Equal(Mod(input[i]), Mod(back));
        }
    }

    private static long Mod(long x) => ((x % Q) + Q) % Q;

    private static int[] RandomPoly(Random random, int bound)
    {
        var a = new int[MLDsaNtt.N];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.Next(-bound, bound);
        }

        return a;
    }
}
