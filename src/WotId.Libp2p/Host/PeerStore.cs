// The host's peer store: addresses, protocols and public keys per peer, fed by dials and identify (libp2p/specs
// RFC/0003-routing-records.md: a record whose seq is not newer is ignored). Bounded in peers, addresses and protocols.
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Host;

/// <summary>Thread-safe, bounded store of what is known about peers.</summary>
public sealed class PeerStore
{
    /// <summary>Most peers kept.</summary>
    public const int MaxPeers = 10_000;

    /// <summary>Most addresses kept per peer.</summary>
    public const int MaxAddressesPerPeer = 32;

    /// <summary>Most protocols kept per peer.</summary>
    public const int MaxProtocolsPerPeer = 128;

    private readonly object _lock = new();
    private readonly Dictionary<PeerId, Entry> _peers = new();

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

    private Entry? GetOrAdd(PeerId peer)
    {
        if (_peers.TryGetValue(peer, out Entry? e))
        {
            return e;
        }

        if (_peers.Count >= MaxPeers)
        {
            return null;
        }

        e = new Entry();
        _peers.Add(peer, e);
        return e;
    }

    private sealed class Entry
    {
        public List<Multiaddress> Addresses { get; } = new();

        public List<string> Protocols { get; set; } = new();

        public PeerPublicKey? PublicKey { get; set; }

        public string? AgentVersion { get; set; }

        public ulong? RecordSequence { get; set; }
    }
}
