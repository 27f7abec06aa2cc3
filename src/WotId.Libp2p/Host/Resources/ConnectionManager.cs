// The connection manager (go-libp2p p2p/net/connmgr/connmgr.go): when the host holds more than HighWater connections
// it closes the least useful ones until LowWater remain. Never trimmed: protected peers (e.g. contacts in an active
// conversation) and connections younger than the grace period. Order: unverified (gate shut) before verified, idle
// (no streams) before busy, oldest first.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Host.Resources;

/// <summary>Keeps a host's connection count between the water marks and protects tagged peers from trimming.</summary>
public sealed class ConnectionManager
{
    private readonly Libp2pHost _host;
    private readonly Dictionary<PeerId, HashSet<string>> _protected = new();
    private int _trimming;
    private long _trimmed;

    internal ConnectionManager(Libp2pHost host, ConnectionManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _host = host;
        Options = options;
    }

    /// <summary>The settings in force.</summary>
    public ConnectionManagerOptions Options { get; }

    /// <summary>Connections closed by trimming so far.</summary>
    public long TrimmedCount => Interlocked.Read(ref _trimmed);

    /// <summary>Protects <paramref name="peer"/>'s connections from trimming under <paramref name="tag"/> (idempotent).</summary>
    public void Protect(PeerId peer, string tag)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        lock (_protected)
        {
            if (!_protected.TryGetValue(peer, out HashSet<string>? tags))
            {
                tags = new HashSet<string>(StringComparer.Ordinal);
                _protected.Add(peer, tags);
            }

            tags.Add(tag);
        }
    }

    /// <summary>Removes <paramref name="tag"/>; returns true while other tags still protect the peer.</summary>
    public bool Unprotect(PeerId peer, string tag)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (_protected)
        {
            if (!_protected.TryGetValue(peer, out HashSet<string>? tags))
            {
                return false;
            }

            tags.Remove(tag);
            if (tags.Count == 0)
            {
                _protected.Remove(peer);
                return false;
            }

            return true;
        }
    }

    /// <summary>True when some tag protects <paramref name="peer"/>.</summary>
    public bool IsProtected(PeerId peer)
    {
        lock (_protected)
        {
            return _protected.ContainsKey(peer);
        }
    }

    /// <summary>
    /// Trims now if the host holds more than <see cref="ConnectionManagerOptions.HighWater"/> connections: closes the
    /// least useful unprotected connections past their grace period until <see cref="ConnectionManagerOptions.LowWater"/>
    /// remain (or no candidate is left). Returns how many it closed. One trim runs at a time.
    /// </summary>
    public async Task<int> TrimAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return 0;
        }

        try
        {
            IReadOnlyList<Libp2pConnection> open = _host.Connections;
            if (open.Count <= Options.HighWater)
            {
                return 0;
            }

            long now = _host.Time.GetTimestamp();
            List<Libp2pConnection> victims = open
                .Where(c => !c.IsClosed && !IsProtected(c.RemotePeer) && _host.Time.GetElapsedTime(c.OpenedAt, now) >= Options.GracePeriod)
                .OrderBy(c => c.IsGateOpen)
                .ThenBy(c => c.Session.StreamCount > 0)
                .ThenBy(c => c.OpenedAt)
                .Take(open.Count - Options.LowWater)
                .ToList();
            foreach (Libp2pConnection c in victims)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await c.CloseAsync("trimmed").ConfigureAwait(false);
            }

            Interlocked.Add(ref _trimmed, victims.Count);
            if (victims.Count > 0)
            {
                Log.Trimmed(_host.Logger, victims.Count, open.Count, Options.LowWater);
            }

            return victims.Count;
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    /// <summary>Whether the count is above high water (checked cheaply on every new connection).</summary>
    internal bool AboveHighWater(int connections) => connections > Options.HighWater;
}
