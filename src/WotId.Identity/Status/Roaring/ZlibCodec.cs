// zlib (RFC 1950) around DEFLATE (RFC 1951) for the RevocationBitmap2022 endpoint, bounded on the way in.
// Why the encoder writes its own first block: IOTA Identity's decoder (identity_credential revocation_bitmap_2022/bitmap.rs,
// deserialize_compressed_base64) takes an endpoint whose base64url text does not start with "eJy" for the pre-1.0
// double-base64 form (identity.rs issue 1291), so a zlib stream must start 78 9C (level 6) and its first DEFLATE byte must
// have its two top bits 10. We emit a non-final fixed-Huffman block (RFC 1951 §3.2.6) holding the first byte as a literal
// (the Roaring cookie 0x3A, code 01101010, gives first byte 0xB2 → "eJy") and its end-of-block code, then an empty
// non-final stored block (§3.2.4: aligns to a byte boundary, LEN 0000, NLEN FFFF — what a zlib sync flush writes), then the
// raw DEFLATE of the remaining bytes as the library's compressor writes it, then the Adler-32 of all the bytes.
using System;
using System.IO;
using System.IO.Compression;

namespace WotId.Identity.Status.Roaring;

/// <summary>zlib compression with a fixed first block, and bounded decompression.</summary>
internal static class ZlibCodec
{
    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new ArgumentException("nothing to compress", nameof(data));
        }

        byte[] rest;
        using (var raw = new MemoryStream())
        {
            using (var deflate = new DeflateStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflate.Write(data[1..]);
            }

            rest = raw.ToArray();
        }

        var bits = new BitWriter(rest.Length + 16);
        bits.Write(0x78, 8);
        bits.Write(0x9C, 8);
        bits.Write(0, 1);                       // BFINAL = 0
        bits.Write(1, 2);                       // BTYPE = 01, fixed Huffman codes
        byte first = data[0];
        if (first < 144)
        {
            bits.WriteCode(0x30 + first, 8);    // literals 0–143: 00110000 … 10111111
        }
        else
        {
            bits.WriteCode(0x190 + first - 144, 9); // literals 144–255: 110010000 … 111111111
        }

        bits.WriteCode(0, 7);                   // end of block (256): 0000000
        bits.Write(0, 1);                       // BFINAL = 0
        bits.Write(0, 2);                       // BTYPE = 00, stored
        bits.AlignToByte();
        foreach (byte b in (ReadOnlySpan<byte>)[0x00, 0x00, 0xFF, 0xFF])
        {
            bits.Write(b, 8);
        }

        foreach (byte b in rest)
        {
            bits.Write(b, 8);
        }

        uint adler = Adler32(data);
        bits.Write((int)(adler >> 24), 8);
        bits.Write((int)((adler >> 16) & 0xFF), 8);
        bits.Write((int)((adler >> 8) & 0xFF), 8);
        bits.Write((int)(adler & 0xFF), 8);
        return bits.ToArray();
    }

    /// <summary>Inflates a zlib stream; refuses output over <paramref name="maxBytes"/>.</summary>
    /// <exception cref="IdentityFormatException">Not zlib, or too large.</exception>
    public static byte[] Decompress(byte[] compressed, int maxBytes)
    {
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = zlib.Read(buffer)) > 0)
            {
                if (output.Length + n > maxBytes)
                {
                    throw new IdentityFormatException(IdentityError.TooLarge, $"revocation bitmap larger than {maxBytes} bytes");
                }

                output.Write(buffer, 0, n);
            }

            return output.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // The runtime's ZLibException is an IOException: e.g. a header with FDICT set asks for a preset dictionary (found by AFL).
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "revocation bitmap is not valid zlib", ex);
        }
    }

    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        uint a = 1, b = 0;
        foreach (byte x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }

    /// <summary>LSB-first bit packing (RFC 1951 §3.1.1).</summary>
    private sealed class BitWriter(int capacity)
    {
        private readonly System.Collections.Generic.List<byte> _out = new(capacity);
        private int _acc;
        private int _count;

        public void Write(int value, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _acc |= ((value >> i) & 1) << _count;
                if (++_count == 8)
                {
                    _out.Add((byte)_acc);
                    _acc = 0;
                    _count = 0;
                }
            }
        }

        /// <summary>A Huffman code, most significant bit first.</summary>
        public void WriteCode(int code, int length)
        {
            for (int i = length - 1; i >= 0; i--)
            {
                Write((code >> i) & 1, 1);
            }
        }

        public void AlignToByte()
        {
            if (_count > 0)
            {
                Write(0, 8 - _count);
            }
        }

        public byte[] ToArray() => _out.ToArray();
    }
}
