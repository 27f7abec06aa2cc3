// Ed25519 verification, RFC 8032 §5.1.7, through NSec (libsodium).
using System;
using NSec.Cryptography;

namespace WotId.Crypto;

/// <summary>Ed25519 signature verification on raw bytes.</summary>
public static class Ed25519
{
    /// <summary>Public key size.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Seed (private key) size.</summary>
    public const int SeedSize = 32;

    /// <summary>Signature size.</summary>
    public const int SignatureSize = 64;

    /// <summary>True when <paramref name="signature"/> is a valid signature of <paramref name="message"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out PublicKey? key) || key is null)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(key, message, signature);
    }
}
