// The Noise Protocol Framework, revision 34, §5.2 Split() and §7.4 transport messages; libp2p/specs noise/README.md
// "Wire Format": at most 65535 bytes per message, so at most 65519 plaintext bytes.
using System;

namespace WotId.Libp2p.Noise;

/// <summary>The two cipher states after the handshake: one per direction.</summary>
internal sealed class NoiseTransportState : IDisposable
{
    /// <summary>Largest plaintext per transport message.</summary>
    public const int MaxPlaintextLength = NoiseHandshakeState.MaxMessageLength - CipherState.TagSize;

    private readonly CipherState _send;
    private readonly CipherState _receive;

    public NoiseTransportState(CipherState send, CipherState receive)
    {
        _send = send;
        _receive = receive;
    }

    /// <summary>Encrypts one message (≤ 65519 plaintext bytes) into <paramref name="destination"/>; returns its length.</summary>
    public int Encrypt(ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        if (plaintext.Length > MaxPlaintextLength)
        {
            throw new ArgumentException("plaintext exceeds one Noise message", nameof(plaintext));
        }

        return _send.EncryptWithAd(default, plaintext, destination);
    }

    /// <summary>Decrypts one message; throws <see cref="NoiseException"/> when it does not authenticate.</summary>
    public int Decrypt(ReadOnlySpan<byte> ciphertext, Span<byte> destination)
    {
        if (ciphertext.Length > NoiseHandshakeState.MaxMessageLength)
        {
            throw new NoiseException(NoiseError.MessageTooLarge, "Noise message longer than 65535 bytes");
        }

        if (!_receive.TryDecryptWithAd(default, ciphertext, destination, out int n))
        {
            throw new NoiseException(NoiseError.DecryptionFailed, "Noise transport message failed authentication");
        }

        return n;
    }

    public void Dispose()
    {
        _send.Dispose();
        _receive.Dispose();
    }
}
