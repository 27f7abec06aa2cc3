// RevocationBitmap2022 status (identity.rs identity_credential validator/jwt_credential_validation/
// jwt_credential_validator_utils.rs, check_status and check_revocation_bitmap_status): the status id's DID must be the
// credential's issuer; the issuer's resolved DID document must hold a service with that id, of type RevocationBitmap2022,
// whose endpoint decodes (RevocationBitmap.Endpoint.cs); the credential is revoked when its index is in the bitmap.
// Outcomes as for status lists: a set bit is Revoked; anything missing or malformed is StatusUnavailable when the policy
// requires a status check (IOTA Identity: ServiceLookupError / InvalidStatus), and is ignored otherwise.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Status;

namespace WotId.Identity.Verification;

/// <summary>RevocationBitmap2022 status checking.</summary>
public sealed partial class CredentialVerifier
{
    private async ValueTask<VerificationResult?> CheckRevocationBitmapAsync(Credential credential, StatusListEntry entry, VerifierPolicy policy, CancellationToken cancellationToken)
    {
        (string serviceDid, _) = DidSyntax.SplitUrl(entry.StatusListCredential);
        string? problem = null;
        RevocationBitmap? bitmap = null;
        if (serviceDid != credential.Issuer)
        {
            problem = "STATUS_VERIFICATION_ERROR: the RevocationBitmap2022 service is not in the issuer's DID document";
        }
        else
        {
            DidResolutionResult resolved = await _resolver.ResolveAsync(serviceDid, cancellationToken).ConfigureAwait(false);
            DidService? service = resolved.Document?.Services.FirstOrDefault(s => s.Id == entry.StatusListCredential);
            if (resolved.Document is null)
            {
                problem = $"STATUS_RETRIEVAL_ERROR: issuer DID document unavailable ({resolved.Error})";
            }
            else if (service is null)
            {
                problem = "STATUS_RETRIEVAL_ERROR: the issuer's DID document has no service " + entry.StatusListCredential;
            }
            else
            {
                try
                {
                    bitmap = RevocationBitmap.FromService(service);
                }
                catch (IdentityFormatException ex)
                {
                    problem = $"STATUS_VERIFICATION_ERROR: malformed RevocationBitmap2022 service: {ex.Error}";
                }
            }
        }

        if (problem is not null)
        {
            return policy.RequireStatusCheck ? VerificationResult.Fail(VerificationFailure.StatusUnavailable, problem, credential) : null;
        }

        return bitmap!.IsRevoked((uint)entry.Index)
            ? VerificationResult.Fail(VerificationFailure.Revoked, "credential index is set in the issuer's RevocationBitmap2022", credential)
            : null;
    }
}
