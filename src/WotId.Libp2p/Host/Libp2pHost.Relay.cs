// Circuit Relay v2 on the host (libp2p/specs relay/circuit-v2.md): reserving on a relay and renewing the reservation,
// dialing /p2p-circuit addresses through the hop protocol, and accepting circuits on the stop protocol. A circuit is
// upgraded exactly like a TCP connection (multistream /noise → Noise → Yamux) with the dialer as initiator, and the
// result is a normal connection of this host whose IsRelayed is true.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Relay;
using RelayLog = WotId.Libp2p.Protocols.Relay.Log;

namespace WotId.Libp2p.Host;

public sealed partial class Libp2pHost
{
    private readonly List<RelayReservationLease> _leases = new();
    private RelayHopService? _hop;

    /// <summary>Reservations held now.</summary>
    public IReadOnlyList<RelayReservationLease> Reservations
    {
        get { lock (_lock) { return _leases.ToList(); } }
    }

    /// <summary>Reservations this host holds for others as a relay (0 when it is no relay).</summary>
    public int RelayedReservationCount => _hop?.ReservationCount ?? 0;

    /// <summary>Circuits this host relays now (0 when it is no relay).</summary>
    public int RelayedCircuitCount => _hop?.CircuitCount ?? 0;

    /// <summary>
    /// Reserves a slot on the relay at <paramref name="relayAddress"/> (which must end in <c>/p2p/&lt;relay&gt;</c>),
    /// starts accepting relayed connections, and keeps renewing the reservation (at two thirds of its life, and after
    /// the connection to the relay was lost) until the returned lease is disposed or the host stops.
    /// </summary>
    /// <exception cref="HostException">The relay is unreachable or refused (<see cref="HostError.RelayFailed"/>).</exception>
    public async Task<RelayReservationLease> ReserveAsync(Multiaddress relayAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relayAddress);
        PeerId relay = relayAddress.PeerId ?? throw new ArgumentException("the relay address must end in /p2p/<relay id>", nameof(relayAddress));
        if (relayAddress.Contains(MultiaddrCodes.P2pCircuit))
        {
            throw new ArgumentException("a reservation cannot be taken over a relayed connection", nameof(relayAddress));
        }

        EnsureStopHandler();
        (RelayReservation reservation, RelayLimit? limit) = await ReserveOnceAsync(relayAddress, relay, cancellationToken).ConfigureAwait(false);
        if (_stopping.IsCancellationRequested)
        {
            // The host stopped while the relay was answering: no renewal may start on a stopped (or disposed) host.
            throw new HostException(HostError.NotRunning, "the host stopped while the reservation on relay " + relay + " was being taken");
        }

        var lease = new RelayReservationLease(relay, PeerId, relayAddress, reservation, limit);
        lock (_lock)
        {
            _leases.Add(lease);
        }

        OnAddressesChanged();

