// Importing the VerifiedHuman credential into the running node (docs/node.md "Credential"): the same checks as
// `wotid credential import` makes on a stopped profile (the vc+jwt parses, is signed by its issuer, is a
// VerifiedHumanCredential inside its validity period, its subject is this profile's DID; revocation is left to
// peers, who check it at every handshake), then it is stored and presented from the next handshake on: connections
// already verified keep running on the credential they were verified with.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Jose;
using WotId.Identity.Status;
using WotId.Identity.Verification;
using WotId.Node.Api;
using WotId.Node.Invitations;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <inheritdoc />
    public async Task<ImportedCredential> ImportCredentialAsync(string credentialJws, CancellationToken cancellationToken = default)
    {
        string jws = credentialJws?.Trim() ?? string.Empty;
        if (jws.Length is 0 or > Profile.Profile.MaxCredentialLength)
        {
            throw new NodeException(NodeError.InvalidCredential, $"a credential has 1..{Profile.Profile.MaxCredentialLength} characters");
        }

        string issuer;
        try
        {
            CompactJws parsed = CompactJws.Parse(jws);
            if (parsed.Header.Typ != CredentialTerms.VcJwtType)
            {
                throw new NodeException(NodeError.InvalidCredential, "not a credential: the JWS type is not vc+jwt");
            }

            issuer = Credential.Parse(parsed.Payload).Issuer;
        }
        catch (IdentityFormatException e)
        {
            throw new NodeException(NodeError.InvalidCredential, "not a credential: " + e.Message, e);
        }

        var policy = new VerifierPolicy { TrustedIssuers = [issuer], RequireStatusCheck = false };
        var verifier = new CredentialVerifier(new DidResolver(), new LocalStatusListCache(), time: _time);
        VerificationResult result = await verifier.VerifyCredentialAsync(jws, policy, _profile.Did, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new NodeException(NodeError.InvalidCredential, $"credential not imported: {result.Failure}: {result.Detail}");
        }

        _profile.SetCredential(jws);
        _identity.ReplaceCredential(jws);
        Credential credential = result.Credential!;
        string fingerprint = DidFingerprint.Short(issuer);
        Log.CredentialReplaced(_logger, fingerprint);
        return new ImportedCredential(credential.Id, issuer, fingerprint, credential.ValidFrom, credential.ValidUntil,
            _profile.GetTrustedIssuers().Contains(issuer, System.StringComparer.Ordinal));
    }
}
