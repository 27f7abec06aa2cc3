// Unsigned varint as specified by multiformats/unsigned-varint: LEB128, least significant group first,
// at most 9 bytes (63 bits of payload), minimal encoding required (no trailing 0x00 group).
using System;
using System.Buffers;

namespace WotId.Core.Encoding;

/// <summary>Multiformats unsigned varint (LEB128, ≤ 9 bytes, minimal).</summary>
public static class Varint
{
    /// <summary>The longest encoding accepted (9 bytes = 63 bits), per the multiformats spec.</summary>
    public const int MaxLength = 9;

    /// <summary>Largest value that fits the 9-byte limit.</summary>
    public const ulong MaxValue = (1UL << 63) - 1;

    /// <summary>Number of bytes needed to encode <paramref name="value"/>.</summary>
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

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value exceeds <see cref="MaxValue"/>.</exception>
    /// <exception cref="ArgumentException">The destination is too small.</exception>
    public static int Write(ulong value, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        int length = GetLength(value);
        if (destination.Length < length)
        {
            throw new ArgumentException("destination too small for varint", nameof(destination));
        }

        int i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Encodes <paramref name="value"/> into a new array.</summary>
    public static byte[] Encode(ulong value)
    {
        var buffer = new byte[GetLength(value)];
        Write(value, buffer);
        return buffer;
    }

    /// <summary>
    /// Reads a varint. Returns <see cref="OperationStatus.NeedMoreData"/> when the input ends inside the varint,
    /// <see cref="OperationStatus.InvalidData"/> when it is longer than 9 bytes or not minimally encoded.
    /// </summary>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        value = 0;
        consumed = 0;
        int shift = 0;
        for (int i = 0; i < source.Length; i++)
        {
            if (i >= MaxLength)
            {
                return OperationStatus.InvalidData;
            }

            byte b = source[i];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (b == 0 && i > 0)
                {
                    value = 0;
                    return OperationStatus.InvalidData;
                }

                consumed = i + 1;
                return OperationStatus.Done;
            }

            shift += 7;
        }

        value = 0;
        return source.Length >= MaxLength ? OperationStatus.InvalidData : OperationStatus.NeedMoreData;
    }

    /// <summary>Reads a complete varint.</summary>
    /// <exception cref="FormatException">Truncated, too long or not minimal.</exception>
    public static ulong Read(ReadOnlySpan<byte> source, out int consumed)
    {
        OperationStatus status = TryRead(source, out ulong value, out consumed);
        return status switch
        {
            OperationStatus.Done => value,
            OperationStatus.NeedMoreData => throw new FormatException("varint is truncated"),
            _ => throw new FormatException("varint is longer than 9 bytes or not minimally encoded"),
        };
    }
}
