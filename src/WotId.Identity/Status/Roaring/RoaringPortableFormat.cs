// The Roaring portable serialization (RoaringFormatSpec, github.com/RoaringBitmap/RoaringFormatSpec, README "Standard 32-bit
// Roaring Bitmap"), all integers little-endian:
//   cookie u32: 12346 (SERIAL_COOKIE_NO_RUNCONTAINER) followed by the container count u32, or
//               12347 (SERIAL_COOKIE) in the low 16 bits with count − 1 in the high 16 bits, followed by a bitset of
//               ⌈count / 8⌉ bytes marking run containers;
//   descriptive header: per container key u16 ‖ cardinality − 1 u16 (keys strictly increasing);
//   offset header: per container u32 — always after 12346, after 12347 only when count ≥ 4 (NO_OFFSET_THRESHOLD);
//   containers: run (n u16 ‖ n × (start u16 ‖ length − 1 u16)), array (cardinality ≤ 4,096: cardinality × u16
//               increasing) or bitset (cardinality > 4,096: 1,024 × u64).
// Writing always uses cookie 12346 with array and bitset containers, as roaring-rs 0.10 (IOTA Identity's
// identity_credential revocation_bitmap_2022/bitmap.rs) serializes. Reading is strict: the offsets are checked against
// the real positions, each container's declared cardinality must equal its content, runs must be sorted, disjoint and
// inside 0..65535, and no byte may follow the last container. Bound: MaxContainers containers.
using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;

namespace WotId.Identity.Status.Roaring;

/// <summary>Reads and writes the portable format; containers keyed by the high 16 bits.</summary>
internal static class RoaringPortableFormat
{
    public const uint CookieNoRuns = 12346;
    public const ushort CookieRuns = 12347;
    private const int NoOffsetThreshold = 4;

