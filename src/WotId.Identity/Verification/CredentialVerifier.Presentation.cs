// Presentation verification (VC-JOSE-COSE vp+jwt; VC Data Model 2.0 "Verifiable Presentations"; or the VC-JWT 1.1 form
// IOTA Identity writes, typ JWT with the nonce in the protected header): signed by the holder's
// authentication key, nonce/aud equal to this connection's challenge/audience (ConnectionBinding),
// iat/exp window, holder as expected, every enveloped credential valid for the holder as subject, and
// finally the nonce recorded so the same presentation cannot be accepted twice.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Binding;
using WotId.Identity.Credentials;
using WotId.Identity.Jose;

namespace WotId.Identity.Verification;

/// <summary>Presentation checks.</summary>
public sealed partial class CredentialVerifier
{
    /// <summary>Verifies a vp+jwt received on the connection described by <paramref name="binding"/>.</summary>
    public ValueTask<VerificationResult> VerifyPresentationAsync(string jws, VerifierPolicy policy, ConnectionBinding binding, string? expectedHolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return VerifyPresentationAsync(jws, policy, binding.Challenge, binding.Audience, expectedHolder, cancellationToken);
    }

    /// <summary>Verifies a vp+jwt that must carry <paramref name="challenge"/> as nonce and <paramref name="audience"/> as aud.</summary>
    public async ValueTask<VerificationResult> VerifyPresentationAsync(string jws, VerifierPolicy policy, string challenge, string audience, string? expectedHolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        CompactJws parsed;
        Presentation vp;
        try
        {
            parsed = CompactJws.Parse(jws ?? string.Empty);
            switch (parsed.Header.Typ)
            {
                case CredentialTerms.VpJwtType:
                    vp = Presentation.Parse(parsed.Payload);
                    break;
                case CredentialTerms.JwtType:
                    vp = Presentation.ParseJwt11(parsed.Payload, parsed.Header.Nonce);
                    break;
                default:
                    return VerificationResult.Fail(VerificationFailure.MalformedInput, "JWS typ must be vp+jwt (VC 2.0) or JWT (VC-JWT 1.1)");
            }
        }
        catch (IdentityFormatException ex)
        {
            return VerificationResult.Fail(VerificationFailure.MalformedInput, $"{ex.Error}: {ex.Message}");
        }

        if (NotAllowed(parsed.Header.Algorithm, policy) is { } why)
        {
            return VerificationResult.Fail(VerificationFailure.AlgorithmNotAllowed, why, null, vp);
        }

        VerificationResult? signature = await CheckSignatureAsync(parsed, vp.Holder, Dids.VerificationRelationship.Authentication, cancellationToken).ConfigureAwait(false);
        if (signature is not null)
        {
            return signature.With(vp, "presentation: ");
        }

        if (vp.Nonce != challenge || vp.Audience != audience)
        {
            return VerificationResult.Fail(VerificationFailure.NotBound, "presentation nonce/aud are not this connection's challenge and audience", null, vp);
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (vp.IssuedAt > now + policy.ClockSkew)
        {
            return VerificationResult.Fail(VerificationFailure.NotYetValid, "presentation iat is in the future", null, vp);
        }

        if (vp.Expires <= now - policy.ClockSkew || vp.Expires - vp.IssuedAt > policy.MaxPresentationLifetime)
        {
            return VerificationResult.Fail(VerificationFailure.Expired, "presentation expired or lives longer than the policy allows", null, vp);
        }

        if (expectedHolder is not null && vp.Holder != expectedHolder)
        {
            return VerificationResult.Fail(VerificationFailure.WrongSubject, "presentation holder is not the expected DID", null, vp);
        }

        if (vp.Credentials.Count == 0)
        {
            return VerificationResult.Fail(VerificationFailure.WrongType, "presentation carries no credential", null, vp);
        }

        VerificationResult? last = null;
        for (int i = 0; i < vp.Credentials.Count; i++)
        {
            last = await VerifyCredentialAsync(vp.Credentials[i], policy, vp.Holder, cancellationToken).ConfigureAwait(false);
            if (!last.IsValid)
            {
                return last.With(vp, $"credential {i}: ");
            }
        }

        if (!_nonces.TryRecord(vp.Nonce, vp.Expires + policy.ClockSkew, now))
        {
            return VerificationResult.Fail(VerificationFailure.ReplayedNonce, "presentation nonce already used", last!.Credential, vp);
        }

        return VerificationResult.Valid(last!.Credential, vp);
    }
}
