// CESR (ToIP CESR specification v1.0, "Text domain"): the base64url alphabet and code values.
using System;

namespace WotId.Tsp.Cesr;

/// <summary>Maps base64url characters to sextets and code strings to their integer values.</summary>
internal static class CesrAlphabet
{
    private const string Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>The sextet value of a base64url character, or -1.</summary>
    public static int Sextet(int ch)
    {
        return ch switch
        {
            >= 'A' and <= 'Z' => ch - 'A',
            >= 'a' and <= 'z' => ch - 'a' + 26,
            >= '0' and <= '9' => ch - '0' + 52,
            '-' => 62,
            '_' => 63,
            _ => -1,
        };
    }

    /// <summary>The character of a sextet (0..63).</summary>
    public static char Char(int sextet) => Chars[sextet & 63];

    /// <summary>Value of a code string read as big-endian sextets ("QDM" = 16·4096 + 3·64 + 12).</summary>
    public static int Value(ReadOnlySpan<char> code)
    {
        int acc = 0;
        foreach (char c in code)
        {
            int s = Sextet(c);
            if (s < 0)
            {
                throw new ArgumentException("not a base64url character: " + c, nameof(code));
            }

            acc = (acc << 6) | s;
        }

        return acc;
    }

    /// <summary>The <paramref name="length"/>-character code string of a value.</summary>
    public static string ToCode(int value, int length)
    {
        Span<char> buf = stackalloc char[length];
        for (int i = length - 1; i >= 0; i--)
        {
            buf[i] = Char(value);
            value >>= 6;
        }

        return new string(buf);
    }

    /// <summary>The three bytes of a four-character code (a TSP "type code" such as <c>XSCS</c> or <c>YTSP</c>).</summary>
    public static byte[] Triplet(string fourChars)
    {
        if (fourChars.Length != 4)
        {
            throw new ArgumentException("a triplet code has four characters", nameof(fourChars));
        }

        int v = Value(fourChars);
        return [(byte)(v >> 16), (byte)(v >> 8), (byte)v];
    }
}
