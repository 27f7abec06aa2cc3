// Verification of JOSE-secured credentials (VC-JOSE-COSE §3.1.1 vc+jwt, or VC Data Model 1.1 §6.3.1 JWT as IOTA Identity
// issues them; RFC 9964 ML-DSA or IOTA Identity's composite ML-DSA + Ed25519) against a policy, in
// this order: parse → algorithm allowed → issuer trusted → resolve
// issuer DID → kid in assertionMethod → signature → type → validity period and age → subject → status.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Jose;
using WotId.Identity.Status;

namespace WotId.Identity.Verification;

/// <summary>Verifies credentials and presentations; failures are results with a precise reason.</summary>
public sealed partial class CredentialVerifier
{
    private readonly IDidResolver _resolver;
    private readonly IStatusListProvider _statusLists;
    private readonly INonceStore _nonces;
    private readonly TimeProvider _time;
    private readonly VerifiedSignatureCache _signatures = new();

    /// <summary>Creates the verifier.</summary>
    public CredentialVerifier(IDidResolver resolver, IStatusListProvider statusLists, INonceStore? nonces = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(statusLists);
        _resolver = resolver;
        _statusLists = statusLists;
        _nonces = nonces ?? new MemoryNonceStore();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Verifies a vc+jwt (or a VC-JWT 1.1 with <c>typ: JWT</c>); <paramref name="expectedSubject"/> (when given) must be its subject id.</summary>
    public async ValueTask<VerificationResult> VerifyCredentialAsync(string jws, VerifierPolicy policy, string? expectedSubject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        CompactJws parsed;
        Credential credential;
        try
        {
            parsed = CompactJws.Parse(jws ?? string.Empty);
            switch (parsed.Header.Typ)
            {
                case CredentialTerms.VcJwtType:
                    credential = Credential.Parse(parsed.Payload);
                    break;
                case CredentialTerms.JwtType:
                    credential = Credential.ParseJwt11(parsed.Payload);
                    break;
                default:
                    return VerificationResult.Fail(VerificationFailure.MalformedInput, "JWS typ must be vc+jwt (VC 2.0) or JWT (VC-JWT 1.1)");
            }
        }
        catch (IdentityFormatException ex)
        {
            return VerificationResult.Fail(VerificationFailure.MalformedInput, $"{ex.Error}: {ex.Message}");
        }

        if (NotAllowed(parsed.Header.Algorithm, policy) is { } why)
        {
            return VerificationResult.Fail(VerificationFailure.AlgorithmNotAllowed, why, credential);
        }

        if (!policy.TrustedIssuers.Contains(credential.Issuer))
        {
            return VerificationResult.Fail(VerificationFailure.UnknownIssuer, "issuer is not trusted", credential);
        }

        VerificationResult? signature = await CheckSignatureAsync(parsed, credential.Issuer, VerificationRelationship.AssertionMethod, cancellationToken).ConfigureAwait(false);
        if (signature is not null)
        {
            return VerificationResult.Fail(signature.Failure, signature.Detail, credential);
        }

        if (!credential.Types.Any(policy.AcceptedTypes.Contains))
        {
            return VerificationResult.Fail(VerificationFailure.WrongType, "credential has none of the accepted types", credential);
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (credential.ValidFrom is { } from && from > now + policy.ClockSkew)
        {
            return VerificationResult.Fail(VerificationFailure.NotYetValid, "validFrom is in the future", credential);
        }

        if (credential.ValidUntil is { } until && until <= now - policy.ClockSkew)
        {
            return VerificationResult.Fail(VerificationFailure.Expired, "validUntil has passed", credential);
        }

        if (policy.MaxCredentialAge is { } maxAge && (credential.ValidFrom is not { } issued || now - issued > maxAge))
        {
            return VerificationResult.Fail(VerificationFailure.Expired, "credential older than the policy's maximum age", credential);
        }

        if (expectedSubject is not null && credential.SubjectId != expectedSubject)
        {
            return VerificationResult.Fail(VerificationFailure.WrongSubject, "credential subject is not the expected DID", credential);
        }

        VerificationResult? status = await CheckStatusAsync(credential, policy, cancellationToken).ConfigureAwait(false);
        return status ?? VerificationResult.Valid(credential, null);
    }

    private static string? NotAllowed(KeyAlgorithm algorithm, VerifierPolicy policy) => algorithm switch
    {
        KeyAlgorithm.Falcon512Experimental when !policy.AllowExperimentalFalcon => "Falcon-512 is experimental and not allowed by the policy",
        KeyAlgorithm.Ed25519 when !policy.AllowClassicalSignatures => "Ed25519 is not post-quantum and not allowed by the policy",
        _ => null,
    };

    /// <summary>Resolves the signer and checks the JWS; null when it verifies.</summary>
    private async ValueTask<VerificationResult?> CheckSignatureAsync(CompactJws jws, string signerDid, VerificationRelationship relationship, CancellationToken cancellationToken)
    {
        string? kid = jws.Header.Kid;
        if (kid is null)
        {
            return VerificationResult.Fail(VerificationFailure.MalformedInput, "JWS header has no kid");
        }

        string kidDid;
        try
        {
            (kidDid, _) = DidSyntax.SplitUrl(kid);
        }
        catch (IdentityFormatException)
        {
            return VerificationResult.Fail(VerificationFailure.MalformedInput, "kid is not a DID URL");
        }

        if (kidDid != signerDid)
        {
            return VerificationResult.Fail(VerificationFailure.BadSignature, "kid does not belong to the signer's DID");
        }

        DidResolutionResult resolved = await _resolver.ResolveAsync(signerDid, cancellationToken).ConfigureAwait(false);
        if (resolved.Document is null)
        {
            return VerificationResult.Fail(VerificationFailure.DidUnresolvable, $"{resolved.Error}: {resolved.Message}");
        }

        VerificationMethod? method = resolved.Document.FindMethod(kid, relationship);
        if (method is null)
        {
            return VerificationResult.Fail(VerificationFailure.BadSignature, $"kid is not a {relationship} method of the signer");
        }

        return _signatures.Verify(jws, method.PublicKey)
            ? null
            : VerificationResult.Fail(VerificationFailure.BadSignature, "signature does not verify");
    }
}
