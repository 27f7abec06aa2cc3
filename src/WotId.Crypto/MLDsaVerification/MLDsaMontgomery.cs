// Arithmetic mod q = 2²³ − 2¹³ + 1 for ML-DSA (FIPS 204 §2.3, §7.5): Montgomery reduction with R = 2³², the
// reduction helpers of the reference implementation's reduce.c, and the NTT twiddle factors ζ^BitRev8(k) (FIPS 204
// Appendix B, ζ = 1753) kept in Montgomery form.
using System;

namespace WotId.Crypto;

/// <summary>Field arithmetic mod q and the NTT twiddle table.</summary>
internal static class MLDsaMontgomery
{
    public const int Q = 8380417;

    /// <summary>q⁻¹ mod 2³².</summary>
    public const int QInv = 58728449;

    /// <summary>The 256th root of unity ζ (FIPS 204 §7.5).</summary>
    public const int Zeta = 1753;

    /// <summary>R² / 256 mod q, the factor that ends the inverse NTT back in the normal domain.</summary>
    public const int InverseNttFactor = 41978;

    /// <summary>zetas[k] = R · ζ^BitRev8(k) mod q, centred in (−q/2, q/2]; zetas[0] is unused.</summary>
    public static readonly int[] Zetas = BuildZetas();

    /// <summary>a · R⁻¹ mod q for |a| &lt; 2³¹·q; the result lies in (−q, q).</summary>
    public static int Reduce(long a)
    {
        int t = unchecked((int)a * QInv);
        return (int)((a - ((long)t * Q)) >> 32);
    }

    /// <summary>a mod q into [−6283008, 6283008] for a ≤ 2³¹ − 2²² − 1.</summary>
    public static int Reduce32(int a)
    {
        int t = (a + (1 << 22)) >> 23;
        return a - (t * Q);
    }

    /// <summary>Adds q to a negative value.</summary>
    public static int AddQIfNegative(int a) => a + ((a >> 31) & Q);

    private static int[] BuildZetas()
    {
        var zetas = new int[256];
        long r = (1L << 32) % Q;
        for (int k = 0; k < 256; k++)
        {
            int e = BitRev8(k);
            long z = 1;
            for (int i = 0; i < e; i++)
            {
                z = z * Zeta % Q;
            }

            long m = z * r % Q;
            zetas[k] = (int)(m > Q / 2 ? m - Q : m);
        }

        zetas[0] = 0;
        return zetas;
    }

    private static int BitRev8(int k)
    {
        int r = 0;
        for (int i = 0; i < 8; i++)
        {
            r |= ((k >> i) & 1) << (7 - i);
        }

        return r;
    }

    /// <summary>Throws unless the table matches the reference implementation's first entries (a self-test of the constants).</summary>
    internal static void SelfTest()
    {
        if (Zetas[1] != 25847 || Zetas[2] != -2608894 || Zetas[3] != -518909)
        {
            throw new InvalidOperationException("ML-DSA twiddle table is wrong");
        }
    }
}
