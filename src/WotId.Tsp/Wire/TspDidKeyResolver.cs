// Trust Spanning Protocol VID resolution for did:key VIDs (W3C CCG did:key; multicodec ed25519-pub 0xed and
// mldsa-65-pub 0x1211, parsed by WotId.Identity), falling back to another resolver for other DID methods.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Dids;

namespace WotId.Tsp.Wire;

/// <summary>
/// Resolves <c>did:key</c> VIDs locally (Ed25519 and ML-DSA-65 keys; other key types resolve to nothing) and hands
/// every other VID to an optional inner resolver (did:iota, did:web, pinned contacts).
/// </summary>
public sealed class TspDidKeyResolver : ITspKeyResolver
{
    private readonly ITspKeyResolver? _next;

    /// <summary>Creates the resolver; <paramref name="next"/> handles VIDs that are not did:key.</summary>
    public TspDidKeyResolver(ITspKeyResolver? next = null) => _next = next;

    /// <inheritdoc />
    public ValueTask<TspVerificationKey?> ResolveAsync(string vid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vid);
        cancellationToken.ThrowIfCancellationRequested();
        if (!vid.StartsWith(DidKey.Prefix, StringComparison.Ordinal))
        {
            return _next?.ResolveAsync(vid, cancellationToken) ?? ValueTask.FromResult<TspVerificationKey?>(null);
        }

        DidPublicKey key;
        try
        {
            key = DidKey.Parse(vid);
        }
        catch (IdentityFormatException)
        {
            return ValueTask.FromResult<TspVerificationKey?>(null);
        }

        TspVerificationKey? result = key.Algorithm switch
        {
            KeyAlgorithm.MLDsa65 => new TspVerificationKey(TspSignatureAlgorithm.MLDsa65, key.Key),
            KeyAlgorithm.Ed25519 => new TspVerificationKey(TspSignatureAlgorithm.Ed25519, key.Key),
            _ => null,
        };
        return ValueTask.FromResult(result);
    }
}
