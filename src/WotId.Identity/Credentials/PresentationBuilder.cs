// Holder side of VC-JOSE-COSE §3.1.2: a vp+jwt signed with the holder's authentication key, carrying
// the connection's challenge (nonce) and audience (aud), see Binding/ConnectionBinding.cs.
using System;
using System.Collections.Generic;
using WotId.Identity.Binding;
using WotId.Identity.Jose;
using WotId.Identity.Keys;

namespace WotId.Identity.Credentials;

/// <summary>Creates presentations.</summary>
public static class PresentationBuilder
{
    /// <summary>A vp+jwt by the did:key holder <paramref name="holderKey"/> for one connection.</summary>
    public static string Create(SigningKey holderKey, IEnumerable<string> credentialJws, ConnectionBinding binding, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(holderKey);
        ArgumentNullException.ThrowIfNull(binding);
        return Create(holderKey, holderKey.Did, holderKey.KeyId, credentialJws, binding.Challenge, binding.Audience, now, lifetime);
    }

    /// <summary>A vp+jwt with explicit holder DID, key id, challenge and audience.</summary>
    public static string Create(SigningKey holderKey, string holderDid, string kid, IEnumerable<string> credentialJws, string challenge, string audience, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(holderKey);
        byte[] payload = Presentation.Write(holderDid, credentialJws, challenge, audience, now, now + lifetime, "urn:uuid:" + Guid.NewGuid().ToString("D"));
        return CompactJws.Sign(new JwsHeader(holderKey.Algorithm, kid, CredentialTerms.VpJwtType), payload, holderKey);
    }

    /// <summary>
    /// A VC-JWT 1.1 presentation (VC Data Model 1.1 §6.3.1, <c>typ: JWT</c>, <c>vp</c> claim) as IOTA Identity's
    /// JwtPresentationValidator reads it: the challenge travels as the protected header's <c>nonce</c> (and the claim).
    /// </summary>
    public static string CreateJwt11(SigningKey holderKey, string holderDid, string kid, IEnumerable<string> credentialJws, string challenge, string audience, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(holderKey);
        byte[] payload = Presentation.WriteJwt11(holderDid, credentialJws, challenge, audience, now, now + lifetime, "urn:uuid:" + Guid.NewGuid().ToString("D"));
        return CompactJws.Sign(new JwsHeader(holderKey.Algorithm, kid, CredentialTerms.JwtType) { Nonce = challenge }, payload, holderKey);
    }
}
