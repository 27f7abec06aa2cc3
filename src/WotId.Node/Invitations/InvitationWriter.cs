// Writes the binary form of an invitation, field by field as tabled in docs/node.md "Invitations".
// Lengths are multiformats unsigned varints (minimal), times are big-endian signed 64-bit Unix seconds.
using System;
using System.Buffers;
using System.Buffers.Binary;
using WotId.Core.Encoding;

namespace WotId.Node.Invitations;

/// <summary>An append-only buffer with the primitives of the invitation format.</summary>
internal sealed class InvitationWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(8192);

    public int Length => _buffer.WrittenCount;

    public void WriteByte(byte value) => _buffer.Write([value]);

    public void WriteRaw(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    /// <summary>varint(length) ‖ bytes.</summary>
    public void WriteLengthPrefixed(ReadOnlySpan<byte> bytes)
    {
        Span<byte> prefix = stackalloc byte[9];
        int n = Varint.Write((ulong)bytes.Length, prefix);
        _buffer.Write(prefix[..n]);
        _buffer.Write(bytes);
    }

    public void WriteInt64BigEndian(long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, value);
        _buffer.Write(b);
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
