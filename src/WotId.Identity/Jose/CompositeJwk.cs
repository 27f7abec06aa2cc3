// IOTA Identity's composite JWK (identity_jose jwk/composite_jwk.rs, as emitted by @iota/identity-wasm 1.9.7-beta.1 in
// verification methods of type "CompositeJsonWebKey"):
//   {"algId":"id-MLDSA65-Ed25519",
//    "traditionalPublicKey":{"kty":"OKP","alg":"EdDSA","crv":"Ed25519","x":b64url(32)},
//    "pqPublicKey":{"kty":"AKP","alg":"ML-DSA-65","pub":b64url(1952)}}
// The two halves must be public keys of exactly the algorithms algId names (RFC 8037 §2 OKP, RFC 9964 §6 AKP).
using System;
using System.Text.Json;
using WotId.Core.Encoding;
using WotId.Identity.Dids;

namespace WotId.Identity.Jose;

/// <summary>Reads and writes <c>compositeJwk</c> objects; the key is ML-DSA public key ‖ Ed25519 public key.</summary>
public static class CompositeJwk
{
    /// <summary>The verification method type that carries a composite JWK.</summary>
    public const string MethodType = "CompositeJsonWebKey";

    /// <summary>Parses a <c>compositeJwk</c> object.</summary>
    /// <exception cref="IdentityFormatException">Not a well-formed composite public key.</exception>
    public static DidPublicKey Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument doc = IdentityJson.ParseObject(json, 2 * AkpJwk.MaxJsonBytes);
        return Read(doc.RootElement);
    }

    internal static DidPublicKey Read(JsonElement root)
    {
        KeyAlgorithm algorithm = KeyAlgorithms.FromJoseName(IdentityJson.RequireString(root, "algId")) is { } a && KeyAlgorithms.IsComposite(a)
            ? a
            : throw new IdentityFormatException(IdentityError.UnsupportedAlgorithm, "unsupported composite algId");
        if (!root.TryGetProperty("traditionalPublicKey", out JsonElement trad) || trad.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("pqPublicKey", out JsonElement pq) || pq.ValueKind != JsonValueKind.Object)
        {
            throw new IdentityFormatException(IdentityError.MalformedJwk, "compositeJwk needs traditionalPublicKey and pqPublicKey objects");
        }

        if (IdentityJson.RequireString(trad, "kty") != "OKP" || IdentityJson.RequireString(trad, "crv") != "Ed25519"
            || IdentityJson.OptionalString(trad, "alg") is not (null or "EdDSA" or "Ed25519") || trad.TryGetProperty("d", out _))
        {
            throw new IdentityFormatException(IdentityError.MalformedJwk, "traditionalPublicKey must be a public OKP Ed25519 JWK");
        }

        byte[] x = JoseBase64.Decode(IdentityJson.RequireString(trad, "x"), IdentityError.MalformedJwk);
        DidPublicKey pqKey = AkpJwk.Parse(pq.GetRawText());
        KeyAlgorithm expected = algorithm == KeyAlgorithm.MLDsa44Ed25519 ? KeyAlgorithm.MLDsa44 : KeyAlgorithm.MLDsa65;
        if (pqKey.Algorithm != expected || x.Length != 32)
        {
            throw new IdentityFormatException(IdentityError.MalformedJwk, "compositeJwk halves do not match its algId");
        }

        return new DidPublicKey(algorithm, [.. pqKey.Key, .. x]);
    }

    /// <summary>Writes the <c>compositeJwk</c> object of a composite key.</summary>
    internal static void Write(Utf8JsonWriter w, DidPublicKey key)
    {
        int split = key.Key.Length - 32;
        KeyAlgorithm pq = key.Algorithm == KeyAlgorithm.MLDsa44Ed25519 ? KeyAlgorithm.MLDsa44 : KeyAlgorithm.MLDsa65;
        w.WriteStartObject("compositeJwk");
        w.WriteString("algId", KeyAlgorithms.JoseName(key.Algorithm));
        w.WriteStartObject("traditionalPublicKey");
        w.WriteString("kty", "OKP");
        w.WriteString("alg", "EdDSA");
        w.WriteString("crv", "Ed25519");
        w.WriteString("x", Base64Url.Encode(key.Key[split..]));
        w.WriteEndObject();
        w.WriteStartObject("pqPublicKey");
        w.WriteString("kty", "AKP");
        w.WriteString("alg", KeyAlgorithms.JoseName(pq));
        w.WriteString("pub", Base64Url.Encode(key.Key[..split]));
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
