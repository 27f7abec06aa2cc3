// Protocol Buffers wire format, proto2 and proto3 (https://protobuf.dev/programming-guides/encoding/).
//
// | rule                         | this reader                                                                  |
// |------------------------------|------------------------------------------------------------------------------|
// | varints                      | ≤ 10 bytes, non-minimal (padded) forms accepted, value must fit in 64 bits   |
// | field numbers                | 1 .. 2^29 − 1 ("Field Numbers" in the language guide); 0 or more is an error |
// | wire types                   | VARINT, I64, LEN, I32 read and skipped; 6 and 7 are errors                   |
// | groups (SGROUP/EGROUP)       | skipped as unknown fields, nested at most MaxGroupDepth deep (the recursion |
// |                              | limit of protobuf-C++ and prost is 100); a stray EGROUP is an error          |
// | LEN prefix                   | never beyond the end of the input                                            |
// | message length               | at most the limit given to the constructor (default 64 MiB)                  |
// | int32/uint32 from a varint   | truncated to 32 bits, as the language guide's "cast in C++" rule says        |
// | unknown fields               | the caller calls Skip for numbers it does not know                           |
//
// Embedded messages are read by opening a new reader over the bytes ReadBytes returns, so nesting depth is
// bounded by the caller's schema. Every failure is a ProtobufException with a ProtobufError.
using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace WotId.Core.Protobuf;

