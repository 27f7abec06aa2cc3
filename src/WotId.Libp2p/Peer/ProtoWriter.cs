// Protocol Buffers wire format (protobuf.dev/programming-guides/encoding): deterministic encoder for the
// varint and length-delimited fields libp2p messages use (fields written in the order the caller gives).
using System;
using System.Buffers;
using System.Text;
using WotId.Core.Encoding;

namespace WotId.Libp2p.Peer;

/// <summary>Growable protobuf writer.</summary>
internal sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public ProtoWriter(int initialCapacity = 128)
    {
        _buffer = new ArrayBufferWriter<byte>(initialCapacity);
    }

    public int Length => _buffer.WrittenCount;

    public void WriteVarintField(int field, ulong value)
    {
        WriteVarint(((ulong)field << 3) | ProtoReader.WireVarint);
        WriteVarint(value);
    }

    public void WriteBytesField(int field, ReadOnlySpan<byte> value)
    {
        WriteVarint(((ulong)field << 3) | ProtoReader.WireLengthDelimited);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    public void WriteStringField(int field, string value)
    {
        WriteBytesField(field, Encoding.UTF8.GetBytes(value));
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private void WriteVarint(ulong value)
    {
        Span<byte> span = _buffer.GetSpan(Varint.MaxLength);
        _buffer.Advance(Varint.Write(value, span));
    }
}
