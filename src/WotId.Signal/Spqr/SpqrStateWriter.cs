// Serialized SPQR session state (project format, not the crate's protobuf: the state never leaves this
// process's storage). Big-endian integers, length-checked on read by SpqrStateReader.

using System;
using System.Buffers;
using System.Buffers.Binary;

namespace WotId.Signal.Spqr;

internal sealed class SpqrStateWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteBool(bool value)
    {
        WriteByte(value ? (byte)1 : (byte)0);
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    /// <summary>Writes bytes whose length the reader knows (fixed-size fields).</summary>
    public void WriteFixed(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
    }

    /// <summary>Writes a u32 length prefix and the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteUInt32((uint)bytes.Length);
        _buffer.Write(bytes);
    }

    public byte[] ToArray()
    {
        return _buffer.WrittenSpan.ToArray();
    }
}
