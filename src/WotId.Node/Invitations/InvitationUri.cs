// The URI form (docs/node.md, "Invitations"): wotid:1/<data>, where <data> is the binary form in RFC 4648 §6 base32,
// upper case, unpadded. Upper-case base32 keeps the whole text (scheme included, since schemes are
// case-insensitive, RFC 3986 §3.1) inside the QR alphanumeric set, whose 5.5 bits a character beat byte mode's
// 8 bits a character of base64url. Writers emit "wotid:"; readers accept the scheme in any case and surrounding
// whitespace, and nothing else.
using System;
using WotId.Core.Encoding;

namespace WotId.Node.Invitations;

/// <summary>Formats and parses the <c>wotid:1/</c> URI around the binary form.</summary>
internal static class InvitationUri
{
    public const string Scheme = "wotid:";

    public const string Prefix = "wotid:1/";

    public static string Format(ReadOnlySpan<byte> binary) => Prefix + Base32.Encode(binary).ToUpperInvariant();

    /// <summary>The base32 text after <c>wotid:1/</c>, checked for length, scheme, version and alphabet.</summary>
    public static ReadOnlySpan<char> DataPart(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Length > InvitationLimits.MaxUriLength)
        {
            throw new InvitationException(InvitationError.MalformedUri, $"URI longer than {InvitationLimits.MaxUriLength} characters");
        }

        ReadOnlySpan<char> text = uri.AsSpan().Trim();
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvitationException(InvitationError.MalformedUri, "not a wotid: URI");
        }

        text = text[Scheme.Length..];
        int slash = text.IndexOf('/');
        if (slash < 0)
        {
            throw new InvitationException(InvitationError.MalformedUri, "wotid: URI without a version segment");
        }

        if (!text[..slash].SequenceEqual("1"))
        {
            throw new InvitationException(InvitationError.UnsupportedVersion, "only wotid:1/ invitations are read");
        }

        ReadOnlySpan<char> data = text[(slash + 1)..];
        if (data.IsEmpty)
        {
            throw new InvitationException(InvitationError.MalformedEncoding, "empty invitation data");
        }

        foreach (char c in data)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '2' and <= '7')))
            {
                throw new InvitationException(InvitationError.MalformedEncoding, "invitation data is not upper-case base32");
            }
        }

        return data;
    }

    /// <summary>The binary form carried by <paramref name="uri"/>.</summary>
    public static byte[] Parse(string uri)
    {
        ReadOnlySpan<char> data = DataPart(uri);
        try
        {
            return Base32.Decode(data);
        }
        catch (FormatException e)
        {
            throw new InvitationException(InvitationError.MalformedEncoding, "invitation data has an impossible base32 length or trailing bits", e);
        }
    }
}
