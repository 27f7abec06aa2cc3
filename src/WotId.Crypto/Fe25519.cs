// Arithmetic in GF(2^255 - 19) with five 51-bit limbs (the radix-2^51 representation of curve25519-donna / ref10),
// used only on public data (the public-key checks in CurveChecks and the Montgomery → Edwards map of XEdDSA
// verification): no constant-time requirement.
using System;
using System.Buffers.Binary;

namespace WotId.Crypto;

/// <summary>A field element of GF(2^255 - 19); limbs are kept below 2^52 after every operation.</summary>
internal readonly struct Fe25519
{
    private const ulong Mask51 = (1UL << 51) - 1;

    private readonly ulong _l0, _l1, _l2, _l3, _l4;

    private Fe25519(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
        _l4 = l4;
    }

    internal static Fe25519 Zero => default;

    internal static Fe25519 One => new(1, 0, 0, 0, 0);

    /// <summary>Loads 32 little-endian bytes, ignoring bit 255.</summary>
    internal static Fe25519 FromBytes(ReadOnlySpan<byte> b)
    {
        ulong w0 = BinaryPrimitives.ReadUInt64LittleEndian(b);
        ulong w1 = BinaryPrimitives.ReadUInt64LittleEndian(b[8..]);
        ulong w2 = BinaryPrimitives.ReadUInt64LittleEndian(b[16..]);
        ulong w3 = BinaryPrimitives.ReadUInt64LittleEndian(b[24..]);
        return new Fe25519(
            w0 & Mask51,
            ((w0 >> 51) | (w1 << 13)) & Mask51,
            ((w1 >> 38) | (w2 << 26)) & Mask51,
            ((w2 >> 25) | (w3 << 39)) & Mask51,
            (w3 >> 12) & Mask51);
    }

    internal static Fe25519 FromSmall(ulong v) => new(v, 0, 0, 0, 0);

    public static Fe25519 operator +(Fe25519 a, Fe25519 b) =>
        Carry(a._l0 + b._l0, a._l1 + b._l1, a._l2 + b._l2, a._l3 + b._l3, a._l4 + b._l4);

    // a + 4p - b keeps every limb positive for limbs below 2^53.
    public static Fe25519 operator -(Fe25519 a, Fe25519 b) =>
        Carry(
            a._l0 + 0x1FFFFFFFFFFFB4UL - b._l0,
            a._l1 + 0x1FFFFFFFFFFFFCUL - b._l1,
            a._l2 + 0x1FFFFFFFFFFFFCUL - b._l2,
            a._l3 + 0x1FFFFFFFFFFFFCUL - b._l3,
            a._l4 + 0x1FFFFFFFFFFFFCUL - b._l4);

    public static Fe25519 operator *(Fe25519 a, Fe25519 b)
    {
        ulong b1 = b._l1 * 19, b2 = b._l2 * 19, b3 = b._l3 * 19, b4 = b._l4 * 19;
        UInt128 r0 = M(a._l0, b._l0) + M(a._l1, b4) + M(a._l2, b3) + M(a._l3, b2) + M(a._l4, b1);
        UInt128 r1 = M(a._l0, b._l1) + M(a._l1, b._l0) + M(a._l2, b4) + M(a._l3, b3) + M(a._l4, b2);
        UInt128 r2 = M(a._l0, b._l2) + M(a._l1, b._l1) + M(a._l2, b._l0) + M(a._l3, b4) + M(a._l4, b3);
        UInt128 r3 = M(a._l0, b._l3) + M(a._l1, b._l2) + M(a._l2, b._l1) + M(a._l3, b._l0) + M(a._l4, b4);
        UInt128 r4 = M(a._l0, b._l4) + M(a._l1, b._l3) + M(a._l2, b._l2) + M(a._l3, b._l1) + M(a._l4, b._l0);
        return Reduce(r0, r1, r2, r3, r4);
    }

    /// <summary>Carries five 128-bit column sums (each below 2^115) into limbs below 2^52.</summary>
    private static Fe25519 Reduce(UInt128 r0, UInt128 r1, UInt128 r2, UInt128 r3, UInt128 r4)
    {
        r1 += r0 >> 51;
        ulong c0 = (ulong)r0 & Mask51;
        r2 += r1 >> 51;
        ulong c1 = (ulong)r1 & Mask51;
        r3 += r2 >> 51;
        ulong c2 = (ulong)r2 & Mask51;
        r4 += r3 >> 51;
        ulong c3 = (ulong)r3 & Mask51;
        ulong carry = (ulong)(r4 >> 51);
        ulong c4 = (ulong)r4 & Mask51;
        return Carry(c0 + (carry * 19), c1, c2, c3, c4);
    }

    /// <summary>True when the element is 0 modulo p.</summary>
    internal bool IsZero
    {
        get
        {
            // Fully reduce: after Carry the value is below 2^255 + small; subtract p if needed.
            Fe25519 t = Carry(_l0, _l1, _l2, _l3, _l4);
            ulong l0 = t._l0 + 19, l1 = t._l1 + (l0 >> 51), l2 = t._l2 + (l1 >> 51), l3 = t._l3 + (l2 >> 51), l4 = t._l4 + (l3 >> 51);
            bool geP = (l4 >> 51) != 0;
            return geP
                ? ((l0 & Mask51) | (l1 & Mask51) | (l2 & Mask51) | (l3 & Mask51) | (l4 & Mask51)) == 0
                : (t._l0 | t._l1 | t._l2 | t._l3 | t._l4) == 0;
        }
    }

    /// <summary>this², with the 15 products of a square instead of the 25 of a multiplication (curve25519-donna).</summary>
    internal Fe25519 Square()
    {
        ulong d0 = _l0 * 2, d1 = _l1 * 2, d2 = _l2 * 2, d3 = _l3 * 2;
        ulong a3x19 = _l3 * 19, a4x19 = _l4 * 19;
        UInt128 r0 = M(_l0, _l0) + M(d1, a4x19) + M(d2, a3x19);
        UInt128 r1 = M(d0, _l1) + M(d2, a4x19) + M(_l3, a3x19);
        UInt128 r2 = M(d0, _l2) + M(_l1, _l1) + M(d3, a4x19);
        UInt128 r3 = M(d0, _l3) + M(d1, _l2) + M(_l4, a4x19);
        UInt128 r4 = M(d0, _l4) + M(d1, _l3) + M(_l2, _l2);
        return Reduce(r0, r1, r2, r3, r4);
    }

    /// <summary>this^((p - 1) / 2) = this^(2^254 - 10): 1 for non-zero squares, p - 1 for non-squares (Euler's criterion).</summary>
    internal Fe25519 PowLegendre() => Pow(s_legendreExponent);

    /// <summary>this^e for a 256-bit little-endian exponent (square and multiply; public data only).</summary>
    private Fe25519 Pow(ReadOnlySpan<byte> e)
    {
        Fe25519 x = this;
        Fe25519 result = One;
        for (int i = 255; i >= 0; i--)
        {
            result = result.Square();
            if (((e[i >> 3] >> (i & 7)) & 1) != 0)
            {
                result *= x;
            }
        }

        return result;
    }

    internal bool IsOne => (this - One).IsZero;

    /// <summary>
    /// The multiplicative inverse, this^(p − 2) (Fermat), with the addition chain of curve25519 ref10
    /// (254 squarings, 11 multiplications); zero maps to zero.
    /// </summary>
    internal Fe25519 Invert()
    {
        Fe25519 z2 = Square();
        Fe25519 z9 = z2.SquareTimes(2) * this;
        Fe25519 z11 = z9 * z2;
        Fe25519 z2_5_0 = z11.Square() * z9;
        Fe25519 z2_10_0 = z2_5_0.SquareTimes(5) * z2_5_0;
        Fe25519 z2_20_0 = z2_10_0.SquareTimes(10) * z2_10_0;
        Fe25519 z2_40_0 = z2_20_0.SquareTimes(20) * z2_20_0;
        Fe25519 z2_50_0 = z2_40_0.SquareTimes(10) * z2_10_0;
        Fe25519 z2_100_0 = z2_50_0.SquareTimes(50) * z2_50_0;
        Fe25519 z2_200_0 = z2_100_0.SquareTimes(100) * z2_100_0;
        Fe25519 z2_250_0 = z2_200_0.SquareTimes(50) * z2_50_0;
        return z2_250_0.SquareTimes(5) * z11;
    }

    private Fe25519 SquareTimes(int n)
    {
        Fe25519 r = this;
        for (int i = 0; i < n; i++)
        {
            r = r.Square();
        }

        return r;
    }

    /// <summary>The canonical 32-byte little-endian encoding (fully reduced below p).</summary>
    internal void ToBytes(Span<byte> destination)
    {
        Fe25519 t = Carry(_l0, _l1, _l2, _l3, _l4);
        ulong l0 = t._l0 + 19, l1 = t._l1 + (l0 >> 51), l2 = t._l2 + (l1 >> 51), l3 = t._l3 + (l2 >> 51), l4 = t._l4 + (l3 >> 51);
        if ((l4 >> 51) == 0)
        {
            (l0, l1, l2, l3, l4) = (t._l0, t._l1, t._l2, t._l3, t._l4);
        }

        l0 &= Mask51;
        l1 &= Mask51;
        l2 &= Mask51;
        l3 &= Mask51;
        l4 &= Mask51;
        BinaryPrimitives.WriteUInt64LittleEndian(destination, l0 | (l1 << 51));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], (l1 >> 13) | (l2 << 38));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], (l2 >> 26) | (l3 << 25));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], (l3 >> 39) | (l4 << 12));
    }

    private static readonly byte[] s_legendreExponent = Convert.FromHexString("f6ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff3f");

    // One 64×64 → 128-bit multiplication (UInt128's own operator also multiplies the zero upper halves).
    private static UInt128 M(ulong a, ulong b)
    {
        ulong high = Math.BigMul(a, b, out ulong low);
        return new UInt128(high, low);
    }

    private static Fe25519 Carry(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        l1 += l0 >> 51;
        l0 &= Mask51;
        l2 += l1 >> 51;
        l1 &= Mask51;
        l3 += l2 >> 51;
        l2 &= Mask51;
        l4 += l3 >> 51;
        l3 &= Mask51;
        l0 += (l4 >> 51) * 19;
        l4 &= Mask51;
        l1 += l0 >> 51;
        l0 &= Mask51;
        return new Fe25519(l0, l1, l2, l3, l4);
    }
}
