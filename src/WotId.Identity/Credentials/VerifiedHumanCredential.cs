// The wot.id VerifiedHumanCredential (docs/credential.md) on the W3C VC Data Model 2.0 §4: contexts
// [v2, wot.id v1], types [VerifiableCredential, VerifiedHumanCredential], issuer DID, validFrom/validUntil,
// credentialSubject {id, type VerifiedHuman, verificationLevel, verifiedAt}, BitstringStatusListEntry.
using System;
using System.IO;
using System.Text.Json;

namespace WotId.Identity.Credentials;

/// <summary>The unsigned content of a VerifiedHumanCredential; <see cref="ToJsonBytes"/> gives the JWS payload.</summary>
public sealed partial class VerifiedHumanCredential
{
    /// <summary>The credential id (<c>urn:uuid:…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The issuer DID.</summary>
    public required string Issuer { get; init; }

    /// <summary>The subject (holder) DID.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Start of validity.</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>End of validity.</summary>
    public required DateTimeOffset ValidUntil { get; init; }

    /// <summary>How the human was verified: <c>in-person</c>, <c>video</c>, <c>document</c> or <c>peer</c>.</summary>
    public string VerificationLevel { get; init; } = "in-person";

    /// <summary>When the verification happened.</summary>
    public required DateTimeOffset VerifiedAt { get; init; }

    /// <summary>The revocation entry, if any.</summary>
    public StatusListEntry? Status { get; init; }

    /// <summary>The credential JSON (UTF-8, compact).</summary>
    public byte[] ToJsonBytes()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("@context");
            w.WriteStringValue(CredentialTerms.V2Context);
            w.WriteStringValue(CredentialTerms.WotIdContext);
            w.WriteEndArray();
            w.WriteString("id", Id);
            w.WriteStartArray("type");
            w.WriteStringValue(CredentialTerms.VerifiableCredential);
            w.WriteStringValue(CredentialTerms.VerifiedHumanCredential);
            w.WriteEndArray();
            w.WriteString("issuer", Issuer);
            w.WriteString("validFrom", IdentityJson.FormatDate(ValidFrom));
            w.WriteString("validUntil", IdentityJson.FormatDate(ValidUntil));
            w.WriteStartObject("credentialSubject");
            w.WriteString("id", SubjectId);
            w.WriteString("type", CredentialTerms.VerifiedHuman);
            w.WriteString("verificationLevel", VerificationLevel);
            w.WriteString("verifiedAt", IdentityJson.FormatDate(VerifiedAt));
            w.WriteEndObject();
            Status?.Write(w);
            w.WriteEndObject();
        }

        return stream.ToArray();
    }
}