/// <summary>Forward-only reader of protobuf wire data over a span.</summary>
public ref struct ProtobufReader
{
    /// <summary>Default upper bound of a message (64 MiB, protobuf-C++'s historical default total-bytes limit).</summary>
    public const int DefaultMaxMessageLength = 64 * 1024 * 1024;

    /// <summary>Deepest nesting of groups that <see cref="Skip"/> walks through.</summary>
    public const int MaxGroupDepth = 100;

    /// <summary>Largest field number (2^29 − 1).</summary>
    public const int MaxFieldNumber = (1 << 29) - 1;

    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _lastField;

    /// <summary>Starts reading <paramref name="data"/>, which may be at most <paramref name="maxMessageLength"/> bytes.</summary>
    /// <exception cref="ProtobufException"><see cref="ProtobufError.MessageTooLong"/>.</exception>
    public ProtobufReader(ReadOnlySpan<byte> data, int maxMessageLength = DefaultMaxMessageLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxMessageLength);
        if (data.Length > maxMessageLength)
        {
            throw new ProtobufException(ProtobufError.MessageTooLong, "protobuf message longer than " + maxMessageLength + " bytes");
        }

        _data = data;
        _position = 0;
        _lastField = 0;
    }

    /// <summary>True when every byte has been read.</summary>
    public readonly bool End => _position >= _data.Length;

    /// <summary>Bytes read so far.</summary>
    public readonly int Position => _position;

    /// <summary>
    /// Reads the next field key; false at the end of the input. Throws on a bad field number, wire type 6 or 7,
    /// or an end-group key outside a group.
    /// </summary>
    /// <exception cref="ProtobufException">The key is malformed.</exception>
    public bool TryReadTag(out int field, out WireType wireType)
    {
        if (End)
        {
            field = 0;
            wireType = WireType.Varint;
            return false;
        }

        ReadKey(out field, out wireType);
        if (wireType == WireType.EndGroup)
        {
            throw new ProtobufException(ProtobufError.UnmatchedEndGroup, "end-group key outside a group");
        }

        _lastField = field;
        return true;
    }

    /// <summary>Reads a varint with no wire-type check.</summary>
    /// <exception cref="ProtobufException">Truncated or longer than 64 bits.</exception>
    public ulong ReadRawVarint()
    {
        OperationStatus status = ProtobufVarint.TryRead(_data[_position..], out ulong value, out int consumed);
        if (status == OperationStatus.Done)
        {
            _position += consumed;
            return value;
        }

        throw status == OperationStatus.NeedMoreData
            ? new ProtobufException(ProtobufError.Truncated, "truncated varint")
            : new ProtobufException(ProtobufError.VarintOverflow, "varint longer than 10 bytes or 64 bits");
    }

    /// <summary>Reads a uint64 (or any varint as 64 bits).</summary>
    public ulong ReadUInt64(WireType wireType)
    {
        Expect(wireType, WireType.Varint);
        return ReadRawVarint();
    }

    /// <summary>Reads a uint32; a larger varint is truncated to its low 32 bits.</summary>
    public uint ReadUInt32(WireType wireType) => unchecked((uint)ReadUInt64(wireType));

    /// <summary>Reads an int64 (two's complement varint).</summary>
    public long ReadInt64(WireType wireType) => unchecked((long)ReadUInt64(wireType));

    /// <summary>Reads an int32 or enum (negative values are 10-byte varints); truncated to 32 bits.</summary>
    public int ReadInt32(WireType wireType) => unchecked((int)ReadUInt64(wireType));

    /// <summary>Reads a sint64 (ZigZag).</summary>
    public long ReadSInt64(WireType wireType) => ProtobufVarint.ZigZagDecode(ReadUInt64(wireType));

    /// <summary>Reads a sint32 (ZigZag), truncated to 32 bits first.</summary>
    public int ReadSInt32(WireType wireType) => unchecked((int)ProtobufVarint.ZigZagDecode(ReadUInt32(wireType)));

    /// <summary>Reads a bool: any non-zero varint is true.</summary>
    public bool ReadBool(WireType wireType) => ReadUInt64(wireType) != 0;

    /// <summary>Reads a fixed64 (8 bytes, little-endian).</summary>
    public ulong ReadFixed64(WireType wireType)
    {
        Expect(wireType, WireType.Fixed64);
        return BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
    }

    /// <summary>Reads a fixed32 (4 bytes, little-endian).</summary>
    public uint ReadFixed32(WireType wireType)
    {
        Expect(wireType, WireType.Fixed32);
        return BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
    }

    /// <summary>Reads a bytes field or an embedded message; the span points into the input.</summary>
    /// <exception cref="ProtobufException">Wrong wire type, truncated prefix, or a length beyond the input.</exception>
    public ReadOnlySpan<byte> ReadBytes(WireType wireType)
    {
        Expect(wireType, WireType.LengthDelimited);
        ulong length = ReadRawVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new ProtobufException(ProtobufError.LengthBeyondInput, "length prefix beyond the end of the input");
        }

        ReadOnlySpan<byte> value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    /// <summary>Reads a string field (strict UTF-8).</summary>
    /// <exception cref="ProtobufException">As <see cref="ReadBytes"/>, or <see cref="ProtobufError.InvalidUtf8"/>.</exception>
    public string ReadString(WireType wireType)
    {
        ReadOnlySpan<byte> bytes = ReadBytes(wireType);
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (ArgumentException)
        {
            throw new ProtobufException(ProtobufError.InvalidUtf8, "protobuf string is not UTF-8");
        }
    }

    /// <summary>
    /// Skips the value of the field whose key <see cref="TryReadTag"/> just returned (an unknown field). A group
    /// is skipped up to its matching end-group key.
    /// </summary>
    /// <exception cref="ProtobufException">The value is truncated or malformed.</exception>
    public void Skip(WireType wireType) => SkipValue(_lastField, wireType, 0);

    private void SkipValue(int field, WireType wireType, int depth)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadRawVarint();
                break;
            case WireType.Fixed64:
                Take(8);
                break;
            case WireType.LengthDelimited:
                ReadBytes(wireType);
                break;
            case WireType.Fixed32:
                Take(4);
                break;
            case WireType.StartGroup:
                SkipGroup(field, depth + 1);
                break;
            case WireType.EndGroup:
                throw new ProtobufException(ProtobufError.UnmatchedEndGroup, "end-group key outside a group");
            default:
                throw new ProtobufException(ProtobufError.InvalidWireType, "wire type " + (int)wireType + " is not defined");
        }
    }

    private void SkipGroup(int field, int depth)
    {
        if (depth > MaxGroupDepth)
        {
            throw new ProtobufException(ProtobufError.GroupTooDeep, "groups nested deeper than " + MaxGroupDepth);
        }

        while (true)
        {
            if (End)
            {
                throw new ProtobufException(ProtobufError.Truncated, "input ends inside a group");
            }

            ReadKey(out int inner, out WireType wireType);
            if (wireType == WireType.EndGroup)
            {
                if (inner != field)
                {
                    throw new ProtobufException(ProtobufError.UnmatchedEndGroup, "end-group key does not match its group");
                }

                return;
            }

            SkipValue(inner, wireType, depth);
        }
    }

    private void ReadKey(out int field, out WireType wireType)
    {
        ulong key = ReadRawVarint();
        ulong number = key >> 3;
        if (number is 0 or > MaxFieldNumber)
        {
            throw new ProtobufException(ProtobufError.InvalidFieldNumber, "field number outside 1..2^29-1");
        }

        int type = (int)(key & 7);
        if (type > (int)WireType.Fixed32)
        {
            throw new ProtobufException(ProtobufError.InvalidWireType, "wire type " + type + " is not defined");
        }

        field = (int)number;
        wireType = (WireType)type;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_data.Length - _position < count)
        {
            throw new ProtobufException(ProtobufError.Truncated, "truncated fixed-width value");
        }

        ReadOnlySpan<byte> value = _data.Slice(_position, count);
        _position += count;
        return value;
    }

    private static void Expect(WireType actual, WireType expected)
    {
        if (actual != expected)
        {
            throw new ProtobufException(ProtobufError.UnexpectedWireType, "wire type " + (int)actual + ", expected " + (int)expected);
        }
    }
}
