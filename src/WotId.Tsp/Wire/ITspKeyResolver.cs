// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §2 "VERIFY"/"PK_s"): VID -> verification key.
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Tsp.Wire;

/// <summary>Resolves a sender VID to its signature verification key (did:key locally; did:iota, did:web later).</summary>
public interface ITspKeyResolver
{
    /// <summary>The key of <paramref name="vid"/>, or null when the VID is unknown or cannot be resolved.</summary>
    ValueTask<TspVerificationKey?> ResolveAsync(string vid, CancellationToken cancellationToken);
}
