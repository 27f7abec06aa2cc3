// Bitstring Status List v1.0 §3.2 "Validate Algorithm": fetch the status list credential, verify it is
// signed by the credential's issuer (STATUS_VERIFICATION_ERROR), purpose matches, decode
// (STATUS_LIST_LENGTH_ERROR), range-check the index (RANGE_ERROR), read the bit: 1 = revoked. The list is a
// credential and is checked like one (§2.3 "secured like any other credential"): vc+jwt typ, the algorithm policy, a
// required id equal to the entry's URL, and its validity period (VC Data Model 2.0 §4.9) plus the policy's freshness
// bound, so an old signed list cannot hide a revocation. A Status List 2021 entry (W3C WD 2023-04-27 §2.1, as IOTA
// Identity writes it) is checked the same way against a StatusList2021Credential in the VC-JWT 1.1 form (typ JWT); each
// entry type must point at its own list type. IOTA Identity's RevocationBitmap2022 status is checked against the issuer's
// DID document instead (CredentialVerifier.RevocationBitmap.cs).
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Jose;
using WotId.Identity.Status;

namespace WotId.Identity.Verification;

/// <summary>Status checking.</summary>
public sealed partial class CredentialVerifier
{
    private async ValueTask<VerificationResult?> CheckStatusAsync(Credential credential, VerifierPolicy policy, CancellationToken cancellationToken)
    {
        StatusListEntry? entry = credential.Status;
        if (entry is null)
        {
            return policy.RequireStatusCheck
                ? VerificationResult.Fail(VerificationFailure.StatusUnavailable, "credential has no status entry but the policy requires one", credential)
                : null;
        }

        if (entry.IsRevocationBitmap2022)
        {
            return await CheckRevocationBitmapAsync(credential, entry, policy, cancellationToken).ConfigureAwait(false);
        }

        string? listJws = await _statusLists.GetAsync(entry.StatusListCredential, cancellationToken).ConfigureAwait(false);
        if (listJws is null)
        {
            return policy.RequireStatusCheck
                ? VerificationResult.Fail(VerificationFailure.StatusUnavailable, "status list credential not available", credential)
                : null;
        }

        string? problem;
        BitstringStatusList? list = null;
        try
        {
            CompactJws jws = CompactJws.Parse(listJws);
            string expectedTyp = entry.IsStatusList2021 ? CredentialTerms.JwtType : CredentialTerms.VcJwtType;
            Credential listCredential = jws.Header.Typ == CredentialTerms.JwtType ? Credential.ParseJwt11(jws.Payload) : Credential.Parse(jws.Payload);
            (string purpose, list) = StatusListCredential.Read(listCredential);
            bool listIs2021 = listCredential.Types.Contains(StatusListCredential.StatusList2021Type);
            problem = jws.Header.Typ != expectedTyp ? "STATUS_VERIFICATION_ERROR: list JWS typ must be " + expectedTyp
                : listIs2021 != entry.IsStatusList2021 ? "STATUS_VERIFICATION_ERROR: entry and list types differ"
                : NotAllowed(jws.Header.Algorithm, policy) is { } why ? "STATUS_VERIFICATION_ERROR: " + why
                : listCredential.Issuer != credential.Issuer ? "STATUS_VERIFICATION_ERROR: list issuer differs"
                : listCredential.Id is null ? "STATUS_VERIFICATION_ERROR: list has no id"
                : listCredential.Id != entry.StatusListCredential ? "STATUS_VERIFICATION_ERROR: list id differs"
                : StaleList(listCredential, policy) is { } stale ? "STATUS_VERIFICATION_ERROR: " + stale
                : purpose != entry.StatusPurpose ? "STATUS_VERIFICATION_ERROR: statusPurpose differs"
                : entry.Index >= list.Length ? "RANGE_ERROR: index outside the list"
                : null;
            if (problem is null)
            {
                VerificationResult? sig = await CheckSignatureAsync(jws, credential.Issuer, VerificationRelationship.AssertionMethod, cancellationToken).ConfigureAwait(false);
                problem = sig is null ? null : "STATUS_VERIFICATION_ERROR: " + sig.Detail;
            }
        }
        catch (IdentityFormatException ex)
        {
            problem = $"STATUS_LIST_LENGTH_ERROR or malformed list: {ex.Error}";
        }

        if (problem is not null)
        {
            return policy.RequireStatusCheck ? VerificationResult.Fail(VerificationFailure.StatusUnavailable, problem, credential) : null;
        }

        return list!.Get(entry.Index)
            ? VerificationResult.Fail(VerificationFailure.Revoked, $"credential {entry.StatusPurpose} bit is set", credential)
            : null;
    }

    /// <summary>Why a list is outside its validity period or older than the freshness bound; null when it is current.</summary>
    private string? StaleList(Credential list, VerifierPolicy policy)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (list.ValidFrom is not { } from)
        {
            return "list has no validFrom";
        }

        if (from > now + policy.ClockSkew)
        {
            return "list is not valid yet";
        }

        if (list.ValidUntil is { } until && until <= now - policy.ClockSkew)
        {
            return "list has expired";
        }

        return now - from > policy.MaxStatusListAge + policy.ClockSkew ? "list is older than the freshness bound" : null;
    }
}
