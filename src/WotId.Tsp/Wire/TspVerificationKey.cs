// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §2: a VID resolves to PK_s, the sender's verification key).
using System;

namespace WotId.Tsp.Wire;

/// <summary>A VID's signature verification key.</summary>
public sealed class TspVerificationKey
{
    private readonly byte[] _publicKey;

    /// <summary>Creates the key; the size must fit the algorithm (Ed25519 32 bytes, ML-DSA-65 1952 bytes).</summary>
    public TspVerificationKey(TspSignatureAlgorithm algorithm, ReadOnlySpan<byte> publicKey)
    {
        int expected = PublicKeySize(algorithm);
        if (publicKey.Length != expected)
        {
            throw new ArgumentException($"a {algorithm} public key has {expected} bytes, not {publicKey.Length}", nameof(publicKey));
        }

        Algorithm = algorithm;
        _publicKey = publicKey.ToArray();
    }

    /// <summary>The algorithm.</summary>
    public TspSignatureAlgorithm Algorithm { get; }

    /// <summary>The raw public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Public key size of an algorithm.</summary>
    public static int PublicKeySize(TspSignatureAlgorithm algorithm) => algorithm switch
    {
        TspSignatureAlgorithm.Ed25519 => 32,
        TspSignatureAlgorithm.MLDsa65 => 1952,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
