// X25519 Diffie-Hellman, RFC 7748 §5 and §6.1, through libsodium.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>Raw-byte X25519 operations. Prefer <see cref="X25519PrivateKey"/> for keys you own.</summary>
public static class X25519
{
    /// <summary>Key and shared-secret size.</summary>
    public const int KeySize = 32;

    /// <summary>
    /// Computes X25519(<paramref name="privateKey"/>, <paramref name="peerPublicKey"/>). Returns false when the
    /// result is all zero (a low-order peer key, RFC 7748 §6.1); the destination is then zeroed.
    /// </summary>
    public static unsafe bool TryAgree(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret)
    {
        ThrowHelper.CheckLength(privateKey, KeySize, nameof(privateKey));
        ThrowHelper.CheckLength(peerPublicKey, KeySize, nameof(peerPublicKey));
        ThrowHelper.CheckDestination(sharedSecret, KeySize, nameof(sharedSecret));
        Sodium.EnsureInitialized();
        int rc;
        fixed (byte* q = sharedSecret)
        fixed (byte* n = privateKey)
        fixed (byte* p = peerPublicKey)
        {
            rc = Sodium.crypto_scalarmult_curve25519(q, n, p);
        }

        if (rc != 0)
        {
            CryptographicOperations.ZeroMemory(sharedSecret[..KeySize]);
            return false;
        }

        return true;
    }

    /// <summary>The public key (u-coordinate of k·9) of a 32-byte private scalar.</summary>
    public static unsafe void GetPublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        ThrowHelper.CheckLength(privateKey, KeySize, nameof(privateKey));
        ThrowHelper.CheckDestination(publicKey, KeySize, nameof(publicKey));
        Sodium.EnsureInitialized();
        fixed (byte* q = publicKey)
        fixed (byte* n = privateKey)
        {
            if (Sodium.crypto_scalarmult_curve25519_base(q, n) != 0)
            {
                throw new CryptographicException("X25519 base-point multiplication failed");
            }
        }
    }

    /// <summary>
    /// libsignal's "is_canonical" check for a received public key (used on the PQXDH base key): high bit clear,
    /// u &lt; 2^255 − 19, on the curve and torsion-free.
    /// </summary>
    public static bool IsCanonicalPublicKey(ReadOnlySpan<byte> publicKey) => CurveChecks.IsCanonical(publicKey);

    /// <summary>Clamps a scalar in place (RFC 7748 §5 decodeScalar25519).</summary>
    public static void Clamp(Span<byte> scalar)
    {
        ThrowHelper.CheckLength(scalar, KeySize, nameof(scalar));
        scalar[0] &= 248;
        scalar[31] &= 127;
        scalar[31] |= 64;
    }
}
