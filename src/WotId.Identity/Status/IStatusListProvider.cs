using System.Threading;
using System.Threading.Tasks;

namespace WotId.Identity.Status;

/// <summary>
/// Supplies status list credentials (compact vc+jwt) by URL. The verifier checks their signature itself, so a
/// provider only fetches or caches. Returns null when the list is unavailable.
/// </summary>
public interface IStatusListProvider
{
    /// <summary>The status list credential JWS published at <paramref name="statusListCredentialUrl"/>, or null.</summary>
    ValueTask<string?> GetAsync(string statusListCredentialUrl, CancellationToken cancellationToken);
}
