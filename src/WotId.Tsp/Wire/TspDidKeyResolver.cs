// Trust Spanning Protocol VID resolution for did:key VIDs (W3C CCG did:key; multicodec ed25519-pub 0xed and
// mldsa-65-pub 0x1211, parsed by WotId.Identity), falling back to another resolver for other DID methods.
// Base58 decoding of a 2,670-character ML-DSA-65 did:key is quadratic and cost more than the signature check of the
// message it came with, so resolved keys are cached (bounded: emptied when it reaches 256 entries), as
// DidKeyResolver does for documents. A did:key is its key, so a cached answer never goes stale.
using System;
using System.Collections.Concurrent;
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
    private const int CacheCapacity = 256;
    private readonly ITspKeyResolver? _next;
    private readonly ConcurrentDictionary<string, TspVerificationKey?> _cache = new(StringComparer.Ordinal);

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

        if (_cache.TryGetValue(vid, out TspVerificationKey? cached))
        {
            return ValueTask.FromResult(cached);
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
        if (_cache.Count >= CacheCapacity)
        {
            _cache.Clear();
        }

        _cache[vid] = result;
        return ValueTask.FromResult(result);
    }
}
