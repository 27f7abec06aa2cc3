// Multihash (multiformats/multihash): varint(code) ‖ varint(digest length) ‖ digest.
using System;

namespace WotId.Core.Encoding;

/// <summary>Self-describing hash values.</summary>
public static class Multihash
{
    /// <summary>The identity "hash" (libp2p peer ids of small keys).</summary>
    public const ulong Identity = 0x00;

    /// <summary>SHA2-256.</summary>
    public const ulong Sha2_256 = 0x12;

    /// <summary>Longest digest accepted when decoding.</summary>
    public const int MaxDigestLength = 4096;

    /// <summary>Encodes a multihash.</summary>
    public static byte[] Encode(ulong code, ReadOnlySpan<byte> digest)
    {
        if (digest.Length > MaxDigestLength)
        {
            throw new ArgumentException("digest too long", nameof(digest));
        }

        int a = Varint.GetLength(code);
        int b = Varint.GetLength((ulong)digest.Length);
        var result = new byte[a + b + digest.Length];
        Varint.Write(code, result);
        Varint.Write((ulong)digest.Length, result.AsSpan(a));
        digest.CopyTo(result.AsSpan(a + b));
        return result;
    }

    /// <summary>Decodes a multihash that fills all of <paramref name="data"/>.</summary>
    /// <exception cref="FormatException">Bad varints, a length that does not match, or trailing bytes.</exception>
    public static (ulong Code, byte[] Digest) Decode(ReadOnlySpan<byte> data)
    {
        ulong code = Varint.Read(data, out int a);
        ulong length = Varint.Read(data[a..], out int b);
        if (length > MaxDigestLength || (ulong)(data.Length - a - b) != length)
        {
            throw new FormatException("multihash digest length does not match");
        }

        return (code, data[(a + b)..].ToArray());
    }
}
