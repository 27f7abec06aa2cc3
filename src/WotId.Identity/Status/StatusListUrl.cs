// Default status-list URLs per issuer. Bitstring Status List v1.0 §2.1 identifies a list by its
// statusListCredential URL; a verifier caches lists by that URL (LocalStatusListCache), so two issuers must
// never share one URL, or one home could hold only one of their lists. The default therefore ends in a short
// hash of the issuer DID: BASE/<first 16 hex digits of SHA-256(did)>.
using System;
using System.Text;
using WotId.Core.Encoding;
using WotId.Crypto;

namespace WotId.Identity.Status;

/// <summary>Builds per-issuer status list credential URLs.</summary>
public static class StatusListUrl
{
    /// <summary>The base the command line uses when no URL is given.</summary>
    public const string DefaultBase = "https://status.wot.id/lists/";

    /// <summary>Hex digits of the issuer hash in the URL (64 bits: collisions need about 2^32 issuers).</summary>
    public const int HashHexDigits = 16;

    /// <summary><paramref name="baseUrl"/> (ending in '/') followed by the short hash of <paramref name="issuerDid"/>.</summary>
    /// <exception cref="ArgumentException">An empty DID, or a base that is not an absolute https URL ending in '/'.</exception>
    public static string ForIssuer(string issuerDid, string baseUrl = DefaultBase)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuerDid);
        ArgumentException.ThrowIfNullOrEmpty(baseUrl);
        if (!baseUrl.EndsWith('/') || !Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("the base must be an absolute https URL ending in '/'", nameof(baseUrl));
        }

        string hash = Hex.Encode(Sha256.Hash(Encoding.UTF8.GetBytes(issuerDid)))[..HashHexDigits];
        return baseUrl + hash;
    }
}
