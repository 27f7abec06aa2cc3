// A credential imported into a running node (IWotIdNode.ImportCredentialAsync, POST /v1/credential): what was
// stored and whether this profile trusts its issuer.
using System;

namespace WotId.Node.Api;

/// <summary>The credential now presented in new handshakes.</summary>
/// <param name="Id">The credential id, if it states one.</param>
/// <param name="Issuer">Issuer DID.</param>
/// <param name="IssuerFingerprint">Short fingerprint of the issuer DID.</param>
/// <param name="ValidFrom">Start of validity, if stated.</param>
/// <param name="ValidUntil">End of validity, if stated.</param>
/// <param name="IssuerTrusted">Whether this profile's own trust list names the issuer (it need not: peers decide).</param>
public sealed record ImportedCredential(string? Id, string Issuer, string IssuerFingerprint, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, bool IssuerTrusted);
