// Trust Spanning Protocol: a resolver over keys the caller already knows (tests, pinned contacts, raw public keys).
using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Tsp.Wire;

/// <summary>Resolves VIDs from an in-memory map of known keys.</summary>
public sealed class TspStaticKeyResolver : ITspKeyResolver
{
    private readonly ConcurrentDictionary<string, TspVerificationKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces the key of <paramref name="vid"/>.</summary>
    public void Add(string vid, TspVerificationKey key)
    {
        ArgumentException.ThrowIfNullOrEmpty(vid);
        ArgumentNullException.ThrowIfNull(key);
        _keys[vid] = key;
    }

    /// <inheritdoc />
    public ValueTask<TspVerificationKey?> ResolveAsync(string vid, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_keys.TryGetValue(vid, out TspVerificationKey? key) ? key : null);
    }
}
