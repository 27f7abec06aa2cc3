// Kyber-1024 round 3 as libsignal uses it (key type byte 0x08; libsignal rust/protocol/src/kem/kyber1024.rs):
// the keys and ciphertexts are ML-KEM-1024's; the shared secret is ss = SHAKE256(K̄ ‖ SHA3-256(ct), 32),
// where K̄ is what ML-KEM-1024 returns.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>libsignal's Kyber-1024 (round 3) KEM built on ML-KEM-1024.</summary>
public static class Kyber1024Round3
{
    /// <summary>libsignal's key type byte for Kyber-1024.</summary>
    public const byte KeyTypeByte = 0x08;

    /// <summary>Public key size without the type byte.</summary>
    public const int PublicKeySize = 1568;

    /// <summary>Ciphertext size without the type byte.</summary>
    public const int CiphertextSize = 1568;

    /// <summary>Encapsulates; false when the public key is invalid.</summary>
    public static bool TryEncapsulate(ReadOnlySpan<byte> publicKey, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        Span<byte> kBar = stackalloc byte[32];
        bool ok = MLKem.TryEncapsulate(MLKemAlgorithm.MLKem1024, publicKey, ciphertext, kBar);
        if (ok)
        {
            Wrap(kBar, ciphertext[..CiphertextSize], sharedSecret);
        }

        CryptographicOperations.ZeroMemory(kBar);
        return ok;
    }

    /// <summary>Deterministic encapsulation with message <paramref name="m"/> (tests).</summary>
    public static bool TryEncapsulateDeterministic(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> m, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        Span<byte> kBar = stackalloc byte[32];
        bool ok = MLKem.TryEncapsulateDeterministic(MLKemAlgorithm.MLKem1024, publicKey, m, ciphertext, kBar);
        if (ok)
        {
            Wrap(kBar, ciphertext[..CiphertextSize], sharedSecret);
        }

        CryptographicOperations.ZeroMemory(kBar);
        return ok;
    }

    /// <summary>Decapsulates with an ML-KEM-1024 key.</summary>
    public static void Decapsulate(MLKemPrivateKey privateKey, ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.Algorithm != MLKemAlgorithm.MLKem1024)
        {
            throw new ArgumentException("Kyber-1024 needs an ML-KEM-1024 key", nameof(privateKey));
        }

        Span<byte> kBar = stackalloc byte[32];
        privateKey.Decapsulate(ciphertext, kBar);
        Wrap(kBar, ciphertext, sharedSecret);
        CryptographicOperations.ZeroMemory(kBar);
    }

    private static void Wrap(ReadOnlySpan<byte> kBar, ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
    {
        ThrowHelper.CheckDestination(sharedSecret, 32, nameof(sharedSecret));
        Span<byte> input = stackalloc byte[64];
        kBar.CopyTo(input);
        Sha3_256.Hash(ciphertext, input[32..]);
        Shake256.Hash(input, sharedSecret[..32]);
        CryptographicOperations.ZeroMemory(input);
    }
}
