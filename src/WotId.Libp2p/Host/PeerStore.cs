// The host's peer store: addresses, protocols and public keys per peer, fed by dials and identify (libp2p/specs
// RFC/0003-routing-records.md: a record whose seq is not newer is ignored). Bounded in peers, addresses and protocols.
// When full, the least recently seen peer is evicted (LRU, like go-libp2p's peerstore garbage collection of peers
// without connections): inbound-only peers first, peers we dialled only when no inbound-only peer is left, and never a
// peer with an open connection. So throwaway identities that connect to us cannot fill the store for good.
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Host;

/// <summary>
/// Thread-safe, bounded store of what is known about peers. When full, the least recently seen peer that has no open
/// connection is forgotten, inbound-only peers before peers we dialled.
/// </summary>
public sealed class PeerStore
{
    /// <summary>Most peers kept (least recently seen ones are evicted beyond it).</summary>
    public const int MaxPeers = 10_000;

    /// <summary>Most addresses kept per peer.</summary>
    public const int MaxAddressesPerPeer = 32;

    /// <summary>Most protocols kept per peer.</summary>
    public const int MaxProtocolsPerPeer = 128;

    private readonly object _lock = new();
    private readonly Dictionary<PeerId, Entry> _peers = new();
    private readonly LinkedList<PeerId> _inboundOnly = new();
    private readonly LinkedList<PeerId> _dialled = new();

    /// <summary>Number of peers known.</summary>
    public int Count
    {
        get { lock (_lock) { return _peers.Count; } }
    }

    /// <summary>Adds addresses (a trailing <c>/p2p</c> is removed).</summary>
    public void AddAddresses(PeerId peer, IEnumerable<Multiaddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        lock (_lock)
        {
            Entry? e = GetOrAdd(peer);
            if (e is null)
            {
                return;
            }

            foreach (Multiaddress a in addresses)
            {
                Multiaddress bare = a.Contains(MultiaddrCodes.P2p) ? a.DecapsulateCode(MultiaddrCodes.P2p) : a;
                if (e.Addresses.Count >= MaxAddressesPerPeer)
                {
                    break;
                }

                if (!e.Addresses.Contains(bare))
                {
                    e.Addresses.Add(bare);
                }
            }
        }
    }

