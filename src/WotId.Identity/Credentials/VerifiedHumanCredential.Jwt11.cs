// The VerifiedHumanCredential in the VC Data Model 1.1 §6.3.1 JWT encoding, member for member the form IOTA Identity's
// createCredentialJwt* writes and its JwtCredentialValidator reads: iss, sub, nbf, exp, jti and the vc claim with the v1
// context (plus the wot.id context), type, credentialSubject without id (moved to sub) and credentialStatus.
using System.IO;
using System.Text.Json;

namespace WotId.Identity.Credentials;

/// <summary>VC-JWT 1.1 output.</summary>
public sealed partial class VerifiedHumanCredential
{
    /// <summary>The JWT claims (UTF-8, compact) of the credential in the VC-JWT 1.1 form.</summary>
    public byte[] ToJwt11Bytes()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("iss", Issuer);
            w.WriteString("sub", SubjectId);
            w.WriteNumber("nbf", ValidFrom.ToUnixTimeSeconds());
            w.WriteNumber("exp", ValidUntil.ToUnixTimeSeconds());
            w.WriteString("jti", Id);
            w.WriteStartObject("vc");
            w.WriteStartArray("@context");
            w.WriteStringValue(Credential.V1Context);
            w.WriteStringValue(CredentialTerms.WotIdContext);
            w.WriteEndArray();
            w.WriteStartArray("type");
            w.WriteStringValue(CredentialTerms.VerifiableCredential);
            w.WriteStringValue(CredentialTerms.VerifiedHumanCredential);
            w.WriteEndArray();
            w.WriteStartObject("credentialSubject");
            w.WriteString("type", CredentialTerms.VerifiedHuman);
            w.WriteString("verificationLevel", VerificationLevel);
            w.WriteString("verifiedAt", IdentityJson.FormatDate(VerifiedAt));
            w.WriteEndObject();
            Status?.Write(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }
}
