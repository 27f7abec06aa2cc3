// libp2p/specs kad-dht/README.md "Distance": the Kademlia key of any byte string (a peer id multihash, a record key)
// is its SHA-256; distance is the XOR of two keys read as a 256-bit big-endian integer.
using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>A 256-bit Kademlia key (or distance), held as four big-endian words for fast XOR and comparison.</summary>
internal readonly struct KadKey : IEquatable<KadKey>, IComparable<KadKey>
{
    public const int Bits = 256;

    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    private KadKey(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>The key of <paramref name="data"/>: its SHA-256.</summary>
    public static KadKey FromData(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        return FromHash(hash);
    }

    /// <summary>The key of a peer: SHA-256 of its peer-id multihash bytes.</summary>
    public static KadKey ForPeer(PeerId peer) => FromData(peer.Bytes.Span);

    /// <summary>A key from 32 hash bytes taken as they are.</summary>
    public static KadKey FromHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 32)
        {
            throw new ArgumentException("a Kademlia key is 32 bytes", nameof(hash));
        }

        return new KadKey(
            BinaryPrimitives.ReadUInt64BigEndian(hash),
            BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(hash[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));
    }

    /// <summary>The XOR distance to <paramref name="other"/>.</summary>
    public KadKey Xor(KadKey other) => new(_w0 ^ other._w0, _w1 ^ other._w1, _w2 ^ other._w2, _w3 ^ other._w3);

    /// <summary>Number of leading zero bits (256 for the zero key).</summary>
    public int LeadingZeros()
    {
        if (_w0 != 0)
        {
            return BitOperations.LeadingZeroCount(_w0);
        }

        if (_w1 != 0)
        {
            return 64 + BitOperations.LeadingZeroCount(_w1);
        }

        if (_w2 != 0)
        {
            return 128 + BitOperations.LeadingZeroCount(_w2);
        }

        return _w3 != 0 ? 192 + BitOperations.LeadingZeroCount(_w3) : Bits;
    }

    /// <summary>Length of the common prefix with <paramref name="other"/> (the bucket index, 0 = farthest half).</summary>
    public int CommonPrefixLength(KadKey other) => Xor(other).LeadingZeros();

    /// <summary>Compares two keys as unsigned 256-bit integers (for distances: nearer first).</summary>
    public int CompareTo(KadKey other)
    {
        int c = _w0.CompareTo(other._w0);
        if (c != 0)
        {
            return c;
        }

        c = _w1.CompareTo(other._w1);
        if (c != 0)
        {
            return c;
        }

        c = _w2.CompareTo(other._w2);
        return c != 0 ? c : _w3.CompareTo(other._w3);
    }

    public bool Equals(KadKey other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    public override bool Equals(object? obj) => obj is KadKey k && Equals(k);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    public override string ToString() => $"{_w0:x16}{_w1:x16}{_w2:x16}{_w3:x16}";
}
