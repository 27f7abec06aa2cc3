// The node's own VerifiedHuman credential as `wotid status` shows it.
using System;

namespace WotId.Node.Api;

/// <summary>The imported credential.</summary>
/// <param name="Issuer">Issuer DID.</param>
/// <param name="IssuerFingerprint">Short fingerprint of the issuer DID.</param>
/// <param name="ValidFrom">Start of validity, if stated.</param>
/// <param name="ValidUntil">End of validity, if stated.</param>
/// <param name="Valid">Whether it is within its validity period now (revocation is checked by peers).</param>
public sealed record CredentialSummary(string Issuer, string IssuerFingerprint, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, bool Valid);
