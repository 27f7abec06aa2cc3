// The host's resource manager (the role of go-libp2p's p2p/host/resource-manager): system, transient, per-peer and
// per-protocol stream counts and the system receive-memory budget, all Interlocked counters; connections draw on it
// through ConnectionResources. Connection counts stay with the host (its connection list and inbound limiter), which
// reports their refusals here so every refusal is counted and logged in one place.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Host.Resources;

internal sealed class ResourceManager
{
    private static readonly int s_kinds = Enum.GetValues<ResourceLimitKind>().Length;

    private readonly long[] _refusals = new long[s_kinds];
    private readonly ConcurrentDictionary<string, StrongBox<int>> _protocols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<int>> _outboundProtocols = new(StringComparer.Ordinal);
    private readonly Dictionary<PeerId, PeerScope> _peers = new();
    private readonly ILogger _logger;
    private int _streams;
    private int _transientStreams;
    private long _memory;

    public ResourceManager(ResourceLimits limits, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        Limits = limits;
        _logger = logger;
    }

    public ResourceLimits Limits { get; }

    public int Streams => Volatile.Read(ref _streams);

    public int TransientStreams => Volatile.Read(ref _transientStreams);

    public long Memory => Interlocked.Read(ref _memory);

    /// <summary>The scope of a new connection to <paramref name="peer"/>; dispose it (<see cref="ConnectionResources.Close"/>) when the connection ends.</summary>
    public ConnectionResources OpenConnection(PeerId peer, bool verified)
    {
        PeerScope scope;
        lock (_peers)
        {
            if (!_peers.TryGetValue(peer, out scope!))
            {
                scope = new PeerScope();
                _peers.Add(peer, scope);
            }

            scope.Connections++;
        }

        return new ConnectionResources(this, peer, scope, verified);
    }

    internal void CloseConnection(PeerId peer, PeerScope scope)
    {
        lock (_peers)
        {
            if (--scope.Connections == 0)
            {
                _peers.Remove(peer);
            }
        }
    }

    /// <summary>
    /// Counts and logs a refusal by <paramref name="kind"/> (whose value is <paramref name="limit"/>). Under attack a
    /// limit refuses thousands of times, so only the 1st, 2nd, 4th, 8th ... refusal of each limit is logged.
    /// </summary>
    public void Refuse(ResourceLimitKind kind, long limit, string subject)
    {
        long n = Interlocked.Increment(ref _refusals[(int)kind]);
        if ((n & (n - 1)) == 0)
        {
            Log.ResourceRefused(_logger, ScopeOf(kind), kind, limit, subject, n);
        }
    }

    /// <summary>Counts a refusal that its caller logs itself (the connection limits).</summary>
    public void Count(ResourceLimitKind kind) => Interlocked.Increment(ref _refusals[(int)kind]);

    /// <summary>
    /// Takes a stream slot in the system, peer and (for an unverified connection) transient scopes. With
    /// <paramref name="enforce"/> false (our own streams) it always succeeds; else a full scope refuses (counted, logged).
    /// </summary>
    public bool TryTakeStream(PeerScope peer, PeerId peerId, bool transient, bool enforce)
    {
        ResourceLimitKind? refused = null;
        long limit = 0;
        if (Interlocked.Increment(ref _streams) > Limits.MaxStreams && enforce)
        {
            (refused, limit) = (ResourceLimitKind.SystemStreams, Limits.MaxStreams);
        }
        else if (Interlocked.Increment(ref peer.Streams) > Limits.MaxStreamsPerPeer && enforce)
        {
            (refused, limit) = (ResourceLimitKind.PeerStreams, Limits.MaxStreamsPerPeer);
            Interlocked.Decrement(ref peer.Streams);
        }
        else if (transient && Interlocked.Increment(ref _transientStreams) > Limits.MaxTransientStreams && enforce)
        {
            (refused, limit) = (ResourceLimitKind.TransientStreams, Limits.MaxTransientStreams);
            Interlocked.Decrement(ref _transientStreams);
            Interlocked.Decrement(ref peer.Streams);
        }
        else if (enforce && !TryReserveMemory(Yamux.YamuxOptions.InitialWindow))
        {
            (refused, limit) = (ResourceLimitKind.SystemMemory, Limits.MaxMemory);
            if (transient)
            {
                Interlocked.Decrement(ref _transientStreams);
            }

            Interlocked.Decrement(ref peer.Streams);
        }

        if (refused is not null)
        {
            Interlocked.Decrement(ref _streams);
            Refuse(refused.Value, limit, "inbound stream from " + peerId);
            return false;
        }

        if (!enforce)
        {
            ForceReserveMemory(Yamux.YamuxOptions.InitialWindow);
        }

        return true;
    }

    /// <summary>Gives back <paramref name="streams"/> slots (of which <paramref name="transient"/> transient).</summary>
    public void ReleaseStreams(PeerScope peer, int streams, int transient)
    {
        Interlocked.Add(ref _streams, -streams);
        Interlocked.Add(ref peer.Streams, -streams);
        if (transient != 0)
        {
            Interlocked.Add(ref _transientStreams, -transient);
        }
    }