        lease.Start(l =>
        {
            Task t = RenewLoopAsync(l);
            _tasks.Add(t);
            return t;
        });
        RelayLog.Reserved(Logger, relay, lease.Expire);
        return lease;
    }

    private void EnsureStopHandler()
    {
        if (!_handlers.ContainsKey(RelayProtocol.StopProtocolId))
        {
            SetHandler(RelayProtocol.StopProtocolId, HandleStopAsync);
        }
    }

    private void InitRelay()
    {
        if (_options.RelayService is not null)
        {
            _hop = new RelayHopService(this, _options.RelayService);
            _handlers[RelayProtocol.HopProtocolId] = _hop.HandleAsync;
        }

        if (_options.HolePunching)
        {
            _handlers[WotId.Libp2p.Protocols.Dcutr.DcutrProtocol.ProtocolId] = HandleDcutrAsync;
        }

        if (_options.AcceptRelayedConnections)
        {
            _handlers[RelayProtocol.StopProtocolId] = HandleStopAsync;
        }
    }

    private async Task<(RelayReservation, RelayLimit?)> ReserveOnceAsync(Multiaddress relayAddress, PeerId relay, CancellationToken cancellationToken)
    {
        Libp2pConnection connection = await DialAsync(relayAddress, cancellationToken).ConfigureAwait(false);
        if (connection.IsRelayed)
        {
            throw new HostException(HostError.RelayFailed, "the only connection to relay " + relay + " is itself relayed");
        }

        HopMessage answer;
        await using (Libp2pStream stream = await connection.OpenStreamAsync(RelayProtocol.HopProtocolId, cancellationToken).ConfigureAwait(false))
        {
            using var timeout = new TimeoutScope(_time, _options.UpgradeTimeout, cancellationToken);
            answer = await HopRequestAsync(stream, new HopMessage { Type = HopMessageType.Reserve }, relay, timeout.Token).ConfigureAwait(false);
            stream.CompleteWrites();
        }

        if (answer.Reservation is null)
        {
            throw new HostException(HostError.RelayFailed, "relay " + relay + " answered OK without a reservation");
        }

        if (answer.Reservation.Voucher is { } voucher)
        {
            // Advisory (the spec does not require vouchers to be checked); a bad one is only logged.
            try
            {
                ReservationVoucher v = ReservationVoucher.Open(voucher);
                if (v.Relay != relay || v.Peer != PeerId)
                {
                    throw new RelayFormatException(RelayError.BadVoucher, "the voucher names other peers");
                }
            }
            catch (RelayFormatException ex)
            {
                RelayLog.BadVoucher(Logger, relay, ex);
            }
        }

        connection.KeepAliveUntil = (long)Math.Min(answer.Reservation.Expire, long.MaxValue);
        return (answer.Reservation, answer.Limit);
    }

    private async Task RenewLoopAsync(RelayReservationLease lease)
    {
        CancellationTokenSource linked;
        try
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(lease.Stopping, _stopping.Token);
        }
        catch (ObjectDisposedException)
        {
            // The host was disposed between the check in ReserveAsync and here: nothing to renew.
            return;
        }

        using CancellationTokenSource stop = linked;
        CancellationToken token = stop.Token;
        TimeSpan retry = TimeSpan.FromSeconds(1);
        try
        {
            while (!token.IsCancellationRequested)
            {
                TimeSpan left = lease.Expire - _time.GetUtcNow();
                TimeSpan wait = TimeSpan.FromTicks(Math.Max(0, left.Ticks * 2 / 3));
                using (var renewDue = new TimeoutScope(_time, wait, token))
                {
                    // Renew early when the connection to the relay goes away.
                    Task lost = TryGetConnection(lease.Relay, out Libp2pConnection? c) && !c!.IsRelayed ? c.Completion : Task.CompletedTask;
                    await Task.WhenAny(lost, Task.Delay(Timeout.Infinite, renewDue.Token)).ConfigureAwait(false);
                }

                token.ThrowIfCancellationRequested();
                try
                {
                    (RelayReservation r, RelayLimit? limit) = await ReserveOnceAsync(lease.DialedAddress, lease.Relay, token).ConfigureAwait(false);
                    lease.Update(r, limit);
                    retry = TimeSpan.FromSeconds(1);
                }
                catch (HostException ex)
                {
                    RelayLog.RenewFailed(Logger, lease.Relay, ex);
                    await Task.Delay(retry, _time, token).ConfigureAwait(false);
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.TicksPerMinute));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Lease disposed or host stopping.
        }
        finally
        {
            bool removed;
            lock (_lock)
            {
                removed = _leases.Remove(lease);
            }

            if (removed)
            {
                OnAddressesChanged();
            }
        }
    }

    /// <summary>Dials <c>&lt;relay addr&gt;/p2p/&lt;relay&gt;/p2p-circuit/p2p/&lt;target&gt;</c>: hop CONNECT, then the upgrade.</summary>
    private async Task<Libp2pConnection> DialCircuitAsync(Multiaddress address, CancellationToken cancellationToken)
    {
        PeerId target = address.PeerId ?? throw new HostException(HostError.NoAddress, "a circuit address must end in /p2p/<target>: " + address);
        Multiaddress relayAddress = address.DecapsulateCode(MultiaddrCodes.P2pCircuit);
        PeerId relay = relayAddress.PeerId ?? throw new HostException(HostError.NoAddress, "a circuit address must name its relay: " + address);
        if (relay == target || relayAddress.Contains(MultiaddrCodes.P2pCircuit))
        {
            throw new HostException(HostError.RelayFailed, "refusing a circuit through " + relay + " to itself or over another circuit");
        }

        Libp2pConnection relayConnection = await DialAsync(relayAddress, cancellationToken).ConfigureAwait(false);
        if (relayConnection.IsRelayed)
        {
            throw new HostException(HostError.RelayFailed, "the only connection to relay " + relay + " is itself relayed");
        }

        Libp2pStream stream = await relayConnection.OpenStreamAsync(RelayProtocol.HopProtocolId, cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = new TimeoutScope(_time, _options.UpgradeTimeout, cancellationToken);
            var connect = new HopMessage { Type = HopMessageType.Connect, Peer = new RelayPeer(target, []) };
            await HopRequestAsync(stream, connect, relay, timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            stream.Abort();
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Multiaddress local = relayConnection.LocalAddress.Encapsulate("/p2p-circuit");
        var raw = new RelayedTransportConnection(stream, isInitiator: true, local, address);
        return await UpgradeAsync(raw, initiator: true, target, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HopMessage> HopRequestAsync(Libp2pStream stream, HopMessage request, PeerId relay, CancellationToken cancellationToken)
    {
        HopMessage answer;
        try
        {
            await RelayProtocol.WriteAsync(stream, request, cancellationToken).ConfigureAwait(false);
            answer = await RelayProtocol.ReadHopAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or FormatException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw ex as HostException ?? new HostException(HostError.RelayFailed, "relay " + relay + " exchange failed: " + ex.Message, ex);
        }

        if (answer.Type != HopMessageType.Status || answer.Status != RelayStatus.Ok)
        {
            throw new HostException(HostError.RelayFailed, $"relay {relay} refused {request.Type}: {answer.Status?.ToString() ?? answer.Type.ToString()}")
            {
                RelayStatus = answer.Status,
            };
        }

        return answer;
    }

    /// <summary>The stop protocol: a relay announces a circuit from a peer; we accept it and upgrade it as inbound.</summary>
    private async Task HandleStopAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        StopMessage request;
        using (var timeout = new TimeoutScope(_time, _options.NegotiationTimeout, cancellationToken))
        {
            request = await RelayProtocol.ReadStopAsync(stream, timeout.Token).ConfigureAwait(false);
        }

        RelayStatus status = stream.Connection.IsRelayed ? RelayStatus.PermissionDenied
            : request.Type != StopMessageType.Connect ? RelayStatus.UnexpectedMessage
            : request.Peer is null ? RelayStatus.MalformedMessage
            : RelayStatus.Ok;
        await RelayProtocol.WriteAsync(stream, new StopMessage { Type = StopMessageType.Status, Status = status }, cancellationToken).ConfigureAwait(false);
        if (status != RelayStatus.Ok)
        {
            return;
        }

        PeerId source = request.Peer!.Id;
        Multiaddress relayAddress = stream.Connection.RemoteAddress.DecapsulateCode(MultiaddrCodes.P2p).Encapsulate("/p2p/" + stream.RemotePeer);
        Multiaddress remote = relayAddress.Encapsulate("/p2p-circuit/p2p/" + source);
        var raw = new RelayedTransportConnection(stream, isInitiator: false, stream.Connection.LocalAddress.Encapsulate("/p2p-circuit"), remote);
        Libp2pConnection connection;
        try
        {
            connection = await UpgradeAsync(raw, initiator: false, source, cancellationToken).ConfigureAwait(false);
        }
        catch (HostException ex)
        {
            RelayLog.StopFailed(Logger, source, ex);
            return;
        }

        OnInboundRelayed(connection);

        // The stop stream is the relayed connection's transport: this handler lives as long as that connection.
        await connection.Completion.ConfigureAwait(false);
    }

    /// <summary>Hook for DCUtR: an inbound relayed connection is up (we are the side that drives the hole punch).</summary>
    partial void OnInboundRelayed(Libp2pConnection connection);
}
