// Object and transaction digests: 32 bytes, BCS vector<u8> (0x20 prefix), Base58 (Bitcoin alphabet) in JSON.
using System;
using WotId.Core.Encoding;

namespace WotId.Mailbox.Types;

/// <summary>A 32-byte object or transaction digest.</summary>
public readonly struct ObjectDigest : IEquatable<ObjectDigest>
{
    /// <summary>Length in bytes.</summary>
    public const int Length = 32;

    private readonly byte[]? _bytes;

    /// <summary>Wraps a copy of 32 bytes.</summary>
    public ObjectDigest(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException("a digest is 32 bytes", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>The raw bytes.</summary>
    public ReadOnlySpan<byte> Span => _bytes ?? new byte[Length];

    /// <summary>Parses the Base58 form; throws <see cref="FormatException"/>.</summary>
    public static ObjectDigest Parse(string base58)
    {
        byte[] b = Base58.Decode(base58);
        return b.Length == Length ? new ObjectDigest(b) : throw new FormatException("a digest is 32 bytes");
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(ObjectDigest left, ObjectDigest right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ObjectDigest left, ObjectDigest right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ObjectDigest other) => Span.SequenceEqual(other.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ObjectDigest d && Equals(d);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(Span[..4]);

    /// <summary>The Base58 form.</summary>
    public override string ToString() => Base58.Encode(Span);
}
