// Base64url (RFC 4648 §5) without padding, as used by JOSE (RFC 7515 §2) and multibase 'u'.
using System;

namespace WotId.Core.Encoding;

/// <summary>Unpadded base64url.</summary>
public static class Base64Url
{
    /// <summary>Encodes without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    /// <summary>Decodes unpadded (or padded) base64url.</summary>
    /// <exception cref="FormatException">Invalid character or length.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        if (text.ContainsAny('+', '/'))
        {
            throw new FormatException("base64url must not contain '+' or '/'");
        }

        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            throw;
        }
        catch (ArgumentException ex)
        {
            throw new FormatException("invalid base64url", ex);
        }
    }
}
