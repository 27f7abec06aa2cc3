namespace WotId.Identity.Credentials;

/// <summary>The two JOSE forms of a credential wot.id reads and writes.</summary>
public enum CredentialFormat
{
    /// <summary>
    /// VC Data Model 2.0 secured with VC-JOSE-COSE §3.1.1: header <c>typ: vc+jwt</c>, the payload is the credential.
    /// wot.id's default.
    /// </summary>
    VcJose = 0,

    /// <summary>
    /// VC Data Model 1.1 §6.3.1 "JWT" encoding, as IOTA Identity issues it: header <c>typ: JWT</c>, registered claims
    /// <c>iss</c>, <c>sub</c>, <c>nbf</c>, <c>exp</c>, <c>jti</c> and the credential (v1 context, without those members) in the
    /// <c>vc</c> claim.
    /// </summary>
    VcJwt11,
}
