// RFC 8037 §2 OKP public JWKs for Ed25519 and X25519: {"kty":"OKP","crv":"Ed25519"|"X25519","x":b64url(32)}. A private
// member "d" is refused. Used in JsonWebKey2020 methods and in the traditional half of IOTA Identity's composite JWK.
using System;
using System.Text.Json;
using WotId.Core.Encoding;
using WotId.Identity.Dids;

namespace WotId.Identity.Jose;

/// <summary>OKP public JWKs (internal helper of the DID document codec).</summary>
internal static class OkpJwk
{
    public static DidPublicKey Read(JsonElement jwk)
    {
        if (IdentityJson.RequireString(jwk, "kty") != "OKP" || jwk.TryGetProperty("d", out _))
        {
            throw new IdentityFormatException(IdentityError.MalformedJwk, "expected a public OKP JWK");
        }

        KeyAlgorithm algorithm = IdentityJson.RequireString(jwk, "crv") switch
        {
            "Ed25519" => KeyAlgorithm.Ed25519,
            "X25519" => KeyAlgorithm.X25519,
            _ => throw new IdentityFormatException(IdentityError.UnsupportedAlgorithm, "unsupported OKP curve"),
        };
        return new DidPublicKey(algorithm, JoseBase64.Decode(IdentityJson.RequireString(jwk, "x"), IdentityError.MalformedJwk));
    }

    public static void Write(Utf8JsonWriter w, DidPublicKey key)
    {
        w.WriteStartObject();
        w.WriteString("kty", "OKP");
        w.WriteString("crv", key.Algorithm == KeyAlgorithm.X25519 ? "X25519" : "Ed25519");
        if (key.Algorithm == KeyAlgorithm.Ed25519)
        {
            w.WriteString("alg", "EdDSA");
        }

        w.WriteString("x", Base64Url.Encode(key.Key));
        w.WriteEndObject();
    }
}
