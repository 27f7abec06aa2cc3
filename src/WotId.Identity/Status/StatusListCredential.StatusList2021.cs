// Status List 2021 (W3C WD 2023-04-27) §2.2 StatusList2021Credential: type [VerifiableCredential,
// StatusList2021Credential], credentialSubject {id, type StatusList2021, statusPurpose, encodedList (§2.3: base64 of
// GZIP, no multibase prefix)}. Written here in the VC Data Model 1.1 §6.3.1 JWT form IOTA Identity uses (iss, sub, nbf,
// exp, jti, vc with the v1 context), so IOTA Identity's StatusList2021Credential reads the decoded credential and our
// verifier reads it like any other list (signed by the credential's issuer, valid period, freshness bound).
using System;
using System.IO;
using System.Text.Json;
using WotId.Identity.Credentials;

namespace WotId.Identity.Status;

/// <summary>Status List 2021 credentials.</summary>
public static partial class StatusListCredential
{
    /// <summary>The Status List 2021 credential type.</summary>
    public const string StatusList2021Type = "StatusList2021Credential";

    /// <summary>The Status List 2021 subject type.</summary>
    public const string StatusList2021SubjectType = "StatusList2021";

    /// <summary>The JWT claims (VC-JWT 1.1) of a StatusList2021Credential published at <paramref name="url"/>.</summary>
    public static byte[] WriteStatusList2021Jwt11(string issuer, string url, string statusPurpose, BitstringStatusList list, DateTimeOffset validFrom, DateTimeOffset validUntil)
    {
        ArgumentNullException.ThrowIfNull(list);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("iss", issuer);
            w.WriteString("sub", url + "#list");
            w.WriteNumber("nbf", validFrom.ToUnixTimeSeconds());
            w.WriteNumber("exp", validUntil.ToUnixTimeSeconds());
            w.WriteString("jti", url);
            w.WriteStartObject("vc");
            w.WriteStartArray("@context");
            w.WriteStringValue(Credential.V1Context);
            w.WriteEndArray();
            w.WriteStartArray("type");
            w.WriteStringValue(CredentialTerms.VerifiableCredential);
            w.WriteStringValue(StatusList2021Type);
            w.WriteEndArray();
            w.WriteStartObject("credentialSubject");
            w.WriteString("type", StatusList2021SubjectType);
            w.WriteString("statusPurpose", statusPurpose);
            w.WriteString("encodedList", list.EncodeStatusList2021());
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static (string StatusPurpose, BitstringStatusList List) ReadStatusList2021(Credential credential)
    {
        if (IdentityJson.OptionalString(credential.Subject, "type") != StatusList2021SubjectType)
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "not a StatusList2021Credential");
        }

        string purpose = IdentityJson.RequireString(credential.Subject, "statusPurpose");
        return (purpose, BitstringStatusList.DecodeStatusList2021(IdentityJson.RequireString(credential.Subject, "encodedList")));
    }
}
