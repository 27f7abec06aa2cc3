// Shared shape of the 256-bit-key AEADs (RFC 5116 interface): 12-byte nonce, 16-byte tag appended to the
// ciphertext, authentication failure reported as false.
using System;

namespace WotId.Crypto;

/// <summary>An AEAD with a 32-byte key, 12-byte nonce and 16-byte tag, keyed once for repeated use.</summary>
public abstract class AeadCipher : IDisposable
{
    /// <summary>Key size.</summary>
    public const int KeySize = 32;

    /// <summary>Nonce size.</summary>
    public const int NonceSize = 12;

    /// <summary>Tag size.</summary>
    public const int TagSize = 16;

    /// <summary>Checks the key length for subclasses.</summary>
    private protected AeadCipher(ReadOnlySpan<byte> key)
    {
        ThrowHelper.CheckLength(key, KeySize, nameof(key));
    }

    /// <summary>Encrypts; <paramref name="ciphertextWithTag"/> must hold plaintext length + 16 bytes.</summary>
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertextWithTag)
    {
        ThrowHelper.CheckLength(nonce, NonceSize, nameof(nonce));
        ThrowHelper.CheckDestination(ciphertextWithTag, plaintext.Length + TagSize, nameof(ciphertextWithTag));
        Seal(nonce, plaintext, ciphertextWithTag[..plaintext.Length], ciphertextWithTag.Slice(plaintext.Length, TagSize), associatedData);
    }

    /// <summary>Decrypts and authenticates; false when the input is shorter than a tag or the tag does not verify.</summary>
    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextWithTag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        ThrowHelper.CheckLength(nonce, NonceSize, nameof(nonce));
        if (ciphertextWithTag.Length < TagSize)
        {
            return false;
        }

        int n = ciphertextWithTag.Length - TagSize;
        ThrowHelper.CheckDestination(plaintext, n, nameof(plaintext));
        return Open(nonce, ciphertextWithTag[..n], ciphertextWithTag[n..], plaintext[..n], associatedData);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the keyed cipher.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>Encrypts into <paramref name="ciphertext"/> and <paramref name="tag"/> (lengths already checked).</summary>
    private protected abstract void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData);

    /// <summary>Decrypts; false on a tag mismatch (lengths already checked).</summary>
    private protected abstract bool Open(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData);
}
