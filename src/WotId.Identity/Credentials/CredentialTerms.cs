// W3C VC Data Model 2.0 (Rec 2025-05-15) §4 and VC-JOSE-COSE (Rec 2025-05-15) §3 identifiers, plus the
// wot.id terms defined in docs/credential.md.
namespace WotId.Identity.Credentials;

/// <summary>Context URLs, type names and media types used by wot.id credentials.</summary>
public static class CredentialTerms
{
    /// <summary>The VC 2.0 base context; must be first.</summary>
    public const string V2Context = "https://www.w3.org/ns/credentials/v2";

    /// <summary>The wot.id context defining <c>VerifiedHumanCredential</c> and its terms (docs/credential.md).</summary>
    public const string WotIdContext = "https://wot.id/ns/credentials/v1";

    /// <summary>Base credential type.</summary>
    public const string VerifiableCredential = "VerifiableCredential";

    /// <summary>The wot.id proof-of-personhood credential type.</summary>
    public const string VerifiedHumanCredential = "VerifiedHumanCredential";

    /// <summary>The subject type inside a VerifiedHumanCredential.</summary>
    public const string VerifiedHuman = "VerifiedHuman";

    /// <summary>Base presentation type.</summary>
    public const string VerifiablePresentation = "VerifiablePresentation";

    /// <summary>VC-JOSE-COSE §3.1.1 <c>typ</c> of a JOSE-secured credential.</summary>
    public const string VcJwtType = "vc+jwt";

    /// <summary>RFC 7519 §5.1 <c>typ</c> of a VC-JWT 1.1 credential or presentation (VC Data Model 1.1 §6.3.1; IOTA Identity).</summary>
    public const string JwtType = "JWT";

    /// <summary>VC-JOSE-COSE §3.1.2 <c>typ</c> of a JOSE-secured presentation.</summary>
    public const string VpJwtType = "vp+jwt";

    /// <summary>VC-JOSE-COSE §3.3 enveloped credential type.</summary>
    public const string EnvelopedVerifiableCredential = "EnvelopedVerifiableCredential";

    /// <summary>Data URL prefix of an enveloped vc+jwt.</summary>
    public const string EnvelopedDataPrefix = "data:application/vc+jwt,";
}
