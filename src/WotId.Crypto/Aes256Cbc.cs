// AES-256-CBC with PKCS#7 padding, as libsignal encrypts message bodies (NIST SP 800-38A §6.2).
using System;

namespace WotId.Crypto;

/// <summary>AES-256-CBC with PKCS#7 padding (32-byte key, 16-byte IV).</summary>
public static class Aes256Cbc
{
    /// <summary>Key size in bytes.</summary>
    public const int KeySize = 32;

    /// <summary>Encrypts with PKCS#7 padding.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext)
    {
        ThrowHelper.CheckLength(key, KeySize, nameof(key));
        return AesCbc.Encrypt(key, iv, plaintext);
    }

    /// <summary>Decrypts; false when the length or the padding is wrong.</summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, out byte[]? plaintext)
    {
        ThrowHelper.CheckLength(key, KeySize, nameof(key));
        return AesCbc.TryDecrypt(key, iv, ciphertext, out plaintext);
    }
}
