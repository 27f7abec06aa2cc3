// Chunk encryption of /wotid/file/5.0.0 (docs/files.md "Chunk encryption"). AEGIS-256 (draft-irtf-cfrg-aegis-aead,
// 256-bit tag; libsodium with AES-NI, ≈ 2.3× the rate of OpenSSL's AES-256-GCM on the same core) under
//   chunk key = HKDF-SHA256(ikm = file key, salt = stream salt, info = "/wotid/file/5.0.0 chunk key" ‖ file id)  (RFC 5869)
//   nonce     = 0x00 × 24 ‖ u64be chunk index  (unique per key, the key unique per stream)
//   AD        = "/wotid/file/5.0.0" ‖ u8 |file id| ‖ file id ‖ u64be chunk index ‖ u8 final (1 or 0)
// The file key is the fresh random key of the file.offer, so chunks of two files never open under each other's key;
// the index in nonce and AD rejects a reordered, dropped or duplicated chunk; the final flag in the AD rejects a
// stream cut short with an earlier chunk relabelled as the last. The salt is fresh per stream: a resumed stream seals
// chunk i again under a new key, so a (key, nonce) pair never protects two different plaintexts even if the source
// changed in between (the whole-file hash then fails, nothing leaks).
using System;
using System.Buffers.Binary;
using System.Text;
using WotId.Crypto;

namespace WotId.Node.Files;

/// <summary>Seals and opens the chunks of one file on one stream.</summary>
internal sealed class FileChunkCipher : IDisposable
{
    /// <summary>AEGIS-256 tag length (256 bits).</summary>
    internal const int TagLength = Aegis256.TagSize;

    private const int NonceLength = Aegis256.NonceSize;
    private static readonly byte[] s_label = Encoding.ASCII.GetBytes(FileProtocol.ProtocolId);
    private static readonly byte[] s_keyInfo = Encoding.ASCII.GetBytes(FileProtocol.ProtocolId + " chunk key");

    private readonly byte[] _key = GC.AllocateArray<byte>(Aegis256.KeySize, pinned: true);
    private readonly byte[] _ad;
    private bool _disposed;

    /// <summary>Derives the chunk key of <paramref name="fileId"/> from the file key and this stream's salt.</summary>
    internal FileChunkCipher(ReadOnlySpan<byte> fileKey, string fileId, ReadOnlySpan<byte> salt)
    {
        if (fileKey.Length != FileProtocol.KeyLength)
        {
            throw new ArgumentException("the file key has 32 bytes", nameof(fileKey));
        }

        if (salt.Length != FileProtocol.SaltLength)
        {
            throw new ArgumentException("the salt has 16 bytes", nameof(salt));
        }

        byte[] id = FileFrameCodec.IdBytes(fileId);
        byte[] info = new byte[s_keyInfo.Length + id.Length];
        s_keyInfo.CopyTo(info, 0);
        id.CopyTo(info, s_keyInfo.Length);
        HkdfSha256.DeriveKey(fileKey, salt, info, _key); // pinned, so no copy of the key is left behind by the GC

        _ad = new byte[s_label.Length + 1 + id.Length + 8 + 1];
        s_label.CopyTo(_ad, 0);
        _ad[s_label.Length] = (byte)id.Length;
        id.CopyTo(_ad, s_label.Length + 1);
    }

    /// <summary>Seals chunk <paramref name="index"/> into <paramref name="destination"/> (plaintext length + 32: ciphertext ‖ tag).</summary>
    internal void Seal(long index, bool final, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        if (destination.Length != plaintext.Length + TagLength)
        {
            throw new ArgumentException("the destination has the plaintext length + 32", nameof(destination));
        }

        Span<byte> nonce = stackalloc byte[NonceLength];
        Span<byte> ad = stackalloc byte[_ad.Length];
        Bind(index, final, nonce, ad);
        Aegis256.Encrypt(_key, nonce, plaintext, ad, destination[..plaintext.Length], destination[plaintext.Length..]);
    }

    /// <summary>
    /// Seals chunk <paramref name="index"/> in place: <paramref name="chunk"/> holds the plaintext followed by 32 spare
    /// bytes, and afterwards the sealed chunk (ciphertext ‖ tag). Saves the sender a copy of every chunk.
    /// </summary>
    internal void SealInPlace(long index, bool final, Span<byte> chunk)
    {
        if (chunk.Length < TagLength)
        {
            throw new ArgumentException("the chunk has room for the tag", nameof(chunk));
        }

        Seal(index, final, chunk[..^TagLength], chunk);
    }

    /// <summary>
    /// Opens chunk <paramref name="index"/> in place: on success the plaintext is the first length − 32 bytes of
    /// <paramref name="sealedChunk"/>; false (and those bytes cleared) when it does not authenticate.
    /// </summary>
    internal bool TryOpenInPlace(long index, bool final, Span<byte> sealedChunk) =>
        sealedChunk.Length >= TagLength && TryOpen(index, final, sealedChunk, sealedChunk[..^TagLength]);

    /// <summary>Opens chunk <paramref name="index"/>; false when it does not authenticate as that chunk with that final flag.</summary>
    internal bool TryOpen(long index, bool final, ReadOnlySpan<byte> sealedChunk, Span<byte> plaintext)
    {
        if (sealedChunk.Length < TagLength || plaintext.Length != sealedChunk.Length - TagLength)
        {
            return false;
        }

        Span<byte> nonce = stackalloc byte[NonceLength];
        Span<byte> ad = stackalloc byte[_ad.Length];
        Bind(index, final, nonce, ad);
        int n = sealedChunk.Length - TagLength;
        return Aegis256.TryDecrypt(_key, nonce, sealedChunk[..n], sealedChunk[n..], ad, plaintext);
    }

    /// <summary>Clears the chunk key; the cipher refuses every later call.</summary>
    public void Dispose()
    {
        _disposed = true;
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(_key);
    }

    /// <inheritdoc />
    public override string ToString() => "FileChunkCipher";

    private void Bind(long index, bool final, Span<byte> nonce, Span<byte> ad)
    {
        ObjectDisposedException.ThrowIf(_disposed, this); // a cleared key must not seal anything
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        nonce.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce[^8..], (ulong)index);
        _ad.CopyTo(ad);
        BinaryPrimitives.WriteUInt64BigEndian(ad[^9..], (ulong)index);
        ad[^1] = final ? (byte)1 : (byte)0;
    }
}
