// Bounded replay cache: at most Capacity live nonces; expired ones are purged when the store fills.
// When it is still full, TryRecord fails closed (the presentation is treated as replayed).
using System;
using System.Collections.Generic;
using System.Linq;

namespace WotId.Identity.Verification;

/// <summary>An in-memory, bounded <see cref="INonceStore"/>.</summary>
public sealed class MemoryNonceStore : INonceStore
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Creates the store.</summary>
    public MemoryNonceStore(int capacity = 65_536)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most nonces held at once.</summary>
    public int Capacity { get; }

    /// <inheritdoc />
    public bool TryRecord(string nonce, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_seen.TryGetValue(nonce, out DateTimeOffset until) && until > now)
            {
                return false;
            }

            if (_seen.Count >= Capacity)
            {
                foreach (string expired in _seen.Where(p => p.Value <= now).Select(p => p.Key).ToList())
                {
                    _seen.Remove(expired);
                }

                if (_seen.Count >= Capacity)
                {
                    return false;
                }
            }

            _seen[nonce] = expiresAt;
            return true;
        }
    }
}
