using System;
using System.Collections.Generic;
using WotId.Identity.Credentials;

namespace WotId.Identity.Verification;

/// <summary>What a verifier accepts.</summary>
public sealed class VerifierPolicy
{
    /// <summary>Issuer DIDs whose credentials are accepted (empty: none).</summary>
    public IReadOnlyCollection<string> TrustedIssuers { get; init; } = Array.Empty<string>();

    /// <summary>Credential types of which at least one must be present.</summary>
    public IReadOnlyCollection<string> AcceptedTypes { get; init; } = [CredentialTerms.VerifiedHumanCredential];

    /// <summary>Reject credentials whose <c>validFrom</c> is older than this (null: no limit).</summary>
    public TimeSpan? MaxCredentialAge { get; init; }

    /// <summary>Require a verified, issuer-signed status list showing the credential not revoked.</summary>
    public bool RequireStatusCheck { get; init; } = true;

    /// <summary>
    /// Freshness bound of a status list credential: one whose <c>validFrom</c> is older than this is refused even
    /// before its <c>validUntil</c> (and one without <c>validUntil</c> is bounded by this alone), so an old signed
    /// list cannot hide a revocation for longer.
    /// </summary>
    public TimeSpan MaxStatusListAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Accept classical Ed25519 signatures (JOSE <c>Ed25519</c>/<c>EdDSA</c>) on presentations and credentials; off by default.</summary>
    public bool AllowClassicalSignatures { get; init; }

    /// <summary>Accept experimental Falcon-512 signatures.</summary>
    public bool AllowExperimentalFalcon { get; init; }

    /// <summary>Tolerated clock difference.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest accepted presentation lifetime (<c>exp − iat</c>).</summary>
    public TimeSpan MaxPresentationLifetime { get; init; } = TimeSpan.FromMinutes(10);
}
