// Minimal protobuf (proto2/proto3) wire-format reader with explicit bounds, used by every Signal decoder
// (protobuf encoding spec: https://protobuf.dev/programming-guides/encoding/).
using System;

namespace WotId.Signal.Protocol;

/// <summary>
/// Reads protobuf fields from a span. Every malformed input gives <see cref="SignalProtocolException"/> with
/// <see cref="SignalError.InvalidEncoding"/>; nothing else is thrown.
/// </summary>
internal ref struct ProtoReader
{
    internal const int Varint = 0;
    internal const int Fixed64 = 1;
    internal const int LengthDelimited = 2;
    internal const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _pos;

    internal ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _pos = 0;
    }

    /// <summary>Reads the next tag; false at the end of the input.</summary>
    internal bool TryReadTag(out int field, out int wireType)
    {
        if (_pos >= _data.Length)
        {
            field = 0;
            wireType = 0;
            return false;
        }

        ulong key = ReadVarint();
        wireType = (int)(key & 7);
        ulong f = key >> 3;
        if (f == 0 || f > 536_870_911)
        {
            throw Bad("invalid field number");
        }

        field = (int)f;
        return true;
    }

    internal ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (_pos >= _data.Length)
            {
                throw Bad("truncated varint");
            }

            byte b = _data[_pos++];
            if (shift == 63 && b > 1)
            {
                throw Bad("varint overflow");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw Bad("varint too long");
    }

    internal uint ReadUInt32(int wireType)
    {
        Expect(wireType, Varint);
        ulong v = ReadVarint();
        if (v > uint.MaxValue)
        {
            throw Bad("uint32 out of range");
        }

        return (uint)v;
    }

    internal ulong ReadUInt64(int wireType)
    {
        Expect(wireType, Varint);
        return ReadVarint();
    }

    internal bool ReadBool(int wireType) => ReadUInt64(wireType) != 0;

    internal ulong ReadFixed64(int wireType)
    {
        Expect(wireType, Fixed64);
        if (_data.Length - _pos < 8)
        {
            throw Bad("truncated fixed64");
        }

        ulong v = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(_data.Slice(_pos, 8));
        _pos += 8;
        return v;
    }

    internal ReadOnlySpan<byte> ReadBytes(int wireType)
    {
        Expect(wireType, LengthDelimited);
        ulong len = ReadVarint();
        if (len > (ulong)(_data.Length - _pos))
        {
            throw Bad("length exceeds input");
        }

        ReadOnlySpan<byte> s = _data.Slice(_pos, (int)len);
        _pos += (int)len;
        return s;
    }

    /// <summary>Skips a field of an unknown number (groups are rejected).</summary>
    internal void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                ReadFixed64(wireType);
                break;
            case LengthDelimited:
                ReadBytes(wireType);
                break;
            case Fixed32:
                if (_data.Length - _pos < 4)
                {
                    throw Bad("truncated fixed32");
                }

                _pos += 4;
                break;
            default:
                throw Bad("unsupported wire type");
        }
    }

    internal static SignalProtocolException Bad(string what) =>
        new(SignalError.InvalidEncoding, "invalid protobuf: " + what);

    private static void Expect(int wireType, int expected)
    {
        if (wireType != expected)
        {
            throw Bad("unexpected wire type");
        }
    }
}
