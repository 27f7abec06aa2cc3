// Issues VerifiedHumanCredentials (docs/credential.md) secured with VC-JOSE-COSE §3.1.1 (vc+jwt, RFC 9964
// ML-DSA), each with a BitstringStatusListEntry (revocation), and the matching status list credential
// (Bitstring Status List v1.0 §2.3). The issuer DID is the did:key of its signing key, or a DID named by the caller
// (IssuerDid/KeyId, e.g. a did:iota whose document lists the key). Format VcJwt11 writes credentials in the VC Data
// Model 1.1 §6.3.1 JWT form (typ JWT, vc claim) that IOTA Identity's JwtCredentialValidator reads; status list
// credentials stay vc+jwt. With RevocationBitmapServiceId set, VC-JWT 1.1 credentials carry IOTA Identity's
// RevocationBitmap2022 status instead (identity_credential credential/revocation_bitmap_status.rs) and the issuer's
// revocations are published as a RevocationBitmap2022 service of its DID document (RevocationBitmapService).
using System;
using WotId.Identity.Credentials;
using WotId.Identity.Jose;
using WotId.Identity.Keys;
using WotId.Identity.Status;

namespace WotId.Identity.Issuing;

/// <summary>An issuer: a signing key plus its status list state.</summary>
public sealed class CredentialIssuer
{
    private readonly SigningKey _key;
    private readonly TimeProvider _time;

    /// <summary>Creates the issuer; the key must be able to sign JWS (ML-DSA, or experimental Falcon-512).</summary>
    public CredentialIssuer(SigningKey key, IssuerState state, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        if (!KeyAlgorithms.CanIssue(key.Algorithm))
        {
            throw new ArgumentException("issuer keys must be ML-DSA, composite ML-DSA + Ed25519 or experimental Falcon-512", nameof(key));
        }

        _key = key;
        State = state;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The issuer DID: <see cref="IssuerDid"/> when set, else the did:key of the signing key.</summary>
    public string Did => IssuerDid ?? _key.Did;

    /// <summary>
    /// The issuer DID when it is not the key's did:key (e.g. <c>did:iota:0x…</c>, whose document must list the key under
    /// <c>assertionMethod</c>); set <see cref="KeyId"/> with it. Required for composite keys, which have no did:key.
    /// </summary>
    public string? IssuerDid { get; init; }

    /// <summary>The JWS <c>kid</c> (a DID URL of <see cref="IssuerDid"/>); defaults to the did:key method id.</summary>
    public string? KeyId { get; init; }

    /// <summary>The credential form written: VC 2.0 <c>vc+jwt</c> (default) or VC-JWT 1.1 for IOTA Identity.</summary>
    public CredentialFormat Format { get; init; } = CredentialFormat.VcJose;

    /// <summary>The status list state (persist it after issuing or revoking).</summary>
    public IssuerState State { get; }

    /// <summary>Issues a VerifiedHumanCredential to <paramref name="subjectDid"/>, valid from now for <paramref name="validity"/>.</summary>
    public IssuedCredential IssueVerifiedHuman(string subjectDid, TimeSpan validity, string verificationLevel = "in-person", DateTimeOffset? verifiedAt = null)
    {
        Dids.DidSyntax.Require(subjectDid);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validity, TimeSpan.Zero);
        CheckStatusOptions();
        DateTimeOffset now = Truncate(_time.GetUtcNow());
        string id = "urn:uuid:" + Guid.NewGuid().ToString("D");
        int index = State.Allocate(id);
        var credential = new VerifiedHumanCredential
        {
            Id = id,
            Issuer = Did,
            SubjectId = subjectDid,
            ValidFrom = now,
            ValidUntil = now + validity,
            VerificationLevel = verificationLevel,
            VerifiedAt = verifiedAt ?? now,
            Status = StatusEntry(index),
        };
        return Format == CredentialFormat.VcJwt11
            ? new IssuedCredential(id, index, Sign(credential.ToJwt11Bytes(), CredentialTerms.JwtType))
            : new IssuedCredential(id, index, Sign(credential.ToJsonBytes()));
    }

    /// <summary>Sets the revocation bit of a credential issued here; false when the id is unknown.</summary>
    public bool Revoke(string credentialId)
    {
        if (!State.Issued.TryGetValue(credentialId, out int index))
        {
            return false;
        }

        State.List.Set(index, true);
        return true;
    }

    /// <summary>Clears the revocation bit of a credential issued here; false when the id is unknown.</summary>
    public bool Unrevoke(string credentialId)
    {
        if (!State.Issued.TryGetValue(credentialId, out int index))
        {
            return false;
        }

        State.List.Set(index, false);
        return true;
    }

