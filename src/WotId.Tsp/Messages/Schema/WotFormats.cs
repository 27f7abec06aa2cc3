// wot.id message schemas: string formats (DID syntax per W3C DID Core §3.1; RFC 3339 timestamps; docs/messages.md).
using System;
using System.Globalization;

namespace WotId.Tsp.Messages.Schema;

/// <summary>Format predicates used by the schemas.</summary>
internal static class WotFormats
{
    /// <summary>Message and file ids: 1–128 of <c>A–Z a–z 0–9 . _ : -</c> (a UUID is recommended).</summary>
    public static bool IsId(string s)
    {
        if (s.Length is 0 or > 128)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>DID syntax: <c>did:method:method-specific-id</c>, method <c>[a-z0-9]+</c>, id chars <c>A–Z a–z 0–9 . - _ : %XX</c>.</summary>
    public static bool IsDid(string s)
    {
        if (!s.StartsWith("did:", StringComparison.Ordinal))
        {
            return false;
        }

        int colon = s.IndexOf(':', 4);
        if (colon <= 4 || colon == s.Length - 1 || s[^1] == ':')
        {
            return false;
        }

        for (int i = 4; i < colon; i++)
        {
            if (!(char.IsAsciiLetterLower(s[i]) || char.IsAsciiDigit(s[i])))
            {
                return false;
            }
        }

        for (int i = colon + 1; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A lowercase-hex SHA-256 digest (64 characters).</summary>
    public static bool IsSha256Hex(string s)
    {
        if (s.Length != 64)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Unpadded base64url (RFC 4648 §5), canonical (unused trailing bits zero).</summary>
    public static bool IsBase64Url(string s)
    {
        if (s.Length % 4 == 1)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        int last = s.Length == 0 ? 0 : s[^1] switch
        {
            >= 'A' and <= 'Z' => s[^1] - 'A',
            >= 'a' and <= 'z' => s[^1] - 'a' + 26,
            >= '0' and <= '9' => s[^1] - '0' + 52,
            '-' => 62,
            _ => 63,
        };
        return (s.Length % 4) switch
        {
            2 => (last & 0xF) == 0,
            3 => (last & 0x3) == 0,
            _ => true,
        };
    }

    /// <summary>Decoded size of valid unpadded base64url.</summary>
    public static int Base64UrlDecodedLength(string s) => s.Length / 4 * 3 + (s.Length % 4 == 0 ? 0 : (s.Length % 4) - 1);

    /// <summary>A lowercase token: <c>[a-z0-9][a-z0-9_.-]*</c>.</summary>
    public static bool IsToken(string s)
    {
        if (s.Length == 0 || !(char.IsAsciiLetterLower(s[0]) || char.IsAsciiDigit(s[0])))
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A credential type name: letters, digits, <c>_ - . :</c> (e.g. <c>VerifiedHumanCredential</c>).</summary>
    public static bool IsTypeName(string s)
    {
        foreach (char c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':'))
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    /// <summary>A media type <c>type/subtype</c> (RFC 6838 restricted-name characters, lowercase or not).</summary>
    public static bool IsMediaType(string s)
    {
        int slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == s.Length - 1 || s.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '!' or '#' or '$' or '&' or '-' or '^' or '_' or '.' or '+'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A file name without path separators or control characters, not "." or "..".</summary>
    public static bool IsFileName(string s)
    {
        if (s is "." or ".." || s.Trim().Length == 0)
        {
            return false;
        }

        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '/' or '\\' || char.IsControl(c))
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsSurrogatePair(s, i))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>A compact JWS: three base64url parts separated by dots.</summary>
    public static bool IsCompactJws(string s)
    {
        string[] parts = s.Split('.');
        return parts.Length == 3 && parts[0].Length > 0 && parts[2].Length > 0
            && Array.TrueForAll(parts, p => p.Length == 0 || IsBase64Url(p));
    }

    /// <summary>RFC 3339 date-time with seconds and an explicit offset (<c>Z</c> or <c>±hh:mm</c>), 0–7 fraction digits.</summary>
    public static bool TryParseTimestamp(string s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length is < 20 or > 35 || s[10] != 'T' || s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        int i = 19;
        if (i < s.Length && s[i] == '.')
        {
            int start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i - start is < 1 or > 7)
            {
                return false;
            }
        }

        string zone = s[i..];
        if (zone != "Z" && !(zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':'))
        {
            return false;
        }

        for (int k = 0; k < 19; k++)
        {
            if (k is not (4 or 7 or 10 or 13 or 16) && !char.IsAsciiDigit(s[k]))
            {
                return false;
            }
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }
}
