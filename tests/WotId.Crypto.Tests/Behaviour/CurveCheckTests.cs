// The base-key check of PQXDH (libsignal curve.rs is_canonical) answers exactly as the straightforward definition:
// high bit clear, u < p, on the curve (u^3 + A u^2 + u a square) and torsion-free ([L]P = O with the x-only
// Montgomery ladder of RFC 7748 §5 in projective form). The production check maps to Edwards form and asks
// libsodium (CurveChecks.cs); the ladder below is the reference it replaced (issue 15).
using System;
using System.Security.Cryptography;

namespace WotId.Crypto.Tests.Behaviour;

public sealed class CurveCheckTests
{
    // L = 2^252 + 27742317777372353535851937790883648493, little-endian.
    private static readonly byte[] s_order = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    private static readonly Fe25519 s_a24 = Fe25519.FromSmall(121665);
    private static readonly Fe25519 s_a = Fe25519.FromSmall(486662);

    [Fact]
    public void FastCheckAgreesWithTheLadderOnRandomValues()
    {
        int accepted = 0, rejected = 0;
        for (int i = 0; i < 3000; i++)
        {
            byte[] u = RandomNumberGenerator.GetBytes(32);
            u[31] &= 0x7F;
            bool expected = Reference(u);
            Assert.Equal(expected, X25519.IsCanonicalPublicKey(u));
            accepted += expected ? 1 : 0;
            rejected += expected ? 0 : 1;
        }

        // About half of all u are on the twist, and 7 in 8 curve points carry a torsion component: both answers occur.
        Assert.InRange(accepted, 100, 700);
        Assert.True(rejected > 2000, rejected + " rejected");
    }

    [Fact]
    public void FastCheckAgreesWithTheLadderOnGeneratedKeysAndEdgeValues()
    {
        for (int i = 0; i < 200; i++)
        {
            using X25519PrivateKey key = X25519PrivateKey.Generate();
            Assert.True(Reference(key.PublicKeySpan));
            Assert.True(X25519.IsCanonicalPublicKey(key.PublicKeySpan));
        }

        foreach (string hex in new[]
        {
            "0000000000000000000000000000000000000000000000000000000000000000", // order 2
            "0100000000000000000000000000000000000000000000000000000000000000", // order 4
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800", // order 8
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157", // order 8
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p - 1 = -1
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p + 1
            "0900000000000000000000000000000000000000000000000000000000000000", // the base point: accepted
        })
        {
            byte[] u = Convert.FromHexString(hex);
            Assert.Equal(Reference(u), X25519.IsCanonicalPublicKey(u));
        }
    }

    private static bool Reference(ReadOnlySpan<byte> u)
    {
        if ((u[31] & 0x80) != 0)
        {
            return false;
        }

        byte[] canonical = new byte[32];
        Fe25519 x1 = Fe25519.FromBytes(u);
        x1.ToBytes(canonical);
        if (!canonical.AsSpan().SequenceEqual(u) || x1.IsZero)
        {
            return false;
        }

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
}