    /// <summary>
    /// The id (<c>did…#fragment</c> of <see cref="Did"/>) of the issuer's RevocationBitmap2022 service. When set, credentials
    /// carry a RevocationBitmap2022 status pointing at it (only with <see cref="CredentialFormat.VcJwt11"/>, the form IOTA
    /// Identity's JwtCredentialValidator checks), and <see cref="RevocationBitmapService"/> gives the service to publish in
    /// the issuer's DID document after every revocation.
    /// </summary>
    public string? RevocationBitmapServiceId { get; init; }

    /// <summary>The issuer's revocations (the state's set bits) as a RevocationBitmap2022.</summary>
    public RevocationBitmap CurrentRevocationBitmap()
    {
        var bitmap = new RevocationBitmap();
        foreach (int index in State.Issued.Values)
        {
            if (State.List.Get(index))
            {
                bitmap.Revoke((uint)index);
            }
        }

        return bitmap;
    }

    /// <summary>The RevocationBitmap2022 service for the issuer's DID document (see <see cref="Dids.DidDocument.WithService"/>).</summary>
    /// <exception cref="InvalidOperationException"><see cref="RevocationBitmapServiceId"/> is not set.</exception>
    public Dids.DidService RevocationBitmapService() =>
        CurrentRevocationBitmap().ToService(RevocationBitmapServiceId ?? throw new InvalidOperationException("RevocationBitmapServiceId is not set"));

    /// <summary>
    /// Status List 2021 (W3C WD 2023-04-27) instead of Bitstring Status List: credentials carry a StatusList2021Entry and
    /// <see cref="IssueStatusListCredential"/> signs a StatusList2021Credential, both in the VC-JWT 1.1 form that IOTA
    /// Identity reads. Only with <see cref="CredentialFormat.VcJwt11"/>.
    /// </summary>
    public bool UseStatusList2021 { get; init; }

    /// <summary>How long each status list credential it signs stays valid (default <see cref="StatusListCredential.DefaultLifetime"/>).</summary>
    public TimeSpan StatusListLifetime { get; init; } = StatusListCredential.DefaultLifetime;

    /// <summary>
    /// The current status list credential, valid for <see cref="StatusListLifetime"/> from now: re-issue it after
    /// every revocation and before it expires, and publish it.
    /// </summary>
    public string IssueStatusListCredential()
    {
        DateTimeOffset now = Truncate(_time.GetUtcNow());
        return UseStatusList2021
            ? Sign(StatusListCredential.WriteStatusList2021Jwt11(Did, State.StatusListUrl, "revocation", State.List, now, now + StatusListLifetime), CredentialTerms.JwtType)
            : Sign(StatusListCredential.Write(Did, State.StatusListUrl, "revocation", State.List, now, now + StatusListLifetime));
    }

    /// <summary>Refuses a status configuration that cannot be issued, before an index is allocated.</summary>
    private void CheckStatusOptions()
    {
        if ((UseStatusList2021 || RevocationBitmapServiceId is not null) && Format != CredentialFormat.VcJwt11)
        {
            throw new InvalidOperationException("Status List 2021 and RevocationBitmap2022 entries are only issued in the VC-JWT 1.1 form");
        }

        if (UseStatusList2021 && RevocationBitmapServiceId is not null)
        {
            throw new InvalidOperationException("choose Status List 2021 or RevocationBitmap2022, not both");
        }

        if (RevocationBitmapServiceId is { } serviceId)
        {
            int hash = serviceId.IndexOf('#', StringComparison.Ordinal);
            if (hash < 0 || serviceId[..hash] != Did || hash == serviceId.Length - 1)
            {
                throw new InvalidOperationException("the RevocationBitmap2022 service must be a DID URL with a fragment in the issuer's DID document");
            }
        }
    }

    private StatusListEntry StatusEntry(int index) =>
        RevocationBitmapServiceId is { } serviceId ? StatusListEntry.ForRevocationBitmap2022(serviceId, index)
        : UseStatusList2021 ? StatusListEntry.ForStatusList2021(State.StatusListUrl, index) : new StatusListEntry(State.StatusListUrl, index);

    private string Sign(byte[] payload, string typ = CredentialTerms.VcJwtType) =>
        CompactJws.Sign(new JwsHeader(_key.Algorithm, KeyId ?? _key.KeyId, typ), payload, _key);

    private static DateTimeOffset Truncate(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());
}
