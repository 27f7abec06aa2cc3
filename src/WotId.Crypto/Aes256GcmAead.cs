// AES-256-GCM, NIST SP 800-38D: 32-byte key, 12-byte nonce, 16-byte tag appended to the ciphertext.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>
/// AES-256-GCM. An instance keeps its key set up for repeated use (bulk encryption);
/// the static methods are for one-off calls.
/// </summary>
public sealed class Aes256GcmAead : IDisposable
{
    /// <summary>Key size.</summary>
    public const int KeySize = 32;

    /// <summary>Nonce size.</summary>
    public const int NonceSize = 12;

    /// <summary>Tag size.</summary>
    public const int TagSize = 16;

    private readonly AesGcm _cipher;

    /// <summary>Creates a cipher with <paramref name="key"/> (32 bytes).</summary>
    public Aes256GcmAead(ReadOnlySpan<byte> key)
    {
        ThrowHelper.CheckLength(key, KeySize, nameof(key));
        _cipher = new AesGcm(key, TagSize);
    }

    /// <summary>Encrypts; <paramref name="ciphertextWithTag"/> must be plaintext length + 16.</summary>
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertextWithTag)
    {
        ThrowHelper.CheckLength(nonce, NonceSize, nameof(nonce));
        ThrowHelper.CheckDestination(ciphertextWithTag, plaintext.Length + TagSize, nameof(ciphertextWithTag));
        _cipher.Encrypt(nonce, plaintext, ciphertextWithTag[..plaintext.Length], ciphertextWithTag.Slice(plaintext.Length, TagSize), associatedData);
    }

    /// <summary>Decrypts and authenticates; false (and a zeroed destination) when the tag does not verify.</summary>
    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextWithTag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        ThrowHelper.CheckLength(nonce, NonceSize, nameof(nonce));
        if (ciphertextWithTag.Length < TagSize)
        {
            return false;
        }

        int n = ciphertextWithTag.Length - TagSize;
        ThrowHelper.CheckDestination(plaintext, n, nameof(plaintext));
        try
        {
            _cipher.Decrypt(nonce, ciphertextWithTag[..n], ciphertextWithTag[n..], plaintext[..n], associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <summary>One-off encryption.</summary>
    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertextWithTag)
    {
        using var aead = new Aes256GcmAead(key);
        aead.Encrypt(nonce, plaintext, associatedData, ciphertextWithTag);
    }

    /// <summary>One-off decryption; false when the tag does not verify.</summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextWithTag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        using var aead = new Aes256GcmAead(key);
        return aead.TryDecrypt(nonce, ciphertextWithTag, associatedData, plaintext);
    }

    /// <inheritdoc />
    public void Dispose() => _cipher.Dispose();

    /// <inheritdoc />
    public override string ToString() => "Aes256GcmAead";
}
