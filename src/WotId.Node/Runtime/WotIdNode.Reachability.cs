// How the node is reached from behind a NAT (docs/nat.md "The node"): Circuit Relay v2 reservations on the relays of
// NodeOptions.RelayAddresses (libp2p/specs relay/circuit-v2.md), the relay service for others, and which peers the
// handshake gate treats as infrastructure. A reservation is watched every ReservationCheckInterval: it counts as live
// while it has not expired and a direct connection to its relay is up (the host renews it, at once after that
// connection dropped). A reservation that stays lost is dropped and taken again with a back-off of 1 s to 1 min.
// Every change of the live set wakes the DHT publisher, so the record always names the current /p2p-circuit
// addresses. The addresses others get (invitation, DHT record) list circuit addresses first: a node that holds a
// reservation expects to sit behind a NAT, and a relayed connection is upgraded to a direct one by DCUtR.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Relay;
using WotId.Node.Api;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    private readonly WakeSignal _addressesChanged = new();
    private readonly ConcurrentDictionary<PeerId, byte> _infrastructure = new();
    private readonly ConcurrentDictionary<PeerId, RelayReservationLease> _liveReservations = new();
    private List<Multiaddress> _relays = [];

    /// <summary>The <c>/p2p-circuit</c> addresses of the reservations that are live now.</summary>
    public IReadOnlyList<Multiaddress> RelayedAddresses => _liveReservations.Values.SelectMany(l => l.CircuitAddresses).ToList();

    /// <summary>
    /// What others get to dial us (invitation, DHT record): addresses an AutoNAT server dialed back, then live circuit
    /// addresses, then the listen addresses.
    /// </summary>
    private List<Multiaddress> ReachableAddresses(int max) =>
        PublicAddresses().Concat(RelayedAddresses).Concat(_host.ListenAddresses).Distinct().Take(max).ToList();

    /// <summary>Sets up the gate for relays and mailbox hosts (called from the constructor, before the host starts).</summary>
    private void ConfigureReachability()
    {
        var relays = new List<Multiaddress>();
        foreach (string text in _options.RelayAddresses)
        {
            if (!Multiaddress.TryParse(text, out Multiaddress? address) || address?.PeerId is not { } relay || address.Contains(MultiaddrCodes.P2pCircuit))
            {
                throw new NodeException(NodeError.InvalidInput, "a relay address is a direct multiaddr ending in /p2p/<relay id>: " + text);
            }

            relays.Add(address);
            _infrastructure[relay] = 0;
        }

        _relays = relays;
        if (relays.Count > 0)
        {
            // The relay announces circuits on the (held) reservation connection.
            _gate.AllowBeforeVerification(RelayProtocol.StopProtocolId);
        }

        if (_options.RelayService)
        {
            _gate.AllowBeforeVerification(RelayProtocol.HopProtocolId);
            _gate.HoldUnverifiedInbound = true;
        }

        if (_profile.HostedMailbox is { } hosted && Multiaddress.TryParse(hosted.HostAddress, out Multiaddress? host) && host?.PeerId is { } hostPeer)
        {
            _infrastructure[hostPeer] = 0;
        }

        ConfigureBootstrapInfrastructure();
        _gate.IsInfrastructure = IsInfrastructurePeer;
    }

    /// <summary>Our relays and mailbox hosts, unless they are contacts too (then they run the handshake as people do).</summary>
    private bool IsInfrastructurePeer(PeerId peer) =>
        _infrastructure.ContainsKey(peer) && _profile.Contacts.GetByPeerId(peer.ToString()) is null;

    /// <summary>A mailbox host we are about to use is infrastructure for the gate.</summary>
    private void NoteMailboxHost(Multiaddress hostAddress)
    {
        if (hostAddress.PeerId is { } peer)
        {
            _infrastructure[peer] = 0;
        }
    }

    private void StartRelays()
    {
        foreach (Multiaddress relay in _relays)
        {
            _loops.Add(RunRelayAsync(relay, _stop.Token));
        }
    }

    private async Task RunRelayAsync(Multiaddress relay, CancellationToken stop)
    {
        TimeSpan retry = TimeSpan.FromSeconds(1);
        PeerId relayPeer = relay.PeerId!;
        try
        {
            while (true)
            {
                RelayReservationLease lease;
                try
                {
                    lease = await _host.ReserveAsync(relay, stop).ConfigureAwait(false);
                }
                catch (HostException e)
                {
                    ReachabilityLog.ReserveFailed(_logger, relayPeer, e.Message, retry);
                    await Task.Delay(retry, _time, stop).ConfigureAwait(false);
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.TicksPerMinute));
                    continue;
                }

                retry = TimeSpan.FromSeconds(1);
                await using (lease.ConfigureAwait(false))
                {
                    await WatchReservationAsync(lease, stop).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            if (_liveReservations.TryRemove(relayPeer, out _))
            {
                _addressesChanged.Set();
            }
        }
    }

    /// <summary>Tracks one lease until it has been lost for <see cref="NodeOptions.ReservationLostAfter"/>.</summary>
    private async Task WatchReservationAsync(RelayReservationLease lease, CancellationToken stop)
    {
        DateTimeOffset? lostSince = null;
        while (true)
        {
            bool live = lease.Expire > _time.GetUtcNow() && _host.TryGetConnection(lease.Relay, out Libp2pConnection? c) && !c!.IsRelayed;
            if (live)
            {
                lostSince = null;
                if (_liveReservations.TryAdd(lease.Relay, lease))
                {
                    string addresses = string.Join(' ', lease.CircuitAddresses);
                    ReachabilityLog.Reserved(_logger, lease.Relay, addresses);
                    _addressesChanged.Set();
                }
            }
            else
            {
                lostSince ??= _time.GetUtcNow();
                if (_liveReservations.TryRemove(lease.Relay, out _))
                {
                    ReachabilityLog.ReservationLost(_logger, lease.Relay);
                    _addressesChanged.Set();
                }

                if (_time.GetUtcNow() - lostSince >= _options.ReservationLostAfter)
                {
                    return;
                }
            }

            await Task.Delay(_options.ReservationCheckInterval, _time, stop).ConfigureAwait(false);
        }
    }
}
