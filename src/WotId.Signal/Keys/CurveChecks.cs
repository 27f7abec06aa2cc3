// libsignal's "is_canonical" check on the sender's base key before PQXDH (rust/core/src/curve.rs, pqxdh.rs
// pqxdh_accept; notes/signal.md §2.1): high bit clear, u < 2^255 - 19, and the point torsion-free, i.e. [L]P = O,
// computed with the x-only Montgomery ladder of RFC 7748 §5 in projective form (Z = 0 ⇔ point at infinity).
using System;
using System.Numerics;

namespace WotId.Signal.Keys;

/// <summary>Validity checks on received Curve25519 public keys.</summary>
internal static class CurveChecks
{
    private static readonly BigInteger s_p = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger s_l = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly BigInteger s_a24 = 121665;

    /// <summary>True when <paramref name="u"/> (32 bytes, little-endian) is canonical and torsion-free on Curve25519.</summary>
    internal static bool IsCanonical(ReadOnlySpan<byte> u)
    {
        if (u.Length != 32 || (u[31] & 0x80) != 0)
        {
            return false;
        }

        var x1 = new BigInteger(u, isUnsigned: true, isBigEndian: false);
        if (x1 >= s_p || x1.IsZero)
        {
            return false;
        }

        // The point must lie on the curve (not the twist): v^2 = u^3 + A u^2 + u must be a square.
        BigInteger rhs = Mod((((x1 + 486662) * x1) + 1) * x1);
        if (!rhs.IsZero && BigInteger.ModPow(rhs, (s_p - 1) / 2, s_p) != BigInteger.One)
        {
            return false;
        }

        BigInteger x2 = BigInteger.One, z2 = BigInteger.Zero, x3 = x1, z3 = BigInteger.One;
        bool swap = false;
        for (int t = 252; t >= 0; t--)
        {
            bool bit = !(s_l >> t).IsEven;
            if (swap ^ bit)
            {
                (x2, x3) = (x3, x2);
                (z2, z3) = (z3, z2);
            }

            swap = bit;
            BigInteger a = x2 + z2, aa = Mod(a * a), b = x2 - z2, bb = Mod(b * b), e = aa - bb;
            BigInteger c = x3 + z3, d = x3 - z3, da = Mod(d * a), cb = Mod(c * b);
            BigInteger s = da + cb, m = da - cb;
            x3 = Mod(s * s);
            z3 = Mod(x1 * Mod(m * m));
            x2 = Mod(aa * bb);
            z2 = Mod(e * (aa + (s_a24 * e)));
        }

        if (swap)
        {
            z2 = z3;
        }

        return Mod(z2).IsZero;
    }

    private static BigInteger Mod(BigInteger v)
    {
        BigInteger r = v % s_p;
        return r.Sign < 0 ? r + s_p : r;
    }
}
