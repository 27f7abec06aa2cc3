// FIPS 203 §4.3: NTT (Algorithm 9), NTT⁻¹ (Algorithm 10) and MultiplyNTTs / BaseCaseMultiply (Algorithms 11–12), on
// 16-bit coefficients with Montgomery twiddles (MLKemReduce). The scalar loops below define the exact integers; the
// AVX2 path (MLKemNttAvx2) performs the same operations lane by lane and gives identical results. Every loop bound
// and index is public: the coefficients may be secret (the encryption randomness y), the control flow never is.
using System;
using System.Runtime.Intrinsics.X86;

namespace WotId.Crypto;

/// <summary>Number-theoretic transform for ML-KEM, AVX2 where present, scalar otherwise.</summary>
internal static class MLKemNtt
{
    private const int N = MLKemReduce.N;

    /// <summary>True when the AVX2 path is used (decided once per process).</summary>
    public static readonly bool Vectorized = Avx2.IsSupported;

    /// <summary>In-place NTT of one polynomial with |coefficients| &lt; q; output reduced to (−q/2, q/2].</summary>
    public static void Forward(Span<short> a, bool vector)
    {
        if (vector)
        {
            MLKemNttAvx2.Forward(a);
            return;
        }

        a = a[..N];
        short[] zetas = MLKemReduce.Zetas;
        int k = 1;
        for (int len = 128; len >= 2; len >>= 1)
        {
            for (int start = 0; start < N; start += 2 * len)
            {
                short zeta = zetas[k++];
                for (int j = start; j < start + len; j++)
                {
                    short t = MLKemReduce.MulMont(zeta, a[j + len]);
                    a[j + len] = (short)(a[j] - t);
                    a[j] = (short)(a[j] + t);
                }
            }
        }

        Reduce(a);
    }

    /// <summary>In-place NTT⁻¹ times the Montgomery factor 2¹⁶ (undoing the 2⁻¹⁶ of <see cref="MultiplyAccumulate"/>).</summary>
    public static void Inverse(Span<short> a, bool vector)
    {
        if (vector)
        {
            MLKemNttAvx2.Inverse(a);
            return;
        }

        a = a[..N];
        short[] zetas = MLKemReduce.Zetas;
        int k = 127;
        for (int len = 2; len <= 128; len <<= 1)
        {
            for (int start = 0; start < N; start += 2 * len)
            {
                short zeta = zetas[k--];
                for (int j = start; j < start + len; j++)
                {
                    short t = a[j];
                    a[j] = MLKemReduce.Barrett((short)(t + a[j + len]));
                    a[j + len] = MLKemReduce.MulMont(zeta, (short)(a[j + len] - t));
                }
            }
        }

        for (int j = 0; j < N; j++)
        {
            a[j] = MLKemReduce.MulMont(a[j], MLKemReduce.InverseScale);
        }
    }

    /// <summary>
    /// r = Σᵢ aᵢ ∘ bᵢ · 2⁻¹⁶ over the <paramref name="count"/> polynomial pairs (MultiplyNTTs summed, as the matrix-vector
    /// products of K-PKE.Encrypt steps 19 and 21 need), then Barrett-reduced.
    /// </summary>
    public static void MultiplyAccumulate(ReadOnlySpan<short> a, ReadOnlySpan<short> b, int count, Span<short> r, bool vector)
    {
        if (vector)
        {
            MLKemNttAvx2.MultiplyAccumulate(a, b, count, r);
            return;
        }

        r = r[..N];
        r.Clear();
        short[] zetas = MLKemReduce.Zetas;
        for (int p = 0; p < count; p++)
        {
            ReadOnlySpan<short> x = a.Slice(p * N, N);
            ReadOnlySpan<short> y = b.Slice(p * N, N);
            for (int i = 0; i < N / 2; i++)
            {
                // BaseCaseMultiply (Algorithm 12) modulo X² − γ with γ = ±ζ^(2·BitRev7(i/2)+1): pairs 4m, 4m + 1 take
                // +Zetas[64 + m], pairs 4m + 2, 4m + 3 take its negation.
                short zeta = zetas[64 + (i >> 1)];
                zeta = (i & 1) == 0 ? zeta : (short)-zeta;
                short a0 = x[2 * i], a1 = x[(2 * i) + 1], b0 = y[2 * i], b1 = y[(2 * i) + 1];
                short c0 = (short)(MLKemReduce.MulMont(MLKemReduce.MulMont(a1, b1), zeta) + MLKemReduce.MulMont(a0, b0));
                short c1 = (short)(MLKemReduce.MulMont(a0, b1) + MLKemReduce.MulMont(a1, b0));
                r[2 * i] = (short)(r[2 * i] + c0);
                r[(2 * i) + 1] = (short)(r[(2 * i) + 1] + c1);
            }
        }

        Reduce(r);
    }

    /// <summary>Barrett-reduces every coefficient to (−q/2, q/2].</summary>
    public static void Reduce(Span<short> a)
    {
        for (int j = 0; j < N; j++)
        {
            a[j] = MLKemReduce.Barrett(a[j]);
        }
    }
}
