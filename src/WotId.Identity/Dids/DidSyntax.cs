// DID Core 1.0 §3.1 (DID syntax) and §3.2 (DID URL syntax), restricted to what wot.id resolves:
//   did = "did:" method-name ":" method-specific-id ; method-name = 1*(%x61-7A / DIGIT)
//   method-specific-id = *( *idchar ":" ) 1*idchar ; idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded
// Bound: 8,192 characters (ML-DSA-87 did:key is 3,552).
using System;

namespace WotId.Identity.Dids;

/// <summary>Validates DIDs and splits DID URLs into DID and fragment.</summary>
public static class DidSyntax
{
    /// <summary>Longest accepted DID or DID URL.</summary>
    public const int MaxLength = 8192;

    /// <summary>True when <paramref name="did"/> is a syntactically valid DID (no path, query or fragment).</summary>
    public static bool IsDid(string? did)
    {
        if (did is null || did.Length > MaxLength || !did.StartsWith("did:", StringComparison.Ordinal))
        {
            return false;
        }

        int methodEnd = did.IndexOf(':', 4);
        if (methodEnd <= 4 || methodEnd == did.Length - 1)
        {
            return false;
        }

        for (int i = 4; i < methodEnd; i++)
        {
            char c = did[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        for (int i = methodEnd + 1; i < did.Length; i++)
        {
            char c = did[i];
            bool ok = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':';
            if (c == '%')
            {
                ok = i + 2 < did.Length && char.IsAsciiHexDigit(did[i + 1]) && char.IsAsciiHexDigit(did[i + 2]);
                i += 2;
            }

            if (!ok)
            {
                return false;
            }
        }

        return did[^1] != ':';
    }

    /// <summary>The method name (<c>key</c>, <c>iota</c>, <c>web</c>, …) of a valid DID.</summary>
    /// <exception cref="IdentityFormatException">Not a DID.</exception>
    public static string Method(string did)
    {
        Require(did);
        return did[4..did.IndexOf(':', 4)];
    }

    /// <summary>Throws unless <paramref name="did"/> is a valid DID.</summary>
    /// <exception cref="IdentityFormatException">Not a DID.</exception>
    public static void Require(string? did)
    {
        if (!IsDid(did))
        {
            throw new IdentityFormatException(IdentityError.MalformedDid, "not a valid DID");
        }
    }

    /// <summary>
    /// Splits a DID URL <c>did…#fragment</c> into the DID and the fragment (without '#'; null when absent).
    /// Paths and queries are not supported.
    /// </summary>
    /// <exception cref="IdentityFormatException">Not a DID URL of that shape.</exception>
    public static (string Did, string? Fragment) SplitUrl(string? didUrl)
    {
        if (didUrl is null || didUrl.Length > MaxLength)
        {
            throw new IdentityFormatException(IdentityError.MalformedDid, "not a valid DID URL");
        }

        int hash = didUrl.IndexOf('#', StringComparison.Ordinal);
        string did = hash < 0 ? didUrl : didUrl[..hash];
        string? fragment = hash < 0 ? null : didUrl[(hash + 1)..];
        Require(did);
        if (fragment is not null && (fragment.Length == 0 || fragment.Contains('#', StringComparison.Ordinal)))
        {
            throw new IdentityFormatException(IdentityError.MalformedDid, "not a valid DID URL fragment");
        }

        return (did, fragment);
    }
}
