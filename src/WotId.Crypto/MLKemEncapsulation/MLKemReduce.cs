// Arithmetic modulo q = 3329 on 16-bit coefficients (FIPS 203 §2.4.1 fixes q; the representation is the one of the
// reference implementations): Montgomery reduction with R = 2¹⁶, Barrett reduction to a centred representative, and
// the NTT twiddles ζ^BitRev7(i) (ζ = 17, FIPS 203 §4.3) in Montgomery form. No division and no data-dependent branch:
// these functions also see secret coefficients.
using System;
using System.Runtime.CompilerServices;

namespace WotId.Crypto;

/// <summary>Modular reduction and twiddles for ML-KEM.</summary>
internal static class MLKemReduce
{
    public const int N = 256;
    public const short Q = 3329;

    /// <summary>q⁻¹ mod 2¹⁶ as a signed 16-bit value.</summary>
    public const short QInv = -3327;

    /// <summary>⌊(2²⁶ + q/2) / q⌋, the Barrett constant.</summary>
    public const short BarrettV = 20159;

    /// <summary>R² / 128 mod q: scales the inverse NTT by 1/128 and returns it to the Montgomery domain.</summary>
    public const short InverseScale = 1441;

    /// <summary>Zetas[i] = ζ^BitRev7(i) · 2¹⁶ mod q, centred in (−q/2, q/2].</summary>
    public static readonly short[] Zetas = BuildZetas();

    /// <summary>a · 2⁻¹⁶ mod q in (−q, q) for |a| &lt; 2¹⁵ · q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short Montgomery(int a)
    {
        short t = (short)((short)a * QInv);
        return (short)((a - (t * Q)) >> 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short MulMont(short a, short b) => Montgomery(a * b);

    /// <summary>The representative of a mod q in [−(q − 1)/2, (q − 1)/2].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short Barrett(short a)
    {
        // ⌊(v·a + 2²⁵) / 2²⁶⌋ written as ⌊(⌊v·a / 2¹⁶⌋ + 2⁹) / 2¹⁰⌋, the form the AVX2 path computes with mulhi.
        int t = (((BarrettV * a) >> 16) + 512) >> 10;
        return (short)(a - (t * Q));
    }

    /// <summary>Adds q to a negative representative (a in (−q, q)) without a branch: the result is in [0, q).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToPositive(short a) => a + ((a >> 15) & Q);

    private static short[] BuildZetas()
    {
        var zetas = new short[128];
        for (int i = 0; i < 128; i++)
        {
            int rev = 0;
            for (int b = 0; b < 7; b++)
            {
                rev |= ((i >> b) & 1) << (6 - b);
            }

            long z = 1;
            for (int e = 0; e < rev; e++)
            {
                z = z * 17 % Q;
            }

            int mont = (int)((z << 16) % Q);
            zetas[i] = (short)(mont > Q / 2 ? mont - Q : mont);
        }

        return zetas;
    }
}
