// CESR (ToIP CESR specification v1.0, "Text-binary concatenation composability" and "Stream parsing rules"):
// qb64 <-> qb2 conversion and cold-start domain detection.
using System;
using System.Text;

namespace WotId.Tsp.Cesr;

/// <summary>
/// Converts between the text domain (qb64, base64url without padding) and the binary domain (qb2). Every CESR item
/// is 24-bit aligned, so a whole stream converts as one block: 4 characters ⇔ 3 bytes.
/// </summary>
public static class CesrText
{
    /// <summary>The text form of 24-bit-aligned binary CESR.</summary>
    /// <exception cref="CesrException">The length is not a multiple of 3 (<see cref="CesrError.Misaligned"/>).</exception>
    public static string ToText(ReadOnlySpan<byte> qb2)
    {
        if (qb2.Length % 3 != 0)
        {
            throw new CesrException(CesrError.Misaligned, qb2.Length - (qb2.Length % 3), "binary CESR length must be a multiple of 3");
        }

        var sb = new StringBuilder(qb2.Length / 3 * 4);
        for (int i = 0; i < qb2.Length; i += 3)
        {
            int w = (qb2[i] << 16) | (qb2[i + 1] << 8) | qb2[i + 2];
            sb.Append(CesrAlphabet.Char(w >> 18)).Append(CesrAlphabet.Char(w >> 12))
              .Append(CesrAlphabet.Char(w >> 6)).Append(CesrAlphabet.Char(w));
        }

        return sb.ToString();
    }

    /// <summary>The binary form of 24-bit-aligned text CESR.</summary>
    /// <exception cref="CesrException">A bad character or a length that is not a multiple of 4.</exception>
    public static byte[] ToBinary(ReadOnlySpan<char> qb64)
    {
        if (qb64.Length % 4 != 0)
        {
            throw new CesrException(CesrError.Misaligned, qb64.Length / 4 * 3, "text CESR length must be a multiple of 4");
        }

        byte[] output = new byte[qb64.Length / 4 * 3];
        for (int i = 0, o = 0; i < qb64.Length; i += 4, o += 3)
        {
            int w = 0;
            for (int k = 0; k < 4; k++)
            {
                int s = CesrAlphabet.Sextet(qb64[i + k]);
                if (s < 0)
                {
                    throw new CesrException(CesrError.InvalidCharacter, o, $"character {i + k} is not base64url");
                }

                w = (w << 6) | s;
            }

            output[o] = (byte)(w >> 16);
            output[o + 1] = (byte)(w >> 8);
            output[o + 2] = (byte)w;
        }

        return output;
    }

    /// <summary>The binary form of text CESR given as ASCII bytes.</summary>
    /// <exception cref="CesrException">A bad character or a misaligned length.</exception>
    public static byte[] ToBinary(ReadOnlySpan<byte> qb64Ascii)
    {
        char[] chars = new char[qb64Ascii.Length];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)qb64Ascii[i];
        }

        return ToBinary(chars);
    }

    /// <summary>Tells the domain of a stream from its first byte.</summary>
    /// <exception cref="CesrException">Empty input (<see cref="CesrError.Truncated"/>) or neither domain (<see cref="CesrError.UnknownDomain"/>).</exception>
    public static CesrDomain Detect(ReadOnlySpan<byte> stream)
    {
        if (stream.IsEmpty)
        {
            throw new CesrException(CesrError.Truncated, 0, "empty stream");
        }

        return (stream[0] >> 5) switch
        {
            0b001 => CesrDomain.Text,
            0b111 => CesrDomain.Binary,
            _ => throw new CesrException(CesrError.UnknownDomain, 0, $"first byte 0x{stream[0]:x2} starts neither a text nor a binary CESR stream"),
        };
    }

    /// <summary>The binary form of a stream in either domain (a binary stream is returned as a copy).</summary>
    /// <exception cref="CesrException">Unknown domain, bad characters or misaligned text.</exception>
    public static byte[] ToBinaryAnyDomain(ReadOnlySpan<byte> stream)
    {
        return Detect(stream) == CesrDomain.Text ? ToBinary(stream) : stream.ToArray();
    }
}
