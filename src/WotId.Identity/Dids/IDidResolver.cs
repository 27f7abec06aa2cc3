using System.Threading;
using System.Threading.Tasks;

namespace WotId.Identity.Dids;

/// <summary>Resolves a DID to its document. Failures are results, never exceptions.</summary>
public interface IDidResolver
{
    /// <summary>Resolves <paramref name="did"/> (a DID without fragment).</summary>
    ValueTask<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken);
}
