// Protocol Buffers encoding, "Base 128 Varints" (https://protobuf.dev/programming-guides/encoding/#varints):
// little-endian groups of 7 bits, the top bit of each byte set when more follow, at most 10 bytes for 64 bits.
// Unlike the multiformats unsigned-varint (Encoding/Varint.cs: ≤ 9 bytes, minimal only) a protobuf decoder must
// accept padded, non-minimal forms such as 80 00 for 0, as long as the whole varint is ≤ 10 bytes. The tenth
// byte can carry only bit 63, so it must be 00 or 01 (as prost's decode_varint and upb's varint decoder check).
using System;
using System.Buffers;

namespace WotId.Core.Protobuf;

/// <summary>Protobuf base-128 varints (≤ 10 bytes, non-minimal forms accepted on read).</summary>
public static class ProtobufVarint
{
    /// <summary>The longest varint (10 bytes carry 64 bits).</summary>
    public const int MaxLength = 10;

    /// <summary>Number of bytes the minimal encoding of <paramref name="value"/> takes (1..10).</summary>
    public static int GetLength(ulong value)
    {
        int n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }

        return n;
    }

    /// <summary>Writes the minimal encoding of <paramref name="value"/>; returns the bytes written.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="GetLength"/>.</exception>
    public static int Write(ulong value, Span<byte> destination)
    {
        if (destination.Length < GetLength(value))
        {
            throw new ArgumentException("destination too small for varint", nameof(destination));
        }

        int i = 0;
        while (value >= 0x80)
        {
            destination[i++] = unchecked((byte)(value | 0x80));
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>
    /// Reads one varint from the start of <paramref name="source"/>. <see cref="OperationStatus.NeedMoreData"/>
    /// when the input ends inside it; <see cref="OperationStatus.InvalidData"/> when it is longer than 10 bytes or
    /// its value does not fit in 64 bits.
    /// </summary>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        value = 0;
        consumed = 0;
        ulong result = 0;
        int limit = Math.Min(source.Length, MaxLength);
        for (int i = 0; i < limit; i++)
        {
            byte b = source[i];
            if (i == MaxLength - 1 && b > 1)
            {
                return OperationStatus.InvalidData;
            }

            result |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                value = result;
                consumed = i + 1;
                return OperationStatus.Done;
            }
        }

        return source.Length >= MaxLength ? OperationStatus.InvalidData : OperationStatus.NeedMoreData;
    }

    /// <summary>ZigZag-encodes a signed 64-bit value (sint64): 0, −1, 1, −2 → 0, 1, 2, 3.</summary>
    public static ulong ZigZagEncode(long value) => unchecked((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Inverse of <see cref="ZigZagEncode"/>.</summary>
    public static long ZigZagDecode(ulong value) => unchecked((long)(value >> 1) ^ -(long)(value & 1));
}