    /// <summary>A connection was verified: its <paramref name="streams"/> are no longer transient.</summary>
    public void LeaveTransient(int streams) => Interlocked.Add(ref _transientStreams, -streams);

    /// <summary>
    /// Takes a stream slot of <paramref name="protocol"/> in one direction; false (counted, logged) when it is full.
    /// Inbound and outbound streams are counted apart against the same limit (go-libp2p's StreamsInbound and
    /// StreamsOutbound of a protocol scope), so a peer flooding a protocol never uses up the streams we open ourselves.
    /// </summary>
    public bool TryAcquireProtocolStream(string protocol, PeerId peer, bool outbound = false)
    {
        int limit = Limits.StreamLimitOf(protocol);
        StrongBox<int> box = (outbound ? _outboundProtocols : _protocols).GetOrAdd(protocol, static _ => new StrongBox<int>());
        if (Interlocked.Increment(ref box.Value) > limit)
        {
            Interlocked.Decrement(ref box.Value);
            Refuse(ResourceLimitKind.ProtocolStreams, limit, outbound ? "outbound " + protocol + " to " + peer : protocol + " from " + peer);
            return false;
        }

        return true;
    }

    public void ReleaseProtocolStream(string protocol, bool outbound = false)
    {
        if ((outbound ? _outboundProtocols : _protocols).TryGetValue(protocol, out StrongBox<int>? box))
        {
            Interlocked.Decrement(ref box.Value);
        }
    }

    /// <summary>Open streams of <paramref name="protocol"/> in one direction.</summary>
    public int ProtocolStreams(string protocol, bool outbound) =>
        (outbound ? _outboundProtocols : _protocols).TryGetValue(protocol, out StrongBox<int>? box) ? Volatile.Read(ref box.Value) : 0;

    /// <summary>Takes <paramref name="bytes"/> of the system memory budget, all or nothing.</summary>
    public bool TryReserveMemory(long bytes)
    {
        while (true)
        {
            long used = Interlocked.Read(ref _memory);
            if (used + bytes > Limits.MaxMemory)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _memory, used + bytes, used) == used)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Takes up to <paramref name="wanted"/> bytes of window growth; returns what it took. Growth is a low-priority
    /// reservation (go-libp2p's ReservationPriorityLow stops at 40 % use): it stops once half of
    /// <see cref="ResourceLimits.MaxMemory"/> is in use, so peers that grow their windows (e.g. by inflating the RTT)
    /// can never leave the host without memory for the initial windows of new streams.
    /// </summary>
    public long ReserveMemoryUpTo(long wanted)
    {
        long ceiling = Limits.MaxMemory / 2;
        while (true)
        {
            long used = Interlocked.Read(ref _memory);
            long granted = Math.Min(wanted, ceiling - used);
            if (granted <= 0)
            {
                return 0;
            }

            if (Interlocked.CompareExchange(ref _memory, used + granted, used) == used)
            {
                return granted;
            }
        }
    }

    public void ForceReserveMemory(long bytes) => Interlocked.Add(ref _memory, bytes);

    public void ReleaseMemory(long bytes) => Interlocked.Add(ref _memory, -bytes);

    public IReadOnlyDictionary<ResourceLimitKind, long> RefusalCounts()
    {
        var result = new Dictionary<ResourceLimitKind, long>();
        for (int i = 0; i < s_kinds; i++)
        {
            long n = Interlocked.Read(ref _refusals[i]);
            if (n > 0)
            {
                result[(ResourceLimitKind)i] = n;
            }
        }

        return result;
    }

    public static IReadOnlyDictionary<ResourceScope, long> ByScope(IReadOnlyDictionary<ResourceLimitKind, long> refusals)
    {
        var result = new Dictionary<ResourceScope, long>();
        foreach (ResourceScope s in Enum.GetValues<ResourceScope>())
        {
            result[s] = 0;
        }

        foreach (KeyValuePair<ResourceLimitKind, long> r in refusals)
        {
            result[ScopeOf(r.Key)] += r.Value;
        }

        return result;
    }

    /// <summary>The scope a limit belongs to.</summary>
    public static ResourceScope ScopeOf(ResourceLimitKind kind) => kind switch
    {
        ResourceLimitKind.PendingInboundPerIp or ResourceLimitKind.PendingInboundPerSubnet or ResourceLimitKind.TransientStreams => ResourceScope.Transient,
        ResourceLimitKind.ConnectionsPerPeer or ResourceLimitKind.PeerStreams => ResourceScope.Peer,
        ResourceLimitKind.ProtocolStreams => ResourceScope.Protocol,
        ResourceLimitKind.ConnectionStreams => ResourceScope.Connection,
        _ => ResourceScope.System,
    };

    /// <summary>Streams of one peer over all its connections.</summary>
    internal sealed class PeerScope
    {
        public int Streams;
        public int Connections;
    }
}
