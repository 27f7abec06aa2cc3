// SPQR varints (SparsePostQuantumRatchet src/v1/chunked/states/serialize.rs and newer src/lib.rs
// `encode_varint`/`decode_varint`): LEB128, up to 10 bytes, decoded exactly as the crate does (non-minimal
// encodings accepted, bits beyond 64 dropped).

using System;

namespace WotId.Signal.Spqr;

internal static class SpqrVarint
{
    public const int MaxLength = 10;

    public static int GetLength(ulong value)
    {
        int n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }

        return n;
    }

    public static int Write(ulong value, Span<byte> destination)
    {
        int i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(0x80 | (value & 0x7F));
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Reads a varint at <paramref name="offset"/>; false when the input ends or exceeds 10 bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, ref int offset, out ulong value)
    {
        value = 0;
        int start = offset;
        if (start >= source.Length)
        {
            return false;
        }

        int max = Math.Min(MaxLength, source.Length - start);
        for (int i = 0; i < max; i++)
        {
            byte b = source[start + i];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                offset = start + i + 1;
                return true;
            }
        }

        value = 0;
        return false;
    }
}
