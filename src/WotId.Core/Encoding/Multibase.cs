// Multibase (draft-multiformats-multibase): one prefix character naming the encoding, then the text.
using System;

namespace WotId.Core.Encoding;

/// <summary>Multibase text encoding.</summary>
public static class Multibase
{
    /// <summary>Encodes <paramref name="data"/> with the prefix of <paramref name="encoding"/>.</summary>
    public static string Encode(MultibaseEncoding encoding, ReadOnlySpan<byte> data) => encoding switch
    {
        MultibaseEncoding.Base16 => "f" + Hex.Encode(data),
        MultibaseEncoding.Base32 => "b" + Base32.Encode(data),
        MultibaseEncoding.Base58Btc => "z" + Base58.Encode(data),
        MultibaseEncoding.Base64Url => "u" + Base64Url.Encode(data),
        MultibaseEncoding.Base64 => "m" + Convert.ToBase64String(data).TrimEnd('='),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    /// <summary>Decodes multibase text.</summary>
    /// <exception cref="FormatException">Empty text, unknown prefix or invalid body.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text) => Decode(text, out _);

    /// <summary>Decodes multibase text and reports which encoding it used.</summary>
    /// <exception cref="FormatException">Empty text, unknown prefix or invalid body.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text, out MultibaseEncoding encoding)
    {
        if (text.IsEmpty)
        {
            throw new FormatException("empty multibase string");
        }

        ReadOnlySpan<char> body = text[1..];
        switch (text[0])
        {
            case 'f':
            case 'F':
                encoding = MultibaseEncoding.Base16;
                return Hex.Decode(body);
            case 'b':
            case 'B':
                encoding = MultibaseEncoding.Base32;
                return Base32.Decode(body);
            case 'z':
                encoding = MultibaseEncoding.Base58Btc;
                return Base58.Decode(body);
            case 'u':
                encoding = MultibaseEncoding.Base64Url;
                return Base64Url.Decode(body);
            case 'm':
                encoding = MultibaseEncoding.Base64;
                return DecodeBase64(body);
            default:
                throw new FormatException("unsupported multibase prefix");
        }
    }

    private static byte[] DecodeBase64(ReadOnlySpan<char> body)
    {
        if (body.Contains('='))
        {
            throw new FormatException("multibase 'm' is unpadded");
        }

        int pad = (4 - (body.Length % 4)) % 4;
        if (pad == 3)
        {
            throw new FormatException("invalid base64 length");
        }

        if (body.ContainsAny(" \t\r\n"))
        {
            throw new FormatException("invalid base64");
        }

        string padded = string.Concat(body, new string('=', pad));
        var buffer = new byte[(padded.Length / 4) * 3];
        return Convert.TryFromBase64String(padded, buffer, out int written)
            ? buffer.AsSpan(0, written).ToArray()
            : throw new FormatException("invalid base64");
    }
}
