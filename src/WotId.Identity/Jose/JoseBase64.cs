// RFC 7515 §2 "Base64url Encoding": no padding, no whitespace, no other characters. Non-canonical
// trailing bits are rejected too, so every JWS part has exactly one encoding (no malleability).
using System;
using WotId.Core.Encoding;

namespace WotId.Identity.Jose;

/// <summary>Strict unpadded base64url for JOSE parts.</summary>
internal static class JoseBase64
{
    /// <summary>Decodes a strict base64url part.</summary>
    /// <exception cref="IdentityFormatException">Any deviation.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text, IdentityError error)
    {
        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                throw new IdentityFormatException(error, "invalid base64url character");
            }
        }

        if (text.Length % 4 == 1)
        {
            throw new IdentityFormatException(error, "invalid base64url length");
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.Decode(text);
        }
        catch (FormatException ex)
        {
            throw new IdentityFormatException(error, "invalid base64url", ex);
        }

        if (!text.SequenceEqual(Base64Url.Encode(bytes)))
        {
            throw new IdentityFormatException(error, "non-canonical base64url");
        }

        return bytes;
    }
}
