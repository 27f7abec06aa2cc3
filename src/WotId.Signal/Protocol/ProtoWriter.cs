// Minimal protobuf wire-format writer (https://protobuf.dev/programming-guides/encoding/). Fields are written
// in the order the caller gives (ascending, like prost); zero values are written when asked (proto2 presence).
using System;

namespace WotId.Signal.Protocol;

/// <summary>A growable protobuf writer.</summary>
internal sealed class ProtoWriter
{
    private byte[] _buffer;
    private int _length;

    internal ProtoWriter(int capacity = 128)
    {
        _buffer = new byte[Math.Max(16, capacity)];
    }

    internal int Length => _length;

    internal static int VarintLength(ulong value)
    {
        int n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }

        return n;
    }

    internal static int WriteVarint(ulong value, Span<byte> dest)
    {
        int i = 0;
        while (value >= 0x80)
        {
            dest[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        dest[i++] = (byte)value;
        return i;
    }

    internal void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    internal void WriteVarint(ulong value)
    {
        Ensure(10);
        _length += WriteVarint(value, _buffer.AsSpan(_length));
    }

    internal void WriteUInt64(int field, ulong value)
    {
        WriteVarint((ulong)field << 3);
        WriteVarint(value);
    }

    internal void WriteUInt32(int field, uint value) => WriteUInt64(field, value);

    internal void WriteBool(int field, bool value) => WriteUInt64(field, value ? 1UL : 0UL);

    internal void WriteFixed64(int field, ulong value)
    {
        WriteVarint(((ulong)field << 3) | 1);
        Ensure(8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    internal void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteVarint(((ulong)field << 3) | 2);
        WriteVarint((ulong)value.Length);
        WriteRaw(value);
    }

    internal ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    internal byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>Zeroes the buffer (used when it held secrets).</summary>
    internal void Clear()
    {
        Array.Clear(_buffer);
        _length = 0;
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            byte[] bigger = new byte[Math.Max(_buffer.Length * 2, _length + extra)];
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            Array.Clear(_buffer);
            _buffer = bigger;
        }
    }
}
