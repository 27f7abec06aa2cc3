// A Kademlia DHT node on a libp2p host (libp2p/specs kad-dht/README.md): serves the protocol in server mode
// (requests may be pipelined on one stream, so the handler reads until EOF), keeps peers that speak the protocol
// (identify says so, or they answered a request) in the routing table, bootstraps from given addresses, and
// refreshes the table periodically. The refresh loop is owned and awaited by DisposeAsync.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>A DHT node bound to a <see cref="Libp2pHost"/>.</summary>
public sealed class KadDht : IAsyncDisposable
{
    /// <summary>How long an inbound stream may stay idle between requests (go keeps DHT streams one minute).</summary>
    public static readonly TimeSpan InboundIdleTimeout = TimeSpan.FromMinutes(1);

    private readonly Libp2pHost _host;
    private readonly KadDhtOptions _options;
    private readonly KadNode _node;
    private readonly SemaphoreSlim _inbound;
    private readonly Dictionary<PeerId, int> _inboundPerPeer = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _refresh;

    /// <summary>Creates the node (call <see cref="StartAsync"/>).</summary>
    public KadDht(Libp2pHost host, KadDhtOptions? options = null)
    {
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _options = options ?? new KadDhtOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrentInbound, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrentInboundPerPeer, 1);
        _node = new KadNode(host.PeerId, _options, new KadHostNetwork(host, _options.ProtocolId))
        {
            SelfAddresses = () => host.ListenAddresses,
        };
        _inbound = new SemaphoreSlim(_options.MaxConcurrentInbound, _options.MaxConcurrentInbound);
    }

    /// <summary>The protocol id (and DHT network) served.</summary>
    public string ProtocolId => _options.ProtocolId;

    /// <summary>Peers in the routing table.</summary>
    public int RoutingTableSize => _node.Table.Count;

    /// <summary>Records held for others.</summary>
    public int StoredRecordCount => _node.Records.Count;

    internal KadNode Node => _node;

    /// <summary>Registers the protocol handler (server mode) and starts the refresh loop.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_refresh is not null)
        {
            throw new InvalidOperationException("the DHT was already started");
        }

        if (_options.Mode == KadMode.Server)
        {
            _host.SetHandler(_options.ProtocolId, HandleAsync);
        }

        AddConnectedPeers();
        _refresh = RefreshLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Dials <paramref name="bootstrapPeers"/> (multiaddrs ending in <c>/p2p/&lt;id&gt;</c>), adds the ones that
    /// connect, then looks up our own key to fill the table. Returns the routing table size.
    /// </summary>
    /// <exception cref="KadException"><see cref="KadError.NoPeers"/>: no bootstrap peer could be reached.</exception>
    public async Task<int> BootstrapAsync(IEnumerable<Multiaddress> bootstrapPeers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bootstrapPeers);
        foreach (Multiaddress address in bootstrapPeers)
        {
            try
            {
                Libp2pConnection c = await _host.DialAsync(address, cancellationToken).ConfigureAwait(false);
                _node.Table.TryAdd(c.RemotePeer, [address.DecapsulateCode(MultiaddrCodes.P2p)]);
            }
            catch (HostException)
            {
                // An unreachable bootstrap peer is skipped; the others may do.
            }
        }

        if (_node.Table.Count == 0)
        {
            throw new KadException(KadError.NoPeers, "no bootstrap peer could be reached");
        }

        await _node.RefreshAsync(0, cancellationToken).ConfigureAwait(false);
        return _node.Table.Count;
    }

    /// <summary>Adds a known DHT server to the routing table; false when its bucket is full.</summary>
    public bool AddPeer(PeerId peer, IReadOnlyList<Multiaddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(addresses);
        _host.PeerStore.AddAddresses(peer, addresses);
        return _node.Table.TryAdd(peer, addresses);
    }

    /// <summary>Finds a peer's addresses; null when the lookup did not find it.</summary>
    public async Task<DhtPeer?> FindPeerAsync(PeerId peer, CancellationToken cancellationToken = default)
    {
        KadContact? c = await _node.FindPeerAsync(peer, cancellationToken).ConfigureAwait(false);
        if (c is null)
        {
            return null;
        }

        _host.PeerStore.AddAddresses(c.Id, c.Addresses);
        return new DhtPeer(c.Id, c.Addresses);
    }

    /// <summary>The k closest DHT servers to <paramref name="key"/> that answered.</summary>
    public async Task<IReadOnlyList<DhtPeer>> GetClosestPeersAsync(byte[] key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        LookupResult r = await _node.GetClosestPeersAsync(key, cancellationToken).ConfigureAwait(false);
        return r.Closest.Select(c => new DhtPeer(c.Id, c.Addresses)).ToList();
    }

    /// <summary>Stores a record (validated first) on the k closest peers; returns how many accepted it.</summary>
    /// <exception cref="KadException">The record is invalid, or the table is empty.</exception>
    public Task<int> PutValueAsync(byte[] key, byte[] value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key.Length > KadProtocol.MaxKeyLength || value.Length > KadProtocol.MaxValueLength)
        {
            throw new KadException(KadError.TooLarge, "the record exceeds the key or value limit");
        }

        return _node.PutValueAsync(new KadRecord(key, value), cancellationToken);
    }

    /// <summary>The best valid value stored under <paramref name="key"/>, or null.</summary>
    public Task<byte[]?> GetValueAsync(byte[] key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _node.GetValueAsync(key, cancellationToken);
    }

    /// <summary>Announces this node as a provider of <paramref name="key"/> (a multihash); how many peers were told.</summary>
    public Task<int> ProvideAsync(byte[] key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _node.ProvideAsync(key, cancellationToken);
    }

    /// <summary>Up to <paramref name="max"/> providers of <paramref name="key"/>.</summary>
    public async Task<IReadOnlyList<DhtPeer>> FindProvidersAsync(byte[] key, int max = KadProtocol.K, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        List<KadContact> found = await _node.FindProvidersAsync(key, max, cancellationToken).ConfigureAwait(false);
        return found.Select(c => new DhtPeer(c.Id, c.Addresses)).ToList();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_options.Mode == KadMode.Server)
        {
            _host.RemoveHandler(_options.ProtocolId);
        }

        if (_refresh is not null)
        {
            await _refresh.ConfigureAwait(false);
        }

        _stopping.Dispose();
        _inbound.Dispose();
    }

    private async Task HandleAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        PeerId from = stream.RemotePeer;
        lock (_inboundPerPeer)
        {
            int held = _inboundPerPeer.GetValueOrDefault(from);
            if (held >= _options.MaxConcurrentInboundPerPeer)
            {
                throw new KadException(KadError.TooLarge, "too many DHT requests in progress from this peer");
            }

            _inboundPerPeer[from] = held + 1;
        }

        if (!await _inbound.WaitAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
        {
            ReleasePeerSlot(from);
            throw new KadException(KadError.TooLarge, "too many DHT requests in progress");
        }

        try
        {
            AddIfServer(from);
            while (true)
            {
                KadMessage? request;
                using (var idle = new TimeoutScope(_options.TimeProvider, InboundIdleTimeout, cancellationToken))
                {
                    request = await KadProtocol.ReadAsync(stream, idle.Token).ConfigureAwait(false);
                }

                if (request is null)
                {
                    return;
                }

                KadMessage? response = _node.Handle(from, request);
                if (response is not null)
                {
                    await KadProtocol.WriteAsync(stream, response, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _inbound.Release();
            ReleasePeerSlot(from);
        }
    }

    private void ReleasePeerSlot(PeerId peer)
    {
        lock (_inboundPerPeer)
        {
            int held = _inboundPerPeer.GetValueOrDefault(peer) - 1;
            if (held <= 0)
            {
                _inboundPerPeer.Remove(peer);
            }
            else
            {
                _inboundPerPeer[peer] = held;
            }
        }
    }

    private void AddIfServer(PeerId peer)
    {
        if (_host.PeerStore.Supports(peer, _options.ProtocolId))
        {
            _node.Table.TryAdd(peer, _host.PeerStore.GetAddresses(peer));
        }
    }

    private void AddConnectedPeers()
    {
        foreach (PeerId peer in _host.Connections.Select(c => c.RemotePeer).Distinct())
        {
            AddIfServer(peer);
        }
    }

    private async Task RefreshLoopAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.RefreshInterval, _options.TimeProvider, stop).ConfigureAwait(false);
                AddConnectedPeers();
                if (_node.Table.Count == 0)
                {
                    continue;
                }

                try
                {
                    await _node.RefreshAsync(1, stop).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // A failed refresh is retried at the next interval.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
