// Text fields of an invitation (display name, mailbox hint, DID in text form) are shown in a terminal, so besides
// being strict UTF-8 within their byte bound they may not carry control or format characters (no escape
// sequences, no bidirectional overrides that would make one name look like another).
using System;
using System.Globalization;
using System.Text;

namespace WotId.Node.Invitations;

/// <summary>Strict decoding and checking of the invitation's text fields.</summary>
internal static class InvitationText
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string field)
    {
        string text;
        try
        {
            text = s_strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvitationException(InvitationError.InvalidText, field + ": not UTF-8", e);
        }

        if (!IsDisplayable(text))
        {
            throw new InvitationException(InvitationError.InvalidText, field + ": contains control or format characters");
        }

        return text;
    }

    public static byte[] Encode(string text, string field, int maxBytes)
    {
        if (text.Length == 0 || !IsDisplayable(text))
        {
            throw new ArgumentException(field + " must be non-empty without control or format characters", field);
        }

        byte[] bytes;
        try
        {
            bytes = s_strict.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException(field + " is not valid UTF-16", field, e);
        }

        return bytes.Length <= maxBytes
            ? bytes
            : throw new ArgumentException($"{field} exceeds {maxBytes} UTF-8 bytes", field);
    }

    private static bool IsDisplayable(string text)
    {
        foreach (char c in text)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }

        return true;
    }
}
