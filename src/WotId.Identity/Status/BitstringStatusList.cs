// Bitstring Status List v1.0 (W3C Rec 2025-05-15) §2.2 and §3.1: a bitstring of at least 131,072 entries
// (16 KiB); entry i is bit (0x80 >> i%8) of byte i/8 (index 0 = left-most bit); encodedList =
// multibase base64url ('u') of the GZIP-compressed bitstring. statusSize is 1 here.
// Status List 2021 (W3C WD 2023-04-27) §2.3 has the same bitstring and bit order but encodes it as plain base64 (RFC 4648
// §4, no multibase prefix) of the GZIP bytes; IOTA Identity writes it unpadded and reads either.
// Bounds on decode: 1 MiB of text, 16 MiB decompressed (a gzip bomb stops there).
using System;
using System.IO;
using System.IO.Compression;
using WotId.Core.Encoding;

namespace WotId.Identity.Status;

/// <summary>A one-bit-per-entry status bitstring.</summary>
public sealed class BitstringStatusList
{
    /// <summary>Minimum number of entries (spec §2.2: 16 KiB).</summary>
    public const int MinimumEntries = 131_072;

    /// <summary>Largest accepted encodedList text.</summary>
    public const int MaxEncodedLength = 1024 * 1024;

    /// <summary>Largest accepted decompressed bitstring.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private readonly byte[] _bits;

    private BitstringStatusList(byte[] bits)
    {
        _bits = bits;
    }

    /// <summary>Number of entries.</summary>
    public int Length => _bits.Length * 8;

    /// <summary>A list of <paramref name="entries"/> zero bits (a multiple of 8, at least <see cref="MinimumEntries"/>).</summary>
    public static BitstringStatusList Create(int entries = MinimumEntries)
    {
        if (entries < MinimumEntries || entries % 8 != 0 || entries / 8 > MaxBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(entries), "at least 131,072 entries, a multiple of 8");
        }

        return new BitstringStatusList(new byte[entries / 8]);
    }

    /// <summary>The bit at <paramref name="index"/>.</summary>
    public bool Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
        return (_bits[index >> 3] & (0x80 >> (index & 7))) != 0;
    }

    /// <summary>Sets or clears the bit at <paramref name="index"/>.</summary>
    public void Set(int index, bool value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
        if (value)
        {
            _bits[index >> 3] |= (byte)(0x80 >> (index & 7));
        }
        else
        {
            _bits[index >> 3] &= (byte)~(0x80 >> (index & 7));
        }
    }

    /// <summary>The <c>encodedList</c> value: <c>u</c> + base64url(GZIP(bitstring)).</summary>
    public string Encode() => Multibase.Encode(MultibaseEncoding.Base64Url, Gzip());

    private byte[] Gzip()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(_bits);
        }

        return output.ToArray();
    }

    /// <summary>The Status List 2021 <c>encodedList</c> value: base64(GZIP(bitstring)), unpadded.</summary>
    public string EncodeStatusList2021() => Convert.ToBase64String(Gzip()).TrimEnd('=');

    /// <summary>Decodes a Status List 2021 <c>encodedList</c> value (base64, padding optional).</summary>
    /// <exception cref="IdentityFormatException">Not base64, not GZIP, too large, or shorter than 16 KiB.</exception>
    public static BitstringStatusList DecodeStatusList2021(string encodedList)
    {
        ArgumentNullException.ThrowIfNull(encodedList);
        if (encodedList.Length > MaxEncodedLength)
        {
            throw new IdentityFormatException(IdentityError.TooLarge, "encodedList too long");
        }

        string padded = encodedList.Length % 4 == 0 ? encodedList : encodedList + new string('=', 4 - (encodedList.Length % 4));
        byte[] compressed;
        try
        {
            compressed = Convert.FromBase64String(padded);
        }
        catch (FormatException ex)
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "encodedList is not base64", ex);
        }

        return FromCompressed(compressed);
    }

    /// <summary>Decodes an <c>encodedList</c> value.</summary>
    /// <exception cref="IdentityFormatException">Not 'u' multibase, not GZIP, too large, or shorter than 16 KiB (STATUS_LIST_LENGTH_ERROR).</exception>
    public static BitstringStatusList Decode(string encodedList)
    {
        ArgumentNullException.ThrowIfNull(encodedList);
        if (encodedList.Length > MaxEncodedLength)
        {
            throw new IdentityFormatException(IdentityError.TooLarge, "encodedList too long");
        }

        if (encodedList.Length < 2 || encodedList[0] != 'u')
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "encodedList must be base64url multibase ('u')");
        }

        byte[] compressed;
        try
        {
            compressed = Base64Url.Decode(encodedList.AsSpan(1));
        }
        catch (FormatException ex)
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "encodedList is not base64url", ex);
        }

        return FromCompressed(compressed);
    }

    private static BitstringStatusList FromCompressed(byte[] compressed)
    {
        byte[] bits = Gunzip(compressed);
        if (bits.Length < MinimumEntries / 8)
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "status list shorter than 131,072 entries");
        }

        return new BitstringStatusList(bits);
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = gzip.Read(buffer)) > 0)
            {
                if (output.Length + n > MaxBytes)
                {
                    throw new IdentityFormatException(IdentityError.TooLarge, "status list larger than 16 MiB");
                }

                output.Write(buffer, 0, n);
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "encodedList is not valid GZIP", ex);
        }
    }
}
