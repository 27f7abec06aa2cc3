// The Noise Protocol Framework, revision 34, §5.1 (CipherState) with ChaCha20-Poly1305 (§12.3): 96-bit nonce =
// 32 zero bits ‖ little-endian 64-bit counter; nonce 2^64-1 is reserved.
using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using WotId.Crypto;

namespace WotId.Libp2p.Noise;

/// <summary>A Noise cipher state: an optional key and a message counter.</summary>
internal sealed class CipherState : IDisposable
{
    public const int KeySize = 32;
    public const int TagSize = 16;

    private ChaCha20Poly1305Aead? _aead;
    private ulong _nonce;

    public bool HasKey => _aead is not null;

    public ulong Nonce => _nonce;

    public void InitializeKey(ReadOnlySpan<byte> key)
    {
        _aead?.Dispose();
        _aead = new ChaCha20Poly1305Aead(key);
        _nonce = 0;
    }

    /// <summary>Encrypts into <paramref name="destination"/> (plaintext + 16 bytes); returns bytes written.</summary>
    public int EncryptWithAd(ReadOnlySpan<byte> ad, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        if (_aead is null)
        {
            plaintext.CopyTo(destination);
            return plaintext.Length;
        }

        Span<byte> nonce = stackalloc byte[12];
        NextNonce(nonce);
        _aead.Encrypt(nonce, plaintext, ad, destination[..(plaintext.Length + TagSize)]);
        return plaintext.Length + TagSize;
    }

    /// <summary>Decrypts; false when authentication fails (the counter still advances, the state is then dead).</summary>
    public bool TryDecryptWithAd(ReadOnlySpan<byte> ad, ReadOnlySpan<byte> ciphertext, Span<byte> destination, out int written)
    {
        if (_aead is null)
        {
            ciphertext.CopyTo(destination);
            written = ciphertext.Length;
            return true;
        }

        written = 0;
        if (ciphertext.Length < TagSize)
        {
            return false;
        }

        Span<byte> nonce = stackalloc byte[12];
        NextNonce(nonce);
        if (!_aead.TryDecrypt(nonce, ciphertext, ad, destination))
        {
            return false;
        }

        written = ciphertext.Length - TagSize;
        return true;
    }

    public void Dispose()
    {
        _aead?.Dispose();
        _aead = null;
    }

    private void NextNonce(Span<byte> nonce)
    {
        if (_nonce == ulong.MaxValue)
        {
            throw new NoiseException(NoiseError.NonceExhausted, "Noise nonce exhausted");
        }

        nonce[..4].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(nonce[4..], _nonce);
        _nonce++;
    }

    internal static void Zero(Span<byte> secret) => CryptographicOperations.ZeroMemory(secret);
}
