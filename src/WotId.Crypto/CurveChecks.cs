// libsignal's "is_canonical" check on the sender's base key before PQXDH (rust/core/src/curve.rs, pqxdh.rs
// pqxdh_accept): high bit clear, u < 2^255 - 19, the point on the curve (not the twist), and
// torsion-free, i.e. [L]P = O, computed with the x-only Montgomery ladder of RFC 7748 §5 in projective form
// (Z = 0 ⇔ point at infinity).
using System;

namespace WotId.Crypto;

/// <summary>Validity checks on received Curve25519 public keys.</summary>
internal static class CurveChecks
{
    // L = 2^252 + 27742317777372353535851937790883648493, little-endian.
    private static readonly byte[] s_order = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    private static readonly Fe25519 s_a24 = Fe25519.FromSmall(121665);
    private static readonly Fe25519 s_a = Fe25519.FromSmall(486662);

    /// <summary>True when <paramref name="u"/> (32 bytes, little-endian) is canonical and torsion-free on Curve25519.</summary>
    internal static bool IsCanonical(ReadOnlySpan<byte> u)
    {
        if (u.Length != 32 || (u[31] & 0x80) != 0 || !BelowP(u))
        {
            return false;
        }

        Fe25519 x1 = Fe25519.FromBytes(u);
        if (x1.IsZero)
        {
            return false;
        }

        // On the curve: u^3 + A u^2 + u must be a square (Euler's criterion).
        Fe25519 rhs = ((x1 + s_a) * x1 + Fe25519.One) * x1;
        if (!rhs.IsZero && !rhs.PowLegendre().IsOne)
        {
            return false;
        }

        Fe25519 x2 = Fe25519.One, z2 = Fe25519.Zero, x3 = x1, z3 = Fe25519.One;
        bool swap = false;
        for (int t = 252; t >= 0; t--)
        {
            bool bit = ((s_order[t >> 3] >> (t & 7)) & 1) != 0;
            if (swap ^ bit)
            {
                (x2, x3) = (x3, x2);
                (z2, z3) = (z3, z2);
            }

            swap = bit;
            Fe25519 a = x2 + z2, aa = a.Square(), b = x2 - z2, bb = b.Square(), e = aa - bb;
            Fe25519 c = x3 + z3, d = x3 - z3, da = d * a, cb = c * b;
            Fe25519 s = da + cb, m = da - cb;
            x3 = s.Square();
            z3 = x1 * m.Square();
            x2 = aa * bb;
            z2 = e * (aa + (s_a24 * e));
        }

        if (swap)
        {
            z2 = z3;
        }

        return z2.IsZero;
    }

    private static bool BelowP(ReadOnlySpan<byte> u)
    {
        // p = 2^255 - 19 = 7fff...ffed (big-endian); u (bit 255 clear) is >= p only if u[31] = 0x7f, u[1..30] = 0xff, u[0] >= 0xed.
        if (u[31] != 0x7F || u[0] < 0xED)
        {
            return true;
        }

        for (int i = 1; i < 31; i++)
        {
            if (u[i] != 0xFF)
            {
                return true;
            }
        }

        return false;
    }
}
