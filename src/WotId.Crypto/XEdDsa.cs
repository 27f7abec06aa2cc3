// XEdDSA over Curve25519 keys, as libsignal implements it (Signal "XEdDSA and VXEdDSA" rev. 1, §2.3, §3.3,
// with libsignal's convention from rust/core/src/curve/curve25519.rs):
//   signing does NOT negate a to force A's sign bit to 0; instead the Edwards sign bit of A is OR-ed into bit 7
//   of signature byte 63, and the verifier reads it from there.
//   r = SHA-512(0xFE ‖ 0xFF×31 ‖ k ‖ M ‖ Z64) mod L,  R = rB,  h = SHA-512(R ‖ A ‖ M) mod L,  s = h·a + r mod L.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>XEdDSA signatures made with X25519 keys, compatible with libsignal.</summary>
public static class XEdDsa
{
    /// <summary>Signature size.</summary>
    public const int SignatureSize = 64;

    /// <summary>Signs <paramref name="message"/> with 64 fresh random bytes as the nonce input Z.</summary>
    public static byte[] Sign(X25519PrivateKey privateKey, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        Span<byte> z = stackalloc byte[64];
        RandomBytes.Fill(z);
        var signature = new byte[SignatureSize];
        Sign(privateKey.Scalar, message, z, signature);
        CryptographicOperations.ZeroMemory(z);
        return signature;
    }

    /// <summary>Signs with caller-supplied randomness <paramref name="random64"/> (deterministic tests).</summary>
    public static void Sign(X25519PrivateKey privateKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> random64, Span<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        Sign(privateKey.Scalar, message, random64, signature);
    }

    /// <summary>
    /// Verifies with the libsignal rule: the Edwards sign bit comes from bit 7 of byte 63, the Edwards y from the
    /// Montgomery u as (u − 1)/(u + 1).
    /// </summary>
    public static unsafe bool Verify(ReadOnlySpan<byte> montgomeryPublicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (montgomeryPublicKey.Length != X25519.KeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        byte sign = (byte)(signature[63] & 0x80);
        Span<byte> sig = stackalloc byte[SignatureSize];
        signature.CopyTo(sig);
        sig[63] &= 0x7F;
        if ((sig[63] & 0xE0) != 0)
        {
            return false;
        }

        Span<byte> edwards = stackalloc byte[32];
        if (!TryMontgomeryToEdwards(montgomeryPublicKey, edwards))
        {
            return false;
        }

        edwards[31] |= sign;
        Sodium.EnsureInitialized();
        fixed (byte* s = sig)
        fixed (byte* m = message)
        fixed (byte* pk = edwards)
        {
            return Sodium.crypto_sign_verify_detached(s, m, (ulong)message.Length, pk) == 0;
        }
    }

    private static unsafe void Sign(ReadOnlySpan<byte> k, ReadOnlySpan<byte> message, ReadOnlySpan<byte> random64, Span<byte> signature)
    {
        ThrowHelper.CheckLength(random64, 64, nameof(random64));
        ThrowHelper.CheckDestination(signature, SignatureSize, nameof(signature));
        Sodium.EnsureInitialized();
        Span<byte> wide = stackalloc byte[64];
        Span<byte> a = stackalloc byte[32];
        Span<byte> bigA = stackalloc byte[32];
        Span<byte> r = stackalloc byte[32];
        Span<byte> h = stackalloc byte[32];
        byte[] buffer = new byte[64 + message.Length + 64];
        try
        {
            // a = k mod L; A = a·B (no negation: libsignal keeps A's sign bit and signals it in byte 63).
            wide.Clear();
            k.CopyTo(wide);
            fixed (byte* pa = a)
            fixed (byte* pw = wide)
            fixed (byte* pA = bigA)
            {
                Sodium.crypto_core_ed25519_scalar_reduce(pa, pw);
                if (Sodium.crypto_scalarmult_ed25519_base_noclamp(pA, pa) != 0)
                {
                    throw new CryptographicException("XEdDSA key is degenerate");
                }
            }

            byte signBit = (byte)(bigA[31] & 0x80);

            // r = hash1(k ‖ M ‖ Z) mod L, hash1 = SHA-512(0xFE ‖ 0xFF×31 ‖ ·).
            buffer[0] = 0xFE;
            buffer.AsSpan(1, 31).Fill(0xFF);
            k.CopyTo(buffer.AsSpan(32));
            message.CopyTo(buffer.AsSpan(64));
            random64.CopyTo(buffer.AsSpan(64 + message.Length));
            SHA512.HashData(buffer, wide);
            fixed (byte* pr = r)
            fixed (byte* pw = wide)
            fixed (byte* pR = signature)
            {
                Sodium.crypto_core_ed25519_scalar_reduce(pr, pw);
                if (Sodium.crypto_scalarmult_ed25519_base_noclamp(pR, pr) != 0)
                {
                    throw new CryptographicException("XEdDSA nonce is degenerate");
                }
            }

            // h = SHA-512(R ‖ A ‖ M) mod L; s = h·a + r mod L.
            signature[..32].CopyTo(buffer);
            bigA.CopyTo(buffer.AsSpan(32));
            message.CopyTo(buffer.AsSpan(64));
            SHA512.HashData(buffer.AsSpan(0, 64 + message.Length), wide);
            fixed (byte* ph = h)
            fixed (byte* pw = wide)
            fixed (byte* pa = a)
            fixed (byte* pr = r)
            fixed (byte* ps = signature[32..])
            {
                Sodium.crypto_core_ed25519_scalar_reduce(ph, pw);
                Sodium.crypto_core_ed25519_scalar_mul(ph, ph, pa);
                Sodium.crypto_core_ed25519_scalar_add(ps, ph, pr);
            }

            signature[63] |= signBit;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wide);
            CryptographicOperations.ZeroMemory(a);
            CryptographicOperations.ZeroMemory(r);
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>y = (u − 1)/(u + 1) mod p with u's top bit ignored; false when u = −1.</summary>
    private static bool TryMontgomeryToEdwards(ReadOnlySpan<byte> u, Span<byte> edwardsY)
    {
        Fe25519 x = Fe25519.FromBytes(u);
        Fe25519 denominator = x + Fe25519.One;
        if (denominator.IsZero)
        {
            return false;
        }

        ((x - Fe25519.One) * denominator.Invert()).ToBytes(edwardsY);
        return true;
    }
}
