// Base16 (RFC 4648 §8), lowercase on output, either case on input.
using System;

namespace WotId.Core.Encoding;

/// <summary>Hexadecimal encoding.</summary>
public static class Hex
{
    /// <summary>Lowercase hex of <paramref name="data"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(data);

    /// <summary>Decodes hex (either case).</summary>
    /// <exception cref="FormatException">Odd length or a non-hex character.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        if ((text.Length & 1) != 0)
        {
            throw new FormatException("hex string has odd length");
        }

        var result = new byte[text.Length / 2];
        for (int i = 0; i < result.Length; i++)
        {
            int hi = Nibble(text[2 * i]);
            int lo = Nibble(text[(2 * i) + 1]);
            result[i] = (byte)((hi << 4) | lo);
        }

        return result;
    }

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => throw new FormatException("invalid hex character"),
    };
}
