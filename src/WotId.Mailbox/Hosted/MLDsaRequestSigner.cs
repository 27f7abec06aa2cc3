using System;
using WotId.Crypto;

namespace WotId.Mailbox.Hosted;

/// <summary>An <see cref="IMailboxRequestSigner"/> over an ML-DSA-65 private key (hedged signatures).</summary>
public sealed class MLDsaRequestSigner : IMailboxRequestSigner
{
    private readonly MLDsaPrivateKey _key;
    private readonly byte[] _publicKey;

    /// <summary>Signs with <paramref name="key"/> (not disposed by this object).</summary>
    /// <exception cref="ArgumentException">The key is not ML-DSA-65.</exception>
    public MLDsaRequestSigner(MLDsaPrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != HostedMailboxProtocol.SignatureAlgorithm)
        {
            throw new ArgumentException("hosted mailbox requests are signed with ML-DSA-65", nameof(key));
        }

        _key = key;
        _publicKey = key.PublicKey;
    }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> message) => _key.Sign(message, ReadOnlySpan<byte>.Empty, deterministic: false);
}