    /// <summary>Serializes with cookie 12346.</summary>
    public static byte[] Write(SortedDictionary<ushort, RoaringContainer> containers)
    {
        int n = containers.Count;
        using var stream = new MemoryStream();
        Span<byte> b = stackalloc byte[8];
        Put32(stream, b, CookieNoRuns);
        Put32(stream, b, (uint)n);
        foreach ((ushort key, RoaringContainer c) in containers)
        {
            Put16(stream, b, key);
            Put16(stream, b, (ushort)(c.Cardinality - 1));
        }

        uint offset = (uint)(8 + (8 * n));
        foreach (RoaringContainer c in containers.Values)
        {
            Put32(stream, b, offset);
            offset += (uint)(c.IsArray ? 2 * c.Cardinality : RoaringContainer.BitsetWords * 8);
        }

        foreach (RoaringContainer c in containers.Values)
        {
            if (c.IsArray)
            {
                foreach (ushort v in c.Values())
                {
                    Put16(stream, b, v);
                }
            }
            else
            {
                foreach (ulong w in c.Bitset)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(b, w);
                    stream.Write(b[..8]);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Parses a serialized bitmap.</summary>
    /// <exception cref="IdentityFormatException">Malformed or over <paramref name="maxContainers"/> containers.</exception>
    public static SortedDictionary<ushort, RoaringContainer> Read(ReadOnlySpan<byte> data, int maxContainers)
    {
        int pos = 0;
        uint cookie = U32(data, ref pos);
        int count;
        ReadOnlySpan<byte> runFlags = default;
        bool hasOffsets;
        if ((cookie & 0xFFFF) == CookieRuns)
        {
            count = (int)(cookie >> 16) + 1;
            Check(count <= maxContainers, IdentityError.TooLarge, "too many Roaring containers");
            runFlags = Take(data, ref pos, (count + 7) / 8);
            hasOffsets = count >= NoOffsetThreshold;
        }
        else
        {
            Check(cookie == CookieNoRuns, IdentityError.MalformedStatusList, "unknown Roaring cookie");
            uint size = U32(data, ref pos);
            Check(size <= (uint)maxContainers, IdentityError.TooLarge, "too many Roaring containers");
            count = (int)size;
            hasOffsets = true;
        }

        var keys = new ushort[count];
        var cardinalities = new int[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = U16(data, ref pos);
            cardinalities[i] = U16(data, ref pos) + 1;
            Check(i == 0 || keys[i] > keys[i - 1], IdentityError.MalformedStatusList, "Roaring keys not strictly increasing");
        }

        var offsets = new uint[hasOffsets ? count : 0];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = U32(data, ref pos);
        }

        var result = new SortedDictionary<ushort, RoaringContainer>();
        for (int i = 0; i < count; i++)
        {
            Check(!hasOffsets || offsets[i] == (uint)pos, IdentityError.MalformedStatusList, "Roaring offset header does not match");
            bool run = !runFlags.IsEmpty && (runFlags[i >> 3] & (1 << (i & 7))) != 0;
            RoaringContainer c = run ? ReadRuns(data, ref pos)
                : cardinalities[i] <= RoaringContainer.ArrayLimit ? ReadArray(data, ref pos, cardinalities[i])
                : ReadBitset(data, ref pos);
            Check(c.Cardinality == cardinalities[i], IdentityError.MalformedStatusList, "Roaring container cardinality does not match its header");
            result.Add(keys[i], c);
        }

        Check(pos == data.Length, IdentityError.MalformedStatusList, "bytes after the last Roaring container");
        return result;
    }

    private static RoaringContainer ReadArray(ReadOnlySpan<byte> data, ref int pos, int cardinality)
    {
        var values = new List<ushort>(cardinality);
        for (int j = 0; j < cardinality; j++)
        {
            ushort v = U16(data, ref pos);
            Check(j == 0 || v > values[j - 1], IdentityError.MalformedStatusList, "Roaring array container not strictly increasing");
            values.Add(v);
        }

        return RoaringContainer.FromSorted(values);
    }

    private static RoaringContainer ReadBitset(ReadOnlySpan<byte> data, ref int pos)
    {
        ReadOnlySpan<byte> bytes = Take(data, ref pos, RoaringContainer.BitsetWords * 8);
        var words = new ulong[RoaringContainer.BitsetWords];
        for (int w = 0; w < words.Length; w++)
        {
            words[w] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(w * 8)..]);
        }

        return RoaringContainer.FromBitset(words);
    }

    private static RoaringContainer ReadRuns(ReadOnlySpan<byte> data, ref int pos)
    {
        int runs = U16(data, ref pos);
        var words = new ulong[RoaringContainer.BitsetWords];
        int next = 0;
        for (int r = 0; r < runs; r++)
        {
            int start = U16(data, ref pos);
            int end = start + U16(data, ref pos);
            Check(start >= next && end <= ushort.MaxValue, IdentityError.MalformedStatusList, "Roaring runs overlap, are unsorted or pass 65535");
            for (int v = start; v <= end; v++)
            {
                words[v >> 6] |= 1UL << (v & 63);
            }

            next = end + 1;
        }

        return RoaringContainer.FromBitset(words);
    }

    private static void Check(bool ok, IdentityError error, string message)
    {
        if (!ok)
        {
            throw new IdentityFormatException(error, message);
        }
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, scoped ref int pos, int length)
    {
        Check(length <= data.Length - pos, IdentityError.MalformedStatusList, "Roaring bitmap truncated");
        ReadOnlySpan<byte> s = data.Slice(pos, length);
        pos += length;
        return s;
    }

    private static ushort U16(ReadOnlySpan<byte> data, ref int pos) => BinaryPrimitives.ReadUInt16LittleEndian(Take(data, ref pos, 2));

    private static uint U32(ReadOnlySpan<byte> data, ref int pos) => BinaryPrimitives.ReadUInt32LittleEndian(Take(data, ref pos, 4));

    private static void Put16(Stream s, Span<byte> b, ushort v)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        s.Write(b[..2]);
    }

    private static void Put32(Stream s, Span<byte> b, uint v)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        s.Write(b[..4]);
    }
}
