// Binary Canonical Serialization (BCS), reader side. Spec: diem/bcs README. Every read is bounds-checked and
// every failure is a BcsFormatException with a BcsError code; ULEB128 must be minimal and fit in u32 (BCS rule).
using System;
using System.Buffers.Binary;
using System.Text;

namespace WotId.Mailbox.Bcs;

/// <summary>Reads BCS values from a span, refusing anything malformed.</summary>
internal ref struct BcsReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public BcsReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Current offset.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _data.Length - _position;

    public byte ReadU8() => Take(1)[0];

    public bool ReadBool()
    {
        byte b = ReadU8();
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw Fail(BcsError.InvalidBool, "bool byte " + b),
        };
    }

    public ushort ReadU16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint ReadU32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong ReadU64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public UInt128 ReadU128() => BinaryPrimitives.ReadUInt128LittleEndian(Take(16));

    public uint ReadUleb128()
    {
        ulong value = 0;
        int start = _position;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = ReadU8();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (value > uint.MaxValue || (b == 0 && shift > 0))
                {
                    _position = start;
                    throw Fail(BcsError.InvalidUleb128, "non-canonical or oversized ULEB128");
                }

                return (uint)value;
            }
        }

        _position = start;
        throw Fail(BcsError.InvalidUleb128, "ULEB128 longer than 5 bytes");
    }

    /// <summary>A sequence length, bounded by <paramref name="max"/> and by the bytes left (each element is at least <paramref name="minElementSize"/> bytes).</summary>
    public int ReadLength(int max, int minElementSize = 1)
    {
        int start = _position;
        uint n = ReadUleb128();
        if (n > (uint)max || (minElementSize > 0 && n > (uint)(Remaining / minElementSize)))
        {
            _position = start;
            throw Fail(BcsError.LengthOutOfRange, $"length {n} (max {max}, {Remaining} bytes left)");
        }

        return (int)n;
    }

    /// <summary>An enum variant index below <paramref name="variantCount"/>.</summary>
    public int ReadVariant(int variantCount, string enumName)
    {
        int start = _position;
        uint v = ReadUleb128();
        if (v >= (uint)variantCount)
        {
            _position = start;
            throw Fail(BcsError.UnknownVariant, $"{enumName} variant {v}");
        }

        return (int)v;
    }

    public ReadOnlySpan<byte> ReadFixed(int n) => Take(n);

    public byte[] ReadBytes(int max) => Take(ReadLength(max)).ToArray();

    public string ReadString(int max)
    {
        int start = _position;
        ReadOnlySpan<byte> bytes = Take(ReadLength(max));
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            _position = start;
            throw Fail(BcsError.InvalidString, "invalid UTF-8");
        }
    }

    /// <summary>Throws unless all input was consumed.</summary>
    public readonly void EnsureEnd()
    {
        if (Remaining != 0)
        {
            throw Fail(BcsError.TrailingBytes, Remaining + " bytes left over");
        }
    }

    public readonly BcsFormatException Fail(BcsError error, string detail) => new(error, _position, detail);

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n < 0 || n > Remaining)
        {
            throw Fail(BcsError.Truncated, $"need {n} bytes, {Remaining} left");
        }

        ReadOnlySpan<byte> s = _data.Slice(_position, n);
        _position += n;
        return s;
    }
}
