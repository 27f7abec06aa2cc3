// Bounded reads of /wotid/mailbox/1.0.0 frames: every length is checked against the bytes left and a field limit
// before anything is allocated; any defect is a MailboxException with the reader's error code.
using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using WotId.Core.Encoding;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Hosted;

/// <summary>Reads the fields of a frame; throws <see cref="MailboxException"/> with <see cref="Error"/> on a defect.</summary>
internal ref struct HostedReader
{
    private static readonly UTF8Encoding s_strict = new(false, true);
    private readonly ReadOnlySpan<byte> _data;

    public HostedReader(ReadOnlySpan<byte> data, MailboxError error)
    {
        _data = data;
        Error = error;
        Position = 0;
    }

    public MailboxError Error { get; }

    public int Position { get; private set; }

    public readonly bool AtEnd => Position == _data.Length;

    public byte Byte(string field) => Take(1, field)[0];

    public bool Bool(string field) => Byte(field) switch
    {
        0 => false,
        1 => true,
        _ => throw Fail(field + " is not 0 or 1"),
    };

    public int U16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, field));

    public ulong U64(string field) => BinaryPrimitives.ReadUInt64BigEndian(Take(8, field));

    public IotaAddress Address(string field) => new(Take(IotaAddress.Length, field));

    public ReadOnlySpan<byte> Raw(int length, string field) => Take(length, field);

    public ReadOnlySpan<byte> LengthPrefixed(string field, int max)
    {
        OperationStatus status = Varint.TryRead(_data[Position..], out ulong length, out int consumed);
        if (status != OperationStatus.Done)
        {
            throw Fail(field + " length is not a minimal varint");
        }

        if (length > (ulong)max)
        {
            throw Fail($"{field} of {length} bytes exceeds {max}");
        }

        Position += consumed;
        return Take((int)length, field);
    }

    public string Text(string field, int maxBytes)
    {
        ReadOnlySpan<byte> bytes = LengthPrefixed(field, maxBytes);
        try
        {
            return s_strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Fail(field + " is not UTF-8");
        }
    }

    public string? OptionalText(string field, int maxBytes) => Bool(field + " flag") ? Text(field, maxBytes) : null;

    public readonly void End()
    {
        if (!AtEnd)
        {
            throw Fail("bytes after the end of the frame");
        }
    }

    public readonly MailboxException Fail(string message) => new(Error, message);

    private ReadOnlySpan<byte> Take(int length, string field)
    {
        if (length > _data.Length - Position)
        {
            throw Fail(field + " runs past the end of the frame");
        }

        ReadOnlySpan<byte> slice = _data.Slice(Position, length);
        Position += length;
        return slice;
    }
}
