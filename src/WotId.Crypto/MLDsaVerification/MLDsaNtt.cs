// NTT and inverse NTT over Z_q[X]/(X²⁵⁶ + 1), FIPS 204 §7.5 Algorithms 41 (NTT) and 42 (NTT⁻¹), with Montgomery
// twiddles as in the reference implementation's ntt.c (outputs in the same bit-reversed order as FIPS 204, so
// ExpandA's Â multiplies them directly). The vector path (MLDsaNttAvx2) is chosen once when AVX2 is present; both
// paths give identical integers (MLDsaNttTests).
using System;
using System.Runtime.Intrinsics.X86;

namespace WotId.Crypto;

/// <summary>Polynomial transforms and products for ML-DSA verification.</summary>
internal static class MLDsaNtt
{
    public const int N = 256;

    /// <summary>True when the AVX2 path serves the public entry points (decided once per process).</summary>
    public static readonly bool Vectorized = Avx2.IsSupported;

    /// <summary>In-place forward NTT; |a| &lt; q on input keeps every intermediate inside int32.</summary>
    public static void Forward(Span<int> a, bool vector)
    {
        if (vector)
        {
            MLDsaNttAvx2.Forward(a);
        }
        else
        {
            ForwardScalar(a);
        }
    }

    /// <summary>In-place inverse NTT times R (undoes one Montgomery factor); inputs must satisfy |a| &lt; q.</summary>
    public static void Inverse(Span<int> a, bool vector)
    {
        if (vector)
        {
            MLDsaNttAvx2.Inverse(a);
        }
        else
        {
            InverseScalar(a);
        }
    }

    /// <summary>acc += a ∘ b · R⁻¹ (pointwise Montgomery product, accumulated).</summary>
    public static void MultiplyAccumulate(Span<int> acc, ReadOnlySpan<int> a, ReadOnlySpan<int> b, bool vector)
    {
        if (vector)
        {
            MLDsaNttAvx2.MultiplyAccumulate(acc, a, b);
            return;
        }

        acc = acc[..N];
        a = a[..N];
        b = b[..N];
        for (int i = 0; i < N; i++)
        {
            acc[i] += MLDsaMontgomery.Reduce((long)a[i] * b[i]);
        }
    }

    /// <summary>acc −= a ∘ b · R⁻¹ (pointwise Montgomery product, subtracted).</summary>
    public static void MultiplySubtract(Span<int> acc, ReadOnlySpan<int> a, ReadOnlySpan<int> b, bool vector)
    {
        if (vector)
        {
            MLDsaNttAvx2.MultiplySubtract(acc, a, b);
            return;
        }

        acc = acc[..N];
        a = a[..N];
        b = b[..N];
        for (int i = 0; i < N; i++)
        {
            acc[i] -= MLDsaMontgomery.Reduce((long)a[i] * b[i]);
        }
    }

    internal static void ForwardScalar(Span<int> a)
    {
        a = a[..N];
        int[] zetas = MLDsaMontgomery.Zetas;
        int k = 0;
        for (int len = 128; len > 0; len >>= 1)
        {
            for (int start = 0; start < N; start += 2 * len)
            {
                long zeta = zetas[++k];
                for (int j = start; j < start + len; j++)
                {
                    int t = MLDsaMontgomery.Reduce(zeta * a[j + len]);
                    a[j + len] = a[j] - t;
                    a[j] += t;
                }
            }
        }
    }

    internal static void InverseScalar(Span<int> a)
    {
        a = a[..N];
        int[] zetas = MLDsaMontgomery.Zetas;
        int k = N;
        for (int len = 1; len < N; len <<= 1)
        {
            for (int start = 0; start < N; start += 2 * len)
            {
                long zeta = -zetas[--k];
                for (int j = start; j < start + len; j++)
                {
                    int t = a[j];
                    a[j] = t + a[j + len];
                    a[j + len] = MLDsaMontgomery.Reduce(zeta * (t - a[j + len]));
                }
            }
        }

        for (int j = 0; j < N; j++)
        {
            a[j] = MLDsaMontgomery.Reduce((long)MLDsaMontgomery.InverseNttFactor * a[j]);
        }
    }
}
