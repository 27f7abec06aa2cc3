// The node's own credential as `wotid status` shows it: issuer and validity read from the vc+jwt payload (the
// credential JSON, VC-JOSE-COSE §3.1.1). The signature is not checked here: the credential was verified when it was
// imported, and peers verify it (with revocation) in every handshake.
using System;
using WotId.Identity;
using WotId.Identity.Credentials;
using WotId.Identity.Jose;
using WotId.Node.Api;
using WotId.Node.Invitations;

namespace WotId.Node.Runtime;

/// <summary>Builds <see cref="CredentialSummary"/> from a stored credential.</summary>
internal static class CredentialSummaries
{
    /// <summary>The summary of <paramref name="jwt"/>, or null when there is none or it does not parse.</summary>
    internal static CredentialSummary? From(string? jwt, DateTimeOffset now)
    {
        if (jwt is null)
        {
            return null;
        }

        Credential credential;
        try
        {
            credential = Credential.Parse(CompactJws.Parse(jwt).Payload);
        }
        catch (IdentityFormatException)
        {
            return null;
        }

        bool valid = (credential.ValidFrom is not { } from || from <= now) && (credential.ValidUntil is not { } until || now < until);
        return new CredentialSummary(credential.Issuer, DidFingerprint.Short(credential.Issuer), credential.ValidFrom, credential.ValidUntil, valid);
    }
}
