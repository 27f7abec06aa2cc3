// W3C VC Data Model 1.1 §6.3.1 JWT encoding of a presentation, as IOTA Identity's createPresentationJwt* writes it:
//   iss → holder (vp.holder, when present, must agree)    aud → audience
//   nbf/iat → issued at (iat preferred)                     exp → expiry (required)
//   nonce → the claim, or the protected header's nonce (IOTA Identity); both present must agree
//   vp  → @context (first must be the v1 URL), type (VerifiablePresentation), verifiableCredential (compact JWTs)
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace WotId.Identity.Credentials;

/// <summary>VC-JWT 1.1 presentations.</summary>
public sealed partial class Presentation
{
    /// <summary>Parses VC-JWT 1.1 presentation claims; <paramref name="headerNonce"/> is the JWS header's <c>nonce</c>.</summary>
    /// <exception cref="IdentityFormatException">Malformed or missing members.</exception>
    public static Presentation ParseJwt11(ReadOnlyMemory<byte> utf8Json, string? headerNonce)
    {
        using JsonDocument doc = IdentityJson.ParseObject(utf8Json, MaxJsonBytes);
        JsonElement root = doc.RootElement;
        if (!root.TryGetProperty("vp", out JsonElement vp) || vp.ValueKind != JsonValueKind.Object)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "VC-JWT 1.1 presentation claims need a vp object");
        }

        List<string> contexts = IdentityJson.StringOrArray(vp, "@context", required: true);
        List<string> types = IdentityJson.StringOrArray(vp, "type", required: true);
        if (contexts.Count == 0 || contexts[0] != Credential.V1Context || !types.Contains(CredentialTerms.VerifiablePresentation))
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "not a VC 1.1 VerifiablePresentation");
        }

        string holder = IdentityJson.RequireString(root, "iss");
        if (IdentityJson.OptionalString(vp, "holder") is { } inner && inner != holder)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "vp.holder differs from iss");
        }

        List<string> credentials = IdentityJson.StringOrArray(vp, "verifiableCredential", required: false);
        if (credentials.Count > MaxCredentials)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "at most 16 credentials");
        }

        string? claimNonce = IdentityJson.OptionalString(root, "nonce");
        if (claimNonce is not null && headerNonce is not null && claimNonce != headerNonce)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "nonce claim and header differ");
        }

        long iat = IdentityJson.OptionalInt64(root, "iat") ?? IdentityJson.OptionalInt64(root, "nbf") ?? throw Missing("iat");
        long exp = IdentityJson.OptionalInt64(root, "exp") ?? throw Missing("exp");
        if (iat is < 0 or > 253402300799 || exp is < 0 or > 253402300799)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "iat/exp out of range");
        }

        return new Presentation(
            holder,
            credentials,
            claimNonce ?? headerNonce ?? throw Missing("nonce"),
            IdentityJson.RequireString(root, "aud"),
            iat,
            exp,
            IdentityJson.OptionalString(root, "jti") ?? IdentityJson.OptionalString(vp, "id") ?? string.Empty);
    }

    /// <summary>Writes VC-JWT 1.1 presentation claims (credentials as compact JWTs in <c>vp.verifiableCredential</c>).</summary>
    public static byte[] WriteJwt11(string holder, IEnumerable<string> credentialJws, string nonce, string audience, DateTimeOffset issuedAt, DateTimeOffset expires, string id)
    {
        ArgumentNullException.ThrowIfNull(credentialJws);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("iss", holder);
            w.WriteString("aud", audience);
            w.WriteNumber("nbf", issuedAt.ToUnixTimeSeconds());
            w.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            w.WriteNumber("exp", expires.ToUnixTimeSeconds());
            w.WriteString("jti", id);
            w.WriteString("nonce", nonce);
            w.WriteStartObject("vp");
            w.WriteStartArray("@context");
            w.WriteStringValue(Credential.V1Context);
            w.WriteEndArray();
            w.WriteStartArray("type");
            w.WriteStringValue(CredentialTerms.VerifiablePresentation);
            w.WriteEndArray();
            w.WriteStartArray("verifiableCredential");
            foreach (string jws in credentialJws)
            {
                w.WriteStringValue(jws);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }
}
