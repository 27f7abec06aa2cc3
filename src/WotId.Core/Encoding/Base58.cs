// Base58btc (the Bitcoin alphabet), as used by multibase 'z', libp2p peer ids and did:key.
// Spec: draft-msporny-base58-03. Leading zero bytes map to leading '1' characters.
// The algorithm is quadratic, so input is bounded by MaxTextLength.
using System;
using System.Text;

namespace WotId.Core.Encoding;

/// <summary>Base58btc encoding.</summary>
public static class Base58
{
    /// <summary>Longest text accepted by <see cref="Decode"/> (enough for an ML-DSA-87 did:key).</summary>
    public const int MaxTextLength = 16 * 1024;

    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] s_map = BuildMap();

    /// <summary>Encodes <paramref name="data"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        int zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // log(256)/log(58) ≈ 1.366
        int size = ((data.Length - zeros) * 138 / 100) + 1;
        var digits = new byte[size];
        int length = 0;
        for (int i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            int j = 0;
            for (int k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 256 * digits[k];
                digits[k] = (byte)(carry % 58);
                carry /= 58;
            }

            length = j;
        }

        int start = size - length;
        while (start < size && digits[start] == 0)
        {
            start++;
        }

        var sb = new StringBuilder(zeros + size - start);
        sb.Append('1', zeros);
        for (int i = start; i < size; i++)
        {
            sb.Append(Alphabet[digits[i]]);
        }

        return sb.ToString();
    }

    /// <summary>Decodes base58btc text.</summary>
    /// <exception cref="FormatException">A character outside the alphabet, or text over <see cref="MaxTextLength"/>.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxTextLength)
        {
            throw new FormatException("base58 text too long");
        }

        int zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        // log(58)/log(256) ≈ 0.733
        int size = ((text.Length - zeros) * 733 / 1000) + 1;
        var bytes = new byte[size];
        int length = 0;
        for (int i = zeros; i < text.Length; i++)
        {
            char c = text[i];
            int value = c < 128 ? s_map[c] : -1;
            if (value < 0)
            {
                throw new FormatException("invalid base58 character");
            }

            int carry = value;
            int j = 0;
            for (int k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 58 * bytes[k];
                bytes[k] = (byte)(carry & 0xFF);
                carry >>= 8;
            }

            length = j;
        }

        int start = size - length;
        while (start < size && bytes[start] == 0)
        {
            start++;
        }

        var result = new byte[zeros + size - start];
        bytes.AsSpan(start).CopyTo(result.AsSpan(zeros));
        return result;
    }

    private static sbyte[] BuildMap()
    {
        var map = new sbyte[128];
        map.AsSpan().Fill(-1);
        for (int i = 0; i < Alphabet.Length; i++)
        {
            map[Alphabet[i]] = (sbyte)i;
        }

        return map;
    }
}
