// RFC 7515 §4 JOSE header, restricted to what VC-JOSE-COSE (W3C Rec 2025-05-15 §3.1.1) needs:
// alg (RFC 9964 ML-DSA names; FALCON512 experimental; IOTA Identity's composites), kid (a DID URL), typ (vc+jwt / vp+jwt,
// or JWT for VC-JWT 1.1), cty, and nonce (IOTA Identity puts a presentation's challenge in the protected header).
// Refused: crit (no extensions are understood), b64 (RFC 7797), and embedded or remote keys
// (jwk, jku, x5u, x5c) because keys come from the issuer's DID document only.
using System;
using System.IO;
using System.Text.Json;

namespace WotId.Identity.Jose;

/// <summary>A protected JWS header.</summary>
public sealed class JwsHeader
{
    /// <summary>Largest accepted header JSON.</summary>
    public const int MaxJsonBytes = 8 * 1024;

    private static readonly string[] s_refused = ["crit", "b64", "jwk", "jku", "x5u", "x5c", "zip"];

    /// <summary>Creates a header.</summary>
    public JwsHeader(KeyAlgorithm algorithm, string? kid, string? typ, string? cty = null)
    {
        Algorithm = algorithm;
        Alg = KeyAlgorithms.JoseName(algorithm);
        Kid = kid;
        Typ = typ;
        Cty = cty;
    }

    /// <summary>The signature algorithm.</summary>
    public KeyAlgorithm Algorithm { get; }

    /// <summary>The JOSE <c>alg</c> string.</summary>
    public string Alg { get; }

    /// <summary>The key id (a DID URL naming a verification method).</summary>
    public string? Kid { get; }

    /// <summary>The media type (<c>vc+jwt</c>, <c>vp+jwt</c>).</summary>
    public string? Typ { get; }

    /// <summary>The content type, optional.</summary>
    public string? Cty { get; }

    /// <summary>A <c>nonce</c> header member (IOTA Identity's presentation challenge), optional.</summary>
    public string? Nonce { get; init; }

    /// <summary>Parses header JSON.</summary>
    /// <exception cref="IdentityFormatException">Malformed, unsupported alg or refused members.</exception>
    public static JwsHeader Parse(ReadOnlyMemory<byte> json)
    {
        using JsonDocument doc = IdentityJson.ParseObject(json, MaxJsonBytes);
        JsonElement root = doc.RootElement;
        foreach (string name in s_refused)
        {
            if (root.TryGetProperty(name, out _))
            {
                throw new IdentityFormatException(IdentityError.UnsupportedHeader, $"JWS header member '{name}' is not supported");
            }
        }

        string alg = IdentityJson.RequireString(root, "alg");
        KeyAlgorithm algorithm = KeyAlgorithms.FromJoseName(alg)
            ?? throw new IdentityFormatException(IdentityError.UnsupportedAlgorithm, "unsupported JWS alg");
        return new JwsHeader(
            algorithm,
            IdentityJson.OptionalString(root, "kid"),
            IdentityJson.OptionalString(root, "typ"),
            IdentityJson.OptionalString(root, "cty"))
        {
            Nonce = IdentityJson.OptionalString(root, "nonce"),
        };
    }

    /// <summary>The header as compact UTF-8 JSON (<c>alg</c>, <c>kid</c>, <c>typ</c>, <c>cty</c> in that order).</summary>
    public byte[] ToJsonBytes()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("alg", Alg);
            if (Kid is not null)
            {
                w.WriteString("kid", Kid);
            }

            if (Typ is not null)
            {
                w.WriteString("typ", Typ);
            }

            if (Cty is not null)
            {
                w.WriteString("cty", Cty);
            }

            if (Nonce is not null)
            {
                w.WriteString("nonce", Nonce);
            }

            w.WriteEndObject();
        }

        return stream.ToArray();
    }
}
