// Bitstring Status List v1.0 §2.3 BitstringStatusListCredential: type [VerifiableCredential,
// BitstringStatusListCredential], credentialSubject {id, type BitstringStatusList, statusPurpose,
// encodedList}; secured like any other credential (vc+jwt, ML-DSA). A list carries a validity period (VC Data Model
// 2.0 §4.9 validFrom/validUntil) so that an old signed list stops being accepted: a verifier that only checked the
// signature could be served a list signed before a revocation for ever.
using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using WotId.Identity.Credentials;

namespace WotId.Identity.Status;

/// <summary>Writes and reads status list credentials.</summary>
public static partial class StatusListCredential
{
    /// <summary>The credential type.</summary>
    public const string Type = "BitstringStatusListCredential";

    /// <summary>The subject type.</summary>
    public const string SubjectType = "BitstringStatusList";

    /// <summary>How long a list the issuer signs stays valid (<c>validUntil − validFrom</c>) unless the issuer says otherwise.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    /// <summary>The credential JSON for a list published at <paramref name="url"/>, valid from <paramref name="validFrom"/> until <paramref name="validUntil"/> (none when null).</summary>
    public static byte[] Write(string issuer, string url, string statusPurpose, BitstringStatusList list, DateTimeOffset validFrom, DateTimeOffset? validUntil)
    {
        ArgumentNullException.ThrowIfNull(list);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("@context");
            w.WriteStringValue(CredentialTerms.V2Context);
            w.WriteEndArray();
            w.WriteString("id", url);
            w.WriteStartArray("type");
            w.WriteStringValue(CredentialTerms.VerifiableCredential);
            w.WriteStringValue(Type);
            w.WriteEndArray();
            w.WriteString("issuer", issuer);
            w.WriteString("validFrom", IdentityJson.FormatDate(validFrom));
            if (validUntil is { } until)
            {
                w.WriteString("validUntil", IdentityJson.FormatDate(until));
            }

            w.WriteStartObject("credentialSubject");
            w.WriteString("id", url + "#list");
            w.WriteString("type", SubjectType);
            w.WriteString("statusPurpose", statusPurpose);
            w.WriteString("encodedList", list.Encode());
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Reads the purpose and the list of a parsed status list credential.</summary>
    /// <exception cref="IdentityFormatException">Not a status list credential, or a malformed list.</exception>
    public static (string StatusPurpose, BitstringStatusList List) Read(Credential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (credential.Types.Contains(StatusList2021Type))
        {
            return ReadStatusList2021(credential);
        }

        if (!credential.Types.Contains(Type) || IdentityJson.OptionalString(credential.Subject, "type") != SubjectType)
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "not a BitstringStatusListCredential");
        }

        string purpose = IdentityJson.RequireString(credential.Subject, "statusPurpose");
        return (purpose, BitstringStatusList.Decode(IdentityJson.RequireString(credential.Subject, "encodedList")));
    }
}
