// Reads the primitives of the invitation format with explicit bounds: every length is checked against its
// limit before any byte is copied, and running out of input is MalformedEncoding.
using System;
using System.Buffers;
using System.Buffers.Binary;
using WotId.Core.Encoding;

namespace WotId.Node.Invitations;

/// <summary>A bounded cursor over the binary form of an invitation.</summary>
internal ref struct InvitationReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public InvitationReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly bool AtEnd => _position == _data.Length;

    public byte ReadByte(string field)
    {
        if (_position >= _data.Length)
        {
            throw Truncated(field);
        }

        return _data[_position++];
    }

    /// <summary>varint(length) ‖ bytes with <paramref name="min"/> ≤ length ≤ <paramref name="max"/>.</summary>
    public ReadOnlySpan<byte> ReadLengthPrefixed(string field, int min, int max)
    {
        OperationStatus status = Varint.TryRead(_data[_position..], out ulong length, out int consumed);
        if (status == OperationStatus.NeedMoreData)
        {
            throw Truncated(field);
        }

        if (status != OperationStatus.Done)
        {
            throw new InvitationException(InvitationError.NonCanonical, field + ": length is not a minimal varint");
        }

        if (length > (ulong)max)
        {
            throw new InvitationException(InvitationError.FieldTooLarge, $"{field}: {length} bytes exceeds the limit of {max}");
        }

        if (length < (ulong)min)
        {
            throw new InvitationException(InvitationError.MalformedEncoding, $"{field}: shorter than {min} bytes");
        }

        _position += consumed;
        return ReadRaw(field, (int)length);
    }

    public ReadOnlySpan<byte> ReadRaw(string field, int length)
    {
        if (_data.Length - _position < length)
        {
            throw Truncated(field);
        }

        ReadOnlySpan<byte> result = _data.Slice(_position, length);
        _position += length;
        return result;
    }

    public long ReadInt64BigEndian(string field) => BinaryPrimitives.ReadInt64BigEndian(ReadRaw(field, 8));

    private static InvitationException Truncated(string field) =>
        new(InvitationError.MalformedEncoding, field + ": input ends early");
}
