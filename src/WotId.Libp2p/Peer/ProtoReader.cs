// Protocol Buffers wire format (protobuf.dev/programming-guides/encoding): the subset libp2p messages use
// (varint and length-delimited fields). Every method is bounds-checked and reports failure instead of throwing,
// so each caller can raise its own typed error.
using System;
using System.Buffers;
using WotId.Core.Encoding;

namespace WotId.Libp2p.Peer;

/// <summary>Forward-only reader of protobuf wire data.</summary>
internal ref struct ProtoReader
{
    public const int WireVarint = 0;
    public const int WireFixed64 = 1;
    public const int WireLengthDelimited = 2;
    public const int WireFixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool End => _position >= _data.Length;

    /// <summary>Reads a field key. False on a malformed key or a field number of 0 or above 2^29.</summary>
    public bool TryReadTag(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (!TryReadVarint(out ulong key) || key >> 3 == 0 || key >> 3 > 0x1FFF_FFFF)
        {
            return false;
        }

        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        return true;
    }

    public bool TryReadVarint(out ulong value)
    {
        OperationStatus status = Varint.TryRead(_data[_position..], out value, out int consumed);
        if (status != OperationStatus.Done)
        {
            return false;
        }

        _position += consumed;
        return true;
    }

    public bool TryReadBytes(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryReadVarint(out ulong length) || length > (ulong)(_data.Length - _position))
        {
            return false;
        }

        value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return true;
    }

    /// <summary>Skips the value of a field of <paramref name="wireType"/>. False for groups or truncation.</summary>
    public bool TrySkip(int wireType)
    {
        switch (wireType)
        {
            case WireVarint:
                return TryReadVarint(out _);
            case WireLengthDelimited:
                return TryReadBytes(out _);
            case WireFixed64:
                return TryAdvance(8);
            case WireFixed32:
                return TryAdvance(4);
            default:
                return false;
        }
    }

    private bool TryAdvance(int n)
    {
        if (_data.Length - _position < n)
        {
            return false;
        }

        _position += n;
        return true;
    }
}
