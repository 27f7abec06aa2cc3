// libsignal's "is_canonical" check on the sender's base key before PQXDH (rust/core/src/curve.rs, pqxdh.rs
// pqxdh_accept): high bit clear, u < 2^255 - 19, the point on the curve (not the twist), and torsion-free, i.e. in
// the prime-order subgroup.
// The point is mapped to Edwards form, y = (u - 1)/(u + 1) (RFC 7748 §4.1, the birational map to edwards25519), and
// handed to libsodium's crypto_core_ed25519_is_valid_point, which decompresses it (this fails exactly when u is on
// the twist), rejects the small-order points and checks [L]P = O (ge25519_is_on_main_subgroup). The map is a group
// isomorphism, so subgroup membership is the same on both curves, and negating x (the sign bit, left at 0) keeps it.
// Public data only. Issue 15: this replaced a managed x-only ladder of 253 steps that cost about 270 µs per
// PreKeySignalMessage; tests/WotId.Crypto.Tests/Behaviour/CurveCheckTests.cs keeps that ladder as the reference.
using System;

namespace WotId.Crypto;

/// <summary>Validity checks on received Curve25519 public keys.</summary>
internal static class CurveChecks
{
    /// <summary>True when <paramref name="u"/> (32 bytes, little-endian) is canonical and torsion-free on Curve25519.</summary>
    internal static unsafe bool IsCanonical(ReadOnlySpan<byte> u)
    {
        if (u.Length != 32 || (u[31] & 0x80) != 0 || !BelowP(u))
        {
            return false;
        }

        Fe25519 x = Fe25519.FromBytes(u);
        Fe25519 denominator = x + Fe25519.One;

        // u = 0 is the point of order 2; u = -1 is not on the curve (A - 2 is not a square mod p) and has no image.
        if (x.IsZero || denominator.IsZero)
        {
            return false;
        }

        Span<byte> edwards = stackalloc byte[32];
        ((x - Fe25519.One) * denominator.Invert()).ToBytes(edwards);
        Sodium.EnsureInitialized();
        fixed (byte* p = edwards)
        {
            return Sodium.crypto_core_ed25519_is_valid_point(p) == 1;
        }
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
