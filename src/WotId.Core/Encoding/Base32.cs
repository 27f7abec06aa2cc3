// Base32 (RFC 4648 §6) in the lowercase, unpadded form used by multibase 'b' (CIDv1 peer ids).
using System;
using System.Text;

namespace WotId.Core.Encoding;

/// <summary>RFC 4648 base32, lowercase, no padding.</summary>
public static class Base32
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Encodes <paramref name="data"/> as lowercase unpadded base32.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder(((data.Length * 8) + 4) / 5);
        int buffer = 0;
        int bits = 0;
        foreach (byte b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return sb.ToString();
    }

    /// <summary>Decodes base32 (either case, padding '=' allowed only at the end).</summary>
    /// <exception cref="FormatException">Invalid character, impossible length or non-zero trailing bits.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd('=');
        int rem = text.Length % 8;
        if (rem is 1 or 3 or 6)
        {
            throw new FormatException("invalid base32 length");
        }

        var result = new byte[text.Length * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        foreach (char c in text)
        {
            int v = c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= 'A' and <= 'Z' => c - 'A',
                >= '2' and <= '7' => c - '2' + 26,
                _ => throw new FormatException("invalid base32 character"),
            };
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8)
            {
                result[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }

        if (buffer != 0)
        {
            throw new FormatException("base32 has non-zero trailing bits");
        }

        return result;
    }
}