    /// <summary>Replaces the protocol list (from identify).</summary>
    public void SetProtocols(PeerId peer, IEnumerable<string> protocols)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        lock (_lock)
        {
            Entry? e = GetOrAdd(peer);
            if (e is not null)
            {
                e.Protocols = protocols.Distinct(StringComparer.Ordinal).Take(MaxProtocolsPerPeer).ToList();
            }
        }
    }

    /// <summary>Records the peer's public key (must match the peer id).</summary>
    public void SetPublicKey(PeerId peer, PeerPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!peer.Matches(key))
        {
            throw new ArgumentException("public key does not belong to the peer", nameof(key));
        }

        lock (_lock)
        {
            Entry? e = GetOrAdd(peer);
            if (e is not null)
            {
                e.PublicKey = key;
            }
        }
    }

    /// <summary>Records the agent version.</summary>
    public void SetAgentVersion(PeerId peer, string? agentVersion)
    {
        lock (_lock)
        {
            Entry? e = GetOrAdd(peer);
            if (e is not null)
            {
                e.AgentVersion = agentVersion is { Length: > 256 } ? agentVersion[..256] : agentVersion;
            }
        }
    }

    /// <summary>
    /// Accepts a verified peer record if its sequence is newer than the stored one; then its addresses replace the
    /// known ones. Returns false for stale records.
    /// </summary>
    public bool TryUpdateFromRecord(Protocols.Identify.PeerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            Entry? e = GetOrAdd(record.PeerId);
            if (e is null || (e.RecordSequence is ulong old && record.Sequence <= old))
            {
                return false;
            }

            e.RecordSequence = record.Sequence;
            e.Addresses.Clear();
            foreach (Multiaddress a in record.Addresses.Take(MaxAddressesPerPeer))
            {
                if (!e.Addresses.Contains(a))
                {
                    e.Addresses.Add(a);
                }
            }

            return true;
        }
    }

    /// <summary>A snapshot of the peer, or null when unknown.</summary>
    public PeerInfo? Get(PeerId peer)
    {
        lock (_lock)
        {
            return _peers.TryGetValue(peer, out Entry? e)
                ? new PeerInfo(peer, e.Addresses.ToList(), e.Protocols.ToList(), e.PublicKey, e.AgentVersion, e.RecordSequence)
                : null;
        }
    }

    /// <summary>Known addresses of the peer (empty when unknown).</summary>
    public IReadOnlyList<Multiaddress> GetAddresses(PeerId peer)
    {
        lock (_lock)
        {
            return _peers.TryGetValue(peer, out Entry? e) ? e.Addresses.ToList() : [];
        }
    }

    /// <summary>True when identify said the peer accepts <paramref name="protocol"/>.</summary>
    public bool Supports(PeerId peer, string protocol)
    {
        lock (_lock)
        {
            return _peers.TryGetValue(peer, out Entry? e) && e.Protocols.Contains(protocol, StringComparer.Ordinal);
        }
    }

    /// <summary>We dialled the peer: it is evicted only after every inbound-only peer.</summary>
    internal void MarkDialled(PeerId peer)
    {
        lock (_lock)
        {
            Entry? e = GetOrAdd(peer);
            if (e is not null && !e.Dialled)
            {
                _inboundOnly.Remove(e.Node);
                e.Dialled = true;
                _dialled.AddLast(e.Node);
            }
        }
    }

    /// <summary>A connection to the peer opened: it is not evicted while connected.</summary>
    internal void MarkConnected(PeerId peer)
    {
        lock (_lock)
        {
            Entry? e = GetOrAdd(peer);
            if (e is not null)
            {
                e.Connections++;
            }
        }
    }

    /// <summary>A connection to the peer closed.</summary>
    internal void MarkDisconnected(PeerId peer)
    {
        lock (_lock)
        {
            if (_peers.TryGetValue(peer, out Entry? e))
            {
                e.Connections = Math.Max(0, e.Connections - 1);
                Touch(e);
            }
        }
    }

    /// <summary>The entry of <paramref name="peer"/> (now the most recently seen), or null when the store is full of connected peers.</summary>
    private Entry? GetOrAdd(PeerId peer)
    {
        if (_peers.TryGetValue(peer, out Entry? e))
        {
            Touch(e);
            return e;
        }

        if (_peers.Count >= MaxPeers && !TryEvict(_inboundOnly) && !TryEvict(_dialled))
        {
            return null;
        }

        e = new Entry(new LinkedListNode<PeerId>(peer));
        _inboundOnly.AddLast(e.Node);
        _peers.Add(peer, e);
        return e;
    }

    private void Touch(Entry e)
    {
        LinkedList<PeerId> list = e.Dialled ? _dialled : _inboundOnly;
        if (list.Last != e.Node)
        {
            list.Remove(e.Node);
            list.AddLast(e.Node);
        }
    }

    /// <summary>Forgets the least recently seen peer of <paramref name="list"/> that has no open connection.</summary>
    private bool TryEvict(LinkedList<PeerId> list)
    {
        // Connected peers are skipped; there are at most as many as the host's connection limits allow.
        for (LinkedListNode<PeerId>? n = list.First; n is not null; n = n.Next)
        {
            if (_peers[n.Value].Connections == 0)
            {
                list.Remove(n);
                _peers.Remove(n.Value);
                return true;
            }
        }

        return false;
    }

    private sealed class Entry(LinkedListNode<PeerId> node)
    {
        public LinkedListNode<PeerId> Node { get; } = node;

        public bool Dialled { get; set; }

        public int Connections { get; set; }

        public List<Multiaddress> Addresses { get; } = new();

        public List<string> Protocols { get; set; } = new();

        public PeerPublicKey? PublicKey { get; set; }

        public string? AgentVersion { get; set; }

        public ulong? RecordSequence { get; set; }
    }
}
