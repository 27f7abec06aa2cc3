using System;
using System.Buffers;
using System.Buffers.Binary;
using WotId.Core.Encoding;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Hosted;

/// <summary>Writes the fields of <c>/wotid/mailbox/1.0.0</c> frames (big-endian integers, varint length prefixes).</summary>
internal sealed class HostedWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public int Length => _buffer.WrittenCount;

    public void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void U16(int value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), checked((ushort)value));
        _buffer.Advance(2);
    }

    public void U64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void Raw(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void Address(IotaAddress address) => Raw(address.Span);

    public void LengthPrefixed(ReadOnlySpan<byte> bytes)
    {
        _buffer.Advance(Varint.Write((ulong)bytes.Length, _buffer.GetSpan(Varint.MaxLength)));
        Raw(bytes);
    }

    public void Text(string text) => LengthPrefixed(System.Text.Encoding.UTF8.GetBytes(text));

    public void OptionalText(string? text)
    {
        Byte(text is null ? (byte)0 : (byte)1);
        if (text is not null)
        {
            Text(text);
        }
    }

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
