// The Noise Protocol Framework, revision 34, §5.2 (SymmetricState) with SHA-256 (§12.5): HKDF here is RFC 5869
// HKDF-SHA256 with salt = ck, empty info and 64 output bytes (§4.3).
using System;
using System.Buffers;
using System.Text;
using WotId.Crypto;

namespace WotId.Libp2p.Noise;

/// <summary>Chaining key, handshake hash and the handshake cipher state.</summary>
internal sealed class SymmetricState : IDisposable
{
    public const int HashLength = 32;

    private readonly byte[] _ck = new byte[HashLength];
    private readonly byte[] _h = new byte[HashLength];
    private readonly CipherState _cipher = new();

    public SymmetricState(string protocolName)
    {
        byte[] name = Encoding.ASCII.GetBytes(protocolName);
        if (name.Length <= HashLength)
        {
            name.CopyTo(_h, 0);
        }
        else
        {
            Sha256.Hash(name, _h);
        }

        _h.CopyTo(_ck, 0);
    }

    public ReadOnlySpan<byte> HandshakeHash => _h;

    public bool HasKey => _cipher.HasKey;

    public void MixKey(ReadOnlySpan<byte> inputKeyMaterial)
    {
        Span<byte> output = stackalloc byte[2 * HashLength];
        HkdfSha256.DeriveKey(inputKeyMaterial, _ck, default, output);
        output[..HashLength].CopyTo(_ck);
        _cipher.InitializeKey(output[HashLength..]);
        CipherState.Zero(output);
    }

    public void MixHash(ReadOnlySpan<byte> data)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(HashLength + data.Length);
        try
        {
            _h.CopyTo(buffer, 0);
            data.CopyTo(buffer.AsSpan(HashLength));
            Sha256.Hash(buffer.AsSpan(0, HashLength + data.Length), _h);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public int EncryptAndHash(ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        int n = _cipher.EncryptWithAd(_h, plaintext, destination);
        MixHash(destination[..n]);
        return n;
    }

    public int DecryptAndHash(ReadOnlySpan<byte> ciphertext, Span<byte> destination)
    {
        if (!_cipher.TryDecryptWithAd(_h, ciphertext, destination, out int n))
        {
            throw new NoiseHandshakeException(NoiseError.DecryptionFailed, "Noise handshake message failed authentication");
        }

        MixHash(ciphertext);
        return n;
    }

    public (CipherState First, CipherState Second) Split()
    {
        Span<byte> output = stackalloc byte[2 * HashLength];
        HkdfSha256.DeriveKey(default, _ck, default, output);
        var first = new CipherState();
        var second = new CipherState();
        first.InitializeKey(output[..HashLength]);
        second.InitializeKey(output[HashLength..]);
        CipherState.Zero(output);
        return (first, second);
    }

    public void Dispose()
    {
        CipherState.Zero(_ck);
        _cipher.Dispose();
    }
}
