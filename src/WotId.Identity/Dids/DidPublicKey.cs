using System;

namespace WotId.Identity.Dids;

/// <summary>A public key with its algorithm, as carried by a Multikey or a did:key.</summary>
public sealed class DidPublicKey
{
    private readonly byte[] _key;

    /// <summary>Creates the key; the length must match the algorithm.</summary>
    /// <exception cref="IdentityFormatException">Wrong length.</exception>
    public DidPublicKey(KeyAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyAlgorithms.PublicKeySize(algorithm))
        {
            throw new IdentityFormatException(IdentityError.WrongKeyLength, $"{algorithm} public key must be {KeyAlgorithms.PublicKeySize(algorithm)} bytes, got {key.Length}");
        }

        Algorithm = algorithm;
        _key = key.ToArray();
    }

    /// <summary>The algorithm.</summary>
    public KeyAlgorithm Algorithm { get; }

    /// <summary>The raw public key bytes.</summary>
    public ReadOnlySpan<byte> Key => _key;

    /// <summary>True when both keys have the same algorithm and bytes.</summary>
    public bool SameAs(DidPublicKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Algorithm == Algorithm && other.Key.SequenceEqual(_key);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm} public key ({_key.Length} bytes)";
}
