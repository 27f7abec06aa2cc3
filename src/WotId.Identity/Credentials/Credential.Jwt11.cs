// W3C VC Data Model 1.1 §6.3.1 "JWT and JWS Considerations" — decoding a credential from JWT claims, as IOTA Identity
// (identity_credential credential/jwt_serialization.rs) writes it:
//   iss → issuer (vc.issuer, when present, must agree)     nbf → validFrom (else vc.issuanceDate)
//   exp → validUntil (else vc.expirationDate)             jti → id (else vc.id)
//   sub → credentialSubject.id (vc.credentialSubject.id, when present, must agree)
//   vc  → @context (first must be the v1 URL), type, credentialSubject (one object), credentialStatus
// BitstringStatusListEntry, StatusList2021Entry and IOTA Identity's RevocationBitmap2022 status (a service in the issuer's
// DID document) are understood; any other status type is refused as malformed rather than ignored. Bound: the same 256 KiB
// of JSON as the VC 2.0 form.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace WotId.Identity.Credentials;

/// <summary>VC-JWT 1.1 decoding.</summary>
public sealed partial class Credential
{
    /// <summary>The VC Data Model 1.1 base context; must be first in the <c>vc</c> claim.</summary>
    public const string V1Context = "https://www.w3.org/2018/credentials/v1";

    private Credential(JsonElement claims, JsonElement vc)
    {
        List<string> contexts = IdentityJson.StringOrArray(vc, "@context", required: true);
        if (contexts.Count == 0 || contexts[0] != V1Context)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "vc.@context must start with the VC 1.1 context");
        }

        Contexts = contexts;
        Types = IdentityJson.StringOrArray(vc, "type", required: true);
        if (!Types.Contains(CredentialTerms.VerifiableCredential))
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "type must include VerifiableCredential");
        }

        Issuer = IdentityJson.RequireString(claims, "iss");
        if (vc.TryGetProperty("issuer", out JsonElement vcIssuer) && IssuerId(vcIssuer) != Issuer)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "vc.issuer differs from iss");
        }

        Id = IdentityJson.OptionalString(claims, "jti") ?? IdentityJson.OptionalString(vc, "id");
        ValidFrom = Seconds(claims, "nbf") ?? Date(vc, "issuanceDate");
        ValidUntil = Seconds(claims, "exp") ?? Date(vc, "expirationDate");
        if (!vc.TryGetProperty("credentialSubject", out JsonElement subject) || subject.ValueKind != JsonValueKind.Object)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "vc.credentialSubject must be one object");
        }

        string? sub = IdentityJson.OptionalString(claims, "sub");
        string? inner = IdentityJson.OptionalString(subject, "id");
        if (sub is not null && inner is not null && sub != inner)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "sub differs from vc.credentialSubject.id");
        }

        Subject = subject.Clone();
        SubjectId = sub ?? inner;
        VerifiedAt = Date(subject, "verifiedAt");
        Status = StatusListEntry.Read(vc);
        Format = CredentialFormat.VcJwt11;
    }

    /// <summary>Parses the claims of a VC-JWT 1.1 (the payload of a <c>typ: JWT</c> credential).</summary>
    /// <exception cref="IdentityFormatException">Malformed JSON, no <c>vc</c> object, or a data-model violation.</exception>
    public static Credential ParseJwt11(ReadOnlyMemory<byte> utf8Json)
    {
        using JsonDocument doc = IdentityJson.ParseObject(utf8Json, MaxJsonBytes);
        if (!doc.RootElement.TryGetProperty("vc", out JsonElement vc) || vc.ValueKind != JsonValueKind.Object)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "VC-JWT 1.1 claims need a vc object");
        }

        return new Credential(doc.RootElement, vc);
    }

    private static string IssuerId(JsonElement issuer) => issuer.ValueKind switch
    {
        JsonValueKind.String => issuer.GetString()!,
        JsonValueKind.Object => IdentityJson.RequireString(issuer, "id"),
        _ => throw new IdentityFormatException(IdentityError.MalformedCredential, "issuer must be a URL or an object with id"),
    };

    private static DateTimeOffset? Seconds(JsonElement claims, string name)
    {
        long? value = IdentityJson.OptionalInt64(claims, name);
        if (value is null)
        {
            return null;
        }

        if (value is < 0 or > 253402300799)
        {
            throw new IdentityFormatException(IdentityError.MalformedDate, $"{name} out of range");
        }

        return DateTimeOffset.FromUnixTimeSeconds(value.Value);
    }

    private static DateTimeOffset? Date(JsonElement obj, string name) =>
        IdentityJson.OptionalString(obj, name) is { } text ? IdentityJson.ParseDate(text) : null;
}
