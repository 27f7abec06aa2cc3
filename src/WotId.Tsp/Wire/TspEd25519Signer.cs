// Trust Spanning Protocol with Ed25519 signatures (the Rust SDK's default signature type).
using System;
using WotId.Crypto;

namespace WotId.Tsp.Wire;

/// <summary>Signs TSP messages with an Ed25519 key. Does not own the key: the caller disposes it.</summary>
public sealed class TspEd25519Signer : ITspSigner
{
    private readonly Ed25519PrivateKey _key;

    /// <summary>Wraps an Ed25519 private key.</summary>
    public TspEd25519Signer(Ed25519PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <inheritdoc />
    public TspSignatureAlgorithm Algorithm => TspSignatureAlgorithm.Ed25519;

    /// <inheritdoc />
    public ReadOnlySpan<byte> PublicKey => _key.PublicKeySpan;

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> data) => _key.Sign(data);
}
