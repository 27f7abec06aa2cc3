// Trust Spanning Protocol with ML-DSA-65 (FIPS 204) signatures as the Rust SDK makes them: pure ML-DSA, empty context,
// deterministic (rnd = 0^32), so both implementations produce identical signatures from the same key.
using System;
using WotId.Crypto;

namespace WotId.Tsp.Wire;

/// <summary>Signs TSP messages with an ML-DSA-65 key. Does not own the key: the caller disposes it.</summary>
public sealed class TspMLDsa65Signer : ITspSigner
{
    private readonly MLDsaPrivateKey _key;

    /// <summary>Wraps an ML-DSA-65 private key.</summary>
    public TspMLDsa65Signer(MLDsaPrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != MLDsaAlgorithm.MLDsa65)
        {
            throw new ArgumentException("TSP signatures use ML-DSA-65", nameof(key));
        }

        _key = key;
    }

    /// <inheritdoc />
    public TspSignatureAlgorithm Algorithm => TspSignatureAlgorithm.MLDsa65;

    /// <inheritdoc />
    public ReadOnlySpan<byte> PublicKey => _key.PublicKeySpan;

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> data) => _key.Sign(data, ReadOnlySpan<byte>.Empty, deterministic: true);
}
