// ChaCha20-Poly1305 AEAD, RFC 8439 §2.8: 32-byte key, 12-byte nonce, 16-byte tag appended to the ciphertext.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>
/// ChaCha20-Poly1305. An instance keeps its key set up for repeated use (Noise transport);
/// the static methods are for one-off calls.
/// </summary>
public sealed class ChaCha20Poly1305Aead : AeadCipher
{
    private readonly ChaCha20Poly1305 _cipher;

    /// <summary>Creates a cipher with <paramref name="key"/> (32 bytes).</summary>
    public ChaCha20Poly1305Aead(ReadOnlySpan<byte> key)
        : base(key)
    {
        _cipher = new ChaCha20Poly1305(key);
    }

    /// <summary>One-off encryption.</summary>
    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertextWithTag)
    {
        using var aead = new ChaCha20Poly1305Aead(key);
        aead.Encrypt(nonce, plaintext, associatedData, ciphertextWithTag);
    }

    /// <summary>One-off decryption; false when the tag does not verify.</summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextWithTag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        using var aead = new ChaCha20Poly1305Aead(key);
        return aead.TryDecrypt(nonce, ciphertextWithTag, associatedData, plaintext);
    }

    /// <inheritdoc />
    public override string ToString() => "ChaCha20Poly1305Aead";

    /// <inheritdoc />
    protected override void Dispose(bool disposing) => _cipher.Dispose();

    private protected override void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData) =>
        _cipher.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);

    private protected override bool Open(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        try
        {
            _cipher.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }
}
