// Binary Canonical Serialization (BCS), writer side.
// Spec: diem/bcs README ("Binary Canonical Serialization"), as used by IOTA (iotaledger/iota, @iota/bcs 1.6.0):
// fixed-width little-endian integers, ULEB128 lengths and enum tags, bool as 0/1, structs as concatenated fields.
using System;
using System.Buffers.Binary;
using System.Text;

namespace WotId.Mailbox.Bcs;

/// <summary>Appends BCS values to a growing buffer.</summary>
internal sealed class BcsWriter
{
    private byte[] _buffer;
    private int _length;

    public BcsWriter(int capacity = 256)
    {
        _buffer = new byte[Math.Max(16, capacity)];
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The written bytes (a view, valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>A copy of the written bytes.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void WriteU8(byte value) => Reserve(1)[0] = value;

    public void WriteBool(bool value) => WriteU8(value ? (byte)1 : (byte)0);

    public void WriteU16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);

    public void WriteU32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void WriteU64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void WriteU128(UInt128 value) => BinaryPrimitives.WriteUInt128LittleEndian(Reserve(16), value);

    /// <summary>A u256: 32 bytes little-endian; <paramref name="value"/> must be in 0..2^256-1.</summary>
    public void WriteU256(System.Numerics.BigInteger value)
    {
        Span<byte> span = Reserve(32);
        span.Clear();
        if (value.Sign < 0 || !value.TryWriteBytes(span, out _, isUnsigned: true, isBigEndian: false))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "u256 takes 0 to 2^256 - 1");
        }
    }

    /// <summary>ULEB128, used for sequence lengths and enum variant indexes (at most 2^32 - 1 in BCS).</summary>
    public void WriteUleb128(uint value)
    {
        while (value >= 0x80)
        {
            WriteU8((byte)(value | 0x80));
            value >>= 7;
        }

        WriteU8((byte)value);
    }

    /// <summary>Raw bytes with no length (fixed-size fields such as addresses).</summary>
    public void WriteFixed(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>A <c>vector&lt;u8&gt;</c>: ULEB128 length, then the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteUleb128((uint)bytes.Length);
        WriteFixed(bytes);
    }

    /// <summary>A UTF-8 string: ULEB128 byte length, then the bytes.</summary>
    public void WriteString(string value)
    {
        int n = Encoding.UTF8.GetByteCount(value);
        WriteUleb128((uint)n);
        Encoding.UTF8.GetBytes(value, Reserve(n));
    }

    private Span<byte> Reserve(int n)
    {
        if (_length + n > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + n));
        }

        Span<byte> span = _buffer.AsSpan(_length, n);
        _length += n;
        return span;
    }
}
