// Reader for the serialized SPQR session state: every read is bounds-checked and fails with
// SpqrException(Malformed); nothing is allocated beyond what the input holds.

using System;
using System.Buffers.Binary;

namespace WotId.Signal.Spqr;

internal ref struct SpqrStateReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;

    public SpqrStateReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _offset = 0;
    }

    public readonly int Remaining => _data.Length - _offset;

    public byte ReadByte()
    {
        return Take(1)[0];
    }

    public bool ReadBool()
    {
        byte b = ReadByte();
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw Malformed("bad flag"),
        };
    }

    public ushort ReadUInt16()
    {
        return BinaryPrimitives.ReadUInt16BigEndian(Take(2));
    }

    public uint ReadUInt32()
    {
        return BinaryPrimitives.ReadUInt32BigEndian(Take(4));
    }

    public ulong ReadUInt64()
    {
        return BinaryPrimitives.ReadUInt64BigEndian(Take(8));
    }

    public byte[] ReadFixed(int length)
    {
        return Take(length).ToArray();
    }

    /// <summary>Reads a u32-length-prefixed byte string of at most <paramref name="maxLength"/> bytes.</summary>
    public byte[] ReadBytes(int maxLength)
    {
        uint length = ReadUInt32();
        if (length > (uint)maxLength || length > (uint)Remaining)
        {
            throw Malformed("bad length");
        }

        return Take((int)length).ToArray();
    }

    /// <summary>Reads a count whose items take at least <paramref name="minItemSize"/> bytes each.</summary>
    public int ReadCount(int max, int minItemSize)
    {
        uint count = ReadUInt32();
        if (count > (uint)max || (long)count * minItemSize > Remaining)
        {
            throw Malformed("bad count");
        }

        return (int)count;
    }

    public readonly void EnsureEnd()
    {
        if (_offset != _data.Length)
        {
            throw Malformed("trailing bytes");
        }
    }

    public static SpqrException Malformed(string detail)
    {
        return new SpqrException(SpqrError.Malformed, "state: " + detail);
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > Remaining)
        {
            throw Malformed("truncated");
        }

        ReadOnlySpan<byte> slice = _data.Slice(_offset, length);
        _offset += length;
        return slice;
    }
}
