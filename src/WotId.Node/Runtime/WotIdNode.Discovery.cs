// The node on the wot.id DHT (/wotid/kad/1.0.0, docs/discovery.md): a second libp2p host with its own ephemeral
// peer identity and no handshake gate, so DHT traffic from strangers never touches the verified-human connection
// gate of the chat host (why it stays apart: docs/nat.md "Why the DHT stays on its own host"). It bootstraps from
// NodeOptions.BootstrapPeers, publishes the node's signed record (chat peer id, chat addresses with live relay
// circuits first, mailbox id and host, the shared prekey bundle, sequence = publication time in ms, expiry = twice
// the republish interval) once the relay reservations are up (bounded wait), at every DhtRepublishInterval and at
// once when a reservation is gained or lost, and resolves other DIDs to their records.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Transports;
using WotId.Node.Api;
using WotId.Node.Discovery;
using WotId.Node.Profile;
using WotId.Signal.Keys;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    private PeerIdentity? _dhtIdentity;
    private Libp2pHost? _dhtHost;
    private KadDht? _dht;
    private volatile Publication? _lastPublication;

    /// <summary>The DHT host's addresses (with <c>/p2p</c>), to give others as a bootstrap peer; empty when the DHT is off.</summary>
    public IReadOnlyList<Multiaddress> DhtAddresses => _dhtHost?.AdvertisedAddresses ?? [];

    /// <summary>The DHT host (also the relay and AutoNAT server for the nodes bootstrapping from us), or null.</summary>
    internal Libp2pHost? DhtHost => _dhtHost;

    /// <summary>Looks <paramref name="did"/> up on the wot.id DHT; its checked record, or null when none is found.</summary>
    /// <exception cref="NodeException"><see cref="NodeError.InvalidInput"/> when the DHT is off.</exception>
    internal async Task<WotIdDhtRecord?> ResolveDidAsync(string did, CancellationToken cancellationToken)
    {
        KadDht dht = _dht ?? throw new NodeException(NodeError.InvalidInput, "the DHT is off (the node runs without --bootstrap or --dht-listen), so it cannot find a contact by its DID; run `wotid run --bootstrap MULTIADDR`, or add the contact from an invitation");
        byte[]? value = await dht.GetValueAsync(WotIdDhtRecord.KeyOf(did), cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        WotIdDhtRecord record = WotIdDhtRecord.Open(value);
        return record.Did == did ? record : null;
    }

    private bool DhtEnabled => _options.BootstrapPeers.Count > 0 || _options.DhtListenAddresses is not null;

    private async Task StartDiscoveryAsync(CancellationToken cancellationToken)
    {
        if (!DhtEnabled)
        {
            return;
        }

        _dhtIdentity = PeerIdentity.Generate();
        _dhtHost = new Libp2pHost(new Libp2pHostOptions(_dhtIdentity)
        {
            ListenAddresses = (_options.DhtListenAddresses ?? ["/ip4/0.0.0.0/tcp/0"]).Select(Multiaddress.Parse).ToList(),
            Transports = [new TcpTransport()],
            TimeProvider = _time,
            LoggerFactory = _options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,

            // Infrastructure for the nodes bootstrapping from us (docs/nat.md "Automatic reachability"): they find
            // the relay and the AutoNAT server on the one address they know, which is this host's.
            RelayService = _options.RelayService ? new WotId.Libp2p.Protocols.Relay.RelayServiceOptions() : null,
            AutoNatService = _options.AutoNatService
                ? new WotId.Libp2p.Protocols.AutoNat.AutoNatServiceOptions { AllowPrivateAddresses = _options.AutoNatAllowPrivateAddresses }
                : null,
        });
        await _dhtHost.StartAsync(cancellationToken).ConfigureAwait(false);
        _dht = new KadDht(_dhtHost, new KadDhtOptions
        {
            ProtocolId = KadProtocol.WotIdProtocolId,
            TimeProvider = _time,
            Validators = new Dictionary<string, IKadRecordValidator> { [WotIdDhtRecord.Namespace] = new WotIdDhtRecordValidator(_time) },
        });
        await _dht.StartAsync(cancellationToken).ConfigureAwait(false);
        int peers = 0;
        if (_options.BootstrapPeers.Count > 0)
        {
            try
            {
                peers = await _dht.BootstrapAsync(_options.BootstrapPeers.Select(Multiaddress.Parse), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                DiscoveryLog.BootstrapFailed(_logger, e);
            }
        }

        DiscoveryLog.DhtStarted(_logger, _dhtHost.PeerId, _dhtHost.AdvertisedAddresses.Count, peers);
        _loops.Add(RunPublishLoopAsync(_dht, _stop.Token));
    }

    private async Task StopDiscoveryAsync()
    {
        if (_dht is not null)
        {
            await _dht.DisposeAsync().ConfigureAwait(false);
        }

        if (_dhtHost is not null)
        {
            await _dhtHost.DisposeAsync().ConfigureAwait(false);
        }

        _dhtIdentity?.Dispose();
    }

    private async Task RunPublishLoopAsync(KadDht dht, CancellationToken stop)
    {
        try
        {
            // The first record should already name the circuit addresses: wait (bounded) for the reservations.
            DateTimeOffset end = _time.GetUtcNow() + _options.FirstPublishRelayWait;
            while (!AddressesSettled && _time.GetUtcNow() < end)
            {
                await _addressesChanged.WaitAsync(end - _time.GetUtcNow(), _time, stop).ConfigureAwait(false);
            }

            while (true)
            {
                await PublishAsync(dht, stop).ConfigureAwait(false);

                // Republished at the interval, and at once when a relay reservation was gained or lost.
                await _addressesChanged.WaitAsync(_options.DhtRepublishInterval, _time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task PublishAsync(KadDht dht, CancellationToken stop)
    {
        DateTimeOffset now = _time.GetUtcNow();
        HostedMailboxSettings? hosted = _profile.HostedMailbox;

        // The bundle an invitation carries (no one-time EC prekey; the last-resort Kyber key), so a contact can be
        // added from the DID alone and written to while this node is offline.
        PreKeyBundle bundle = await _profile.PreKeys.CreateSharedBundleAsync(stop).ConfigureAwait(false);
        // The record is keyed and signed by the did:key of the profile key, also for a did:iota profile (WotIdDhtRecord).
        var record = new WotIdDhtRecord(
            _profile.SigningKey.Did,
            _host.PeerId,
            ReachableAddresses(WotIdDhtRecord.MaxAddresses),
            (hosted?.Handle ?? _profile.Mailbox?.Handle)?.MailboxId.ToString(),
            bundle.Serialize(),
            (ulong)now.ToUnixTimeMilliseconds(),
            now + (2 * _options.DhtRepublishInterval))
        {
            MailboxHost = hosted?.HostAddress,
        };
        try
        {
            int peers = await dht.PutValueAsync(WotIdDhtRecord.KeyOf(_profile.SigningKey.Did), record.Sign(_profile.SigningKey), stop).ConfigureAwait(false);
            DiscoveryLog.Published(_logger, record.Sequence, peers);
            _lastPublication = new Publication(now, record.Sequence, peers, null);
        }
        catch (IOException e)
        {
            DiscoveryLog.PublishFailed(_logger, e);
            _lastPublication = (_lastPublication ?? new Publication(null, null, 0, null)) with { FailedAt = _time.GetUtcNow() };
        }
    }

    /// <summary>The "dht" part of the status, or null when the node runs no DHT.</summary>
    private DhtStatus? DhtStatus()
    {
        if (_dht is not { } dht || _dhtHost is not { } host)
        {
            return null;
        }

        Publication? last = _lastPublication;
        return new DhtStatus(
            host.PeerId.ToString(),
            host.AdvertisedAddresses.Select(a => a.ToString()).ToList(),
            dht.RoutingTableSize,
            last?.At is not null,
            last?.At,
            last?.Sequence,
            last?.StoredOn ?? 0,
            last?.FailedAt);
    }

    /// <summary>The last publication of our record: when, its sequence, on how many peers; when one failed since.</summary>
    private sealed record Publication(DateTimeOffset? At, ulong? Sequence, int StoredOn, DateTimeOffset? FailedAt);
}
