// W3C VC Data Model 2.0 §4.13 presentations, secured per VC-JOSE-COSE §3.1.2 (vp+jwt) with the JWT claims
// nonce (RFC 7519 / OIDC), aud, iat, exp, jti; credentials are EnvelopedVerifiableCredential data URLs
// (VC-JOSE-COSE §3.3). Bound: 512 KiB of JSON, at most 16 credentials.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace WotId.Identity.Credentials;

/// <summary>A parsed presentation (payload of a vp+jwt) and the writer for new ones.</summary>
public sealed partial class Presentation
{
    /// <summary>Largest accepted presentation JSON.</summary>
    public const int MaxJsonBytes = 512 * 1024;

    /// <summary>Most enveloped credentials accepted in one presentation.</summary>
    public const int MaxCredentials = 16;

    private Presentation(string holder, List<string> credentials, string nonce, string audience, long issuedAt, long expires, string id)
    {
        Holder = holder;
        Credentials = credentials;
        Nonce = nonce;
        Audience = audience;
        IssuedAt = DateTimeOffset.FromUnixTimeSeconds(issuedAt);
        Expires = DateTimeOffset.FromUnixTimeSeconds(expires);
        Id = id;
    }

    /// <summary>The holder DID.</summary>
    public string Holder { get; }

    /// <summary>The enveloped credentials (compact JWS texts).</summary>
    public IReadOnlyList<string> Credentials { get; }

    /// <summary>The challenge (<c>nonce</c> claim).</summary>
    public string Nonce { get; }

    /// <summary>The audience (<c>aud</c> claim).</summary>
    public string Audience { get; }

    /// <summary><c>iat</c>.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary><c>exp</c>.</summary>
    public DateTimeOffset Expires { get; }

    /// <summary>The presentation id (<c>jti</c>).</summary>
    public string Id { get; }

    /// <summary>Writes presentation JSON.</summary>
    public static byte[] Write(string holder, IEnumerable<string> credentialJws, string nonce, string audience, DateTimeOffset issuedAt, DateTimeOffset expires, string id)
    {
        ArgumentNullException.ThrowIfNull(credentialJws);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("@context");
            w.WriteStringValue(CredentialTerms.V2Context);
            w.WriteEndArray();
            w.WriteString("id", id);
            w.WriteStartArray("type");
            w.WriteStringValue(CredentialTerms.VerifiablePresentation);
            w.WriteEndArray();
            w.WriteString("holder", holder);
            w.WriteStartArray("verifiableCredential");
            foreach (string jws in credentialJws)
            {
                w.WriteStartObject();
                w.WriteString("@context", CredentialTerms.V2Context);
                w.WriteString("type", CredentialTerms.EnvelopedVerifiableCredential);
                w.WriteString("id", CredentialTerms.EnvelopedDataPrefix + jws);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("nonce", nonce);
            w.WriteString("aud", audience);
            w.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            w.WriteNumber("exp", expires.ToUnixTimeSeconds());
            w.WriteString("jti", id);
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Parses presentation JSON.</summary>
    /// <exception cref="IdentityFormatException">Malformed or missing members.</exception>
    public static Presentation Parse(ReadOnlyMemory<byte> utf8Json)
    {
        using JsonDocument doc = IdentityJson.ParseObject(utf8Json, MaxJsonBytes);
        JsonElement root = doc.RootElement;
        List<string> contexts = IdentityJson.StringOrArray(root, "@context", required: true);
        List<string> types = IdentityJson.StringOrArray(root, "type", required: true);
        if (contexts.Count == 0 || contexts[0] != CredentialTerms.V2Context || !types.Contains(CredentialTerms.VerifiablePresentation))
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "not a VC 2.0 VerifiablePresentation");
        }

        var credentials = new List<string>();
        if (root.TryGetProperty("verifiableCredential", out JsonElement vcs))
        {
            if (vcs.ValueKind != JsonValueKind.Array || vcs.GetArrayLength() > MaxCredentials)
            {
                throw new IdentityFormatException(IdentityError.MalformedCredential, "verifiableCredential must be an array of at most 16 entries");
            }

            foreach (JsonElement vc in vcs.EnumerateArray())
            {
                if (vc.ValueKind != JsonValueKind.Object || IdentityJson.OptionalString(vc, "type") != CredentialTerms.EnvelopedVerifiableCredential)
                {
                    throw new IdentityFormatException(IdentityError.MalformedCredential, "only EnvelopedVerifiableCredential entries are accepted");
                }

                string data = IdentityJson.RequireString(vc, "id");
                if (!data.StartsWith(CredentialTerms.EnvelopedDataPrefix, StringComparison.Ordinal))
                {
                    throw new IdentityFormatException(IdentityError.MalformedCredential, "enveloped credential must be a data:application/vc+jwt URL");
                }

                credentials.Add(data[CredentialTerms.EnvelopedDataPrefix.Length..]);
            }
        }

        long iat = IdentityJson.OptionalInt64(root, "iat") ?? throw Missing("iat");
        long exp = IdentityJson.OptionalInt64(root, "exp") ?? throw Missing("exp");
        if (iat is < 0 or > 253402300799 || exp is < 0 or > 253402300799)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "iat/exp out of range");
        }

        return new Presentation(
            IdentityJson.RequireString(root, "holder"),
            credentials,
            IdentityJson.RequireString(root, "nonce"),
            IdentityJson.RequireString(root, "aud"),
            iat,
            exp,
            IdentityJson.RequireString(root, "jti"));
    }

    private static IdentityFormatException Missing(string name) =>
        new(IdentityError.MissingOrWrongMember, $"member '{name}' missing");
}
