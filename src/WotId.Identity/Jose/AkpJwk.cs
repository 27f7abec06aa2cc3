// RFC 9964 §6 "AKP" (Algorithm Key Pair) JSON Web Key for ML-DSA: {"kty":"AKP","alg":"ML-DSA-65","pub":b64url}.
// The thumbprint (RFC 7638 §3.2) covers exactly alg, kty, pub in lexicographic order.
// Only public keys are handled here ("priv" is refused; private keys live in encrypted key files).
// Falcon-512 keys use alg "FALCON512" (experimental, IOTA Identity's name; not in RFC 9964).
using System;
using System.IO;
using System.Text.Json;
using WotId.Core.Encoding;
using WotId.Crypto;
using WotId.Identity.Dids;

namespace WotId.Identity.Jose;

/// <summary>An AKP public JWK.</summary>
public static class AkpJwk
{
    /// <summary>Largest accepted JWK JSON.</summary>
    public const int MaxJsonBytes = 8 * 1024;

    /// <summary>The JWK JSON of a public key.</summary>
    public static string ToJson(DidPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequireAkp(key.Algorithm);
        return System.Text.Encoding.UTF8.GetString(Write(key, includeKid: true));
    }

    /// <summary>The RFC 7638 thumbprint (base64url SHA-256 of <c>{"alg","kty","pub"}</c>).</summary>
    public static string Thumbprint(DidPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequireAkp(key.Algorithm);
        return Base64Url.Encode(Sha256.Hash(Write(key, includeKid: false)));
    }

    /// <summary>Parses an AKP public JWK.</summary>
    /// <exception cref="IdentityFormatException">Not a valid AKP public key.</exception>
    public static DidPublicKey Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument doc = IdentityJson.ParseObject(json, MaxJsonBytes);
        JsonElement root = doc.RootElement;
        if (IdentityJson.RequireString(root, "kty") != "AKP")
        {
            throw new IdentityFormatException(IdentityError.MalformedJwk, "kty must be AKP");
        }

        if (root.TryGetProperty("priv", out _))
        {
            throw new IdentityFormatException(IdentityError.MalformedJwk, "private JWKs are not accepted here");
        }

        KeyAlgorithm algorithm = KeyAlgorithms.FromJoseName(IdentityJson.RequireString(root, "alg")) is { } a && KeyAlgorithms.IsPostQuantum(a)
            ? a
            : throw new IdentityFormatException(IdentityError.UnsupportedAlgorithm, "unsupported AKP alg");
        byte[] pub = JoseBase64.Decode(IdentityJson.RequireString(root, "pub"), IdentityError.MalformedJwk);
        return new DidPublicKey(algorithm, pub);
    }

    private static void RequireAkp(KeyAlgorithm algorithm)
    {
        if (!KeyAlgorithms.IsPostQuantum(algorithm))
        {
            throw new ArgumentException("AKP JWKs are for ML-DSA (and experimental Falcon) keys", nameof(algorithm));
        }
    }

    private static byte[] Write(DidPublicKey key, bool includeKid)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("alg", KeyAlgorithms.JoseName(key.Algorithm));
            if (includeKid)
            {
                w.WriteString("kid", Thumbprint(key));
            }

            w.WriteString("kty", "AKP");
            w.WriteString("pub", Base64Url.Encode(key.Key));
            w.WriteEndObject();
        }

        return stream.ToArray();
    }
}
