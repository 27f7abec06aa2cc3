// Protocol Buffers wire format (https://protobuf.dev/programming-guides/encoding/): a deterministic encoder.
// Fields are written in the order the caller gives (libsignal's prost and js-libp2p's protons both write in
// ascending field order, and Signal MACs the exact bytes, so callers keep that order); varints are minimal;
// a value is written whenever the caller asks (proto2 presence), including zero.
using System;
using System.Buffers.Binary;

namespace WotId.Core.Protobuf;

/// <summary>A growable protobuf writer. Buffers it outgrows are zeroed, and <see cref="Clear"/> zeroes the rest.</summary>
public sealed class ProtobufWriter
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer with room for <paramref name="initialCapacity"/> bytes.</summary>
    public ProtobufWriter(int initialCapacity = 128)
    {
        _buffer = new byte[Math.Max(16, initialCapacity)];
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>Zeroes the buffer and starts over (for writers that held secrets).</summary>
    public void Clear()
    {
        Array.Clear(_buffer);
        _length = 0;
    }

    /// <summary>Writes a field key.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The field number is outside 1..2^29 − 1.</exception>
    public void WriteTag(int field, WireType wireType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(field, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(field, ProtobufReader.MaxFieldNumber);
        WriteRawVarint(((ulong)field << 3) | (ulong)wireType);
    }

    /// <summary>Writes a bare varint (no key).</summary>
    public void WriteRawVarint(ulong value)
    {
        Ensure(ProtobufVarint.MaxLength);
        _length += ProtobufVarint.Write(value, _buffer.AsSpan(_length));
    }

    /// <summary>Writes bytes as they are (no key, no length).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Writes a uint64 field.</summary>
    public void WriteUInt64(int field, ulong value)
    {
        WriteTag(field, WireType.Varint);
        WriteRawVarint(value);
    }

    /// <summary>Writes a uint32 field.</summary>
    public void WriteUInt32(int field, uint value) => WriteUInt64(field, value);

    /// <summary>Writes an int64 field (negative values take 10 bytes).</summary>
    public void WriteInt64(int field, long value) => WriteUInt64(field, unchecked((ulong)value));

    /// <summary>Writes an int32 or enum field (negative values are sign-extended to 10 bytes).</summary>
    public void WriteInt32(int field, int value) => WriteInt64(field, value);

    /// <summary>Writes a sint64 field (ZigZag).</summary>
    public void WriteSInt64(int field, long value) => WriteUInt64(field, ProtobufVarint.ZigZagEncode(value));

    /// <summary>Writes a sint32 field (ZigZag).</summary>
    public void WriteSInt32(int field, int value) => WriteSInt64(field, value);

    /// <summary>Writes a bool field (1 or 0).</summary>
    public void WriteBool(int field, bool value) => WriteUInt64(field, value ? 1UL : 0UL);

    /// <summary>Writes a fixed64 field.</summary>
    public void WriteFixed64(int field, ulong value)
    {
        WriteTag(field, WireType.Fixed64);
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Writes a fixed32 field.</summary>
    public void WriteFixed32(int field, uint value)
    {
        WriteTag(field, WireType.Fixed32);
        Ensure(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>Writes a bytes field or an embedded message (its encoded bytes).</summary>
    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, WireType.LengthDelimited);
        WriteRawVarint((ulong)value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes a string field as UTF-8.</summary>
    public void WriteString(int field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteTag(field, WireType.LengthDelimited);
        int count = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteRawVarint((ulong)count);
        Ensure(count);
        _length += System.Text.Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    private void Ensure(int extra)
    {
        if (extra > _buffer.Length - _length)
        {
            int wanted = checked(_length + extra);
            int doubled = (int)Math.Min(2L * _buffer.Length, Array.MaxLength);
            byte[] bigger = new byte[Math.Max(doubled, wanted)];
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            Array.Clear(_buffer);
            _buffer = bigger;
        }
    }
}
