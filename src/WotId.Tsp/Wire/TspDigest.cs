// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §7 "Relationship forming": the thread digest).
using System;
using System.Security.Cryptography;

namespace WotId.Tsp.Wire;

/// <summary>A 32-byte relationship digest and its algorithm.</summary>
public sealed class TspDigest : IEquatable<TspDigest>
{
    /// <summary>Digest size in bytes.</summary>
    public const int Size = 32;

    private readonly byte[] _value;

    /// <summary>Creates a digest.</summary>
    public TspDigest(TspDigestAlgorithm algorithm, ReadOnlySpan<byte> value)
    {
        if (value.Length != Size)
        {
            throw new ArgumentException("a TSP digest has 32 bytes", nameof(value));
        }

        if (algorithm is not (TspDigestAlgorithm.Sha256 or TspDigestAlgorithm.Blake2b256))
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm));
        }

        Algorithm = algorithm;
        _value = value.ToArray();
    }

    /// <summary>The hash algorithm.</summary>
    public TspDigestAlgorithm Algorithm { get; }

    /// <summary>The 32 bytes.</summary>
    public ReadOnlySpan<byte> Value => _value;

    /// <summary>The all-zero placeholder the SDK hashes before filling in the real digest.</summary>
    public static TspDigest Zero(TspDigestAlgorithm algorithm) => new(algorithm, new byte[Size]);

    /// <inheritdoc />
    public bool Equals(TspDigest? other) =>
        other is not null && other.Algorithm == Algorithm && CryptographicOperations.FixedTimeEquals(other._value, _value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TspDigest);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Algorithm, BitConverter.ToInt32(_value, 0));

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm}:{Convert.ToHexStringLower(_value)}";
}
