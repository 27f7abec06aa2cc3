// TSP signatures with the node's did:key signing key: pure ML-DSA-65, empty context, deterministic, like
// TspMLDsa65Signer (the Rust SDK's layout), but over a SigningKey that stays owned by the caller.
using System;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Tsp.Wire;

namespace WotId.Node.Handshake;

/// <summary>Signs TSP messages with an ML-DSA-65 <see cref="SigningKey"/>.</summary>
internal sealed class SigningKeyTspSigner : ITspSigner
{
    private readonly SigningKey _key;

    public SigningKeyTspSigner(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != KeyAlgorithm.MLDsa65)
        {
            throw new ArgumentException("TSP signatures use ML-DSA-65", nameof(key));
        }

        _key = key;
    }

    public TspSignatureAlgorithm Algorithm => TspSignatureAlgorithm.MLDsa65;

    public ReadOnlySpan<byte> PublicKey => _key.PublicKey.Key;

    public byte[] Sign(ReadOnlySpan<byte> data) => _key.Sign(data, deterministic: true);
}
