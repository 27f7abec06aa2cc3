// libp2p/specs relay/circuit-v2.md, "Hop protocol": the relay side. RESERVE grants (or renews) a reservation within
// the limits; CONNECT to a peer with a live reservation opens the stop protocol to it, and after both sides said OK
// splices the two streams within the circuit limit. Requests over relayed connections are refused (a relay never
// relays a relayed connection), as are CONNECTs to peers without reservation (NO_RESERVATION).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>Serves the hop protocol for one host.</summary>
internal sealed class RelayHopService
{
    private readonly Libp2pHost _host;
    private readonly RelayServiceOptions _options;
    private readonly object _lock = new();
    private readonly Dictionary<PeerId, Reservation> _reservations = new();
    private readonly Dictionary<PeerId, int> _circuitsPerPeer = new();
    private int _circuits;

    public RelayHopService(Libp2pHost host, RelayServiceOptions options)
    {
        options.Validate();
        _host = host;
        _options = options;
    }

    /// <summary>Reservations held now (expired or disconnected ones are not counted).</summary>
    public int ReservationCount
    {
        get { lock (_lock) { Purge(); return _reservations.Count; } }
    }

    /// <summary>Circuits relayed now.</summary>
    public int CircuitCount => Volatile.Read(ref _circuits);

    public async Task HandleAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        HopMessage request;
        using (var timeout = new TimeoutScope(_host.Time, _host.Options.NegotiationTimeout, cancellationToken))
        {
            try
            {
                request = await RelayProtocol.ReadHopAsync(stream, timeout.Token).ConfigureAwait(false);
            }
            catch (RelayFormatException ex)
            {
                Log.HopRejected(_host.Logger, stream.RemotePeer, RelayStatus.MalformedMessage, ex.Message);
                await AnswerAsync(stream, RelayStatus.MalformedMessage, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        if (stream.Connection.IsRelayed)
        {
            // A relayed connection must not be used to reserve or to connect further.
            await AnswerAsync(stream, RelayStatus.PermissionDenied, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (request.Type)
        {
            case HopMessageType.Reserve:
                await ReserveAsync(stream, cancellationToken).ConfigureAwait(false);
                break;
            case HopMessageType.Connect:
                await ConnectAsync(stream, request, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await AnswerAsync(stream, RelayStatus.UnexpectedMessage, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task ReserveAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        Libp2pConnection connection = stream.Connection;
        PeerId peer = connection.RemotePeer;
        IPAddress? ip = IpOf(connection.RemoteAddress);
        ulong expire = (ulong)(_host.Time.GetUtcNow() + _options.ReservationTtl).ToUnixTimeSeconds();
        RelayStatus refusal = RelayStatus.Ok;
        lock (_lock)
        {
            Purge();
            if (!_reservations.ContainsKey(peer))
            {
                if (_reservations.Count >= _options.MaxReservations)
                {
                    refusal = RelayStatus.ResourceLimitExceeded;
                }
                else if (ip is not null && _reservations.Values.Count(r => ip.Equals(r.Ip)) >= _options.MaxReservationsPerIp)
                {
                    refusal = RelayStatus.ResourceLimitExceeded;
                }
            }

            if (refusal == RelayStatus.Ok)
            {
                _reservations[peer] = new Reservation(connection, ip, expire);
            }
        }

        if (refusal != RelayStatus.Ok)
        {
            Log.HopRejected(_host.Logger, peer, refusal, "reservation limit");
            await AnswerAsync(stream, refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        connection.KeepAliveUntil = (long)expire;
        var addresses = _host.AdvertisedAddresses.Where(a => !a.Contains(MultiaddrCodes.P2pCircuit)).ToList();
        byte[] voucher = new ReservationVoucher(_host.PeerId, peer, expire).Seal(_host.Options.Identity);
        var answer = new HopMessage
        {
            Type = HopMessageType.Status,
            Status = RelayStatus.Ok,
            Reservation = new RelayReservation(expire, addresses, voucher),
            Limit = _options.CircuitLimit,
        };
        await RelayProtocol.WriteAsync(stream, answer, cancellationToken).ConfigureAwait(false);
        Log.ReservationGranted(_host.Logger, peer, expire);
    }

    private async Task ConnectAsync(Libp2pStream stream, HopMessage request, CancellationToken cancellationToken)
    {
        PeerId source = stream.RemotePeer;
        if (request.Peer is null)
        {
            await AnswerAsync(stream, RelayStatus.MalformedMessage, cancellationToken).ConfigureAwait(false);
            return;
        }

        PeerId target = request.Peer.Id;
        Reservation? reservation;
        RelayStatus refusal = RelayStatus.Ok;
        lock (_lock)
        {
            Purge();
            _reservations.TryGetValue(target, out reservation);
            if (reservation is null)
            {
                refusal = RelayStatus.NoReservation;
            }
            else if (_circuits >= _options.MaxCircuits || Circuits(source) >= _options.MaxCircuitsPerPeer
                || Circuits(target) >= _options.MaxCircuitsPerPeer)
            {
                refusal = RelayStatus.ResourceLimitExceeded;
            }
            else
            {
                _circuits++;
                _circuitsPerPeer[source] = Circuits(source) + 1;
                _circuitsPerPeer[target] = Circuits(target) + 1;
            }
        }

        if (refusal != RelayStatus.Ok)
        {
            Log.HopRejected(_host.Logger, source, refusal, "connect to " + target);
            await AnswerAsync(stream, refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await RelayCircuitAsync(stream, source, target, reservation!.Connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                _circuits--;
                Release(source);
                Release(target);
            }
        }
    }

    private async Task RelayCircuitAsync(
        Libp2pStream hop, PeerId source, PeerId target, Libp2pConnection targetConnection, CancellationToken cancellationToken)
    {
        Libp2pStream? stop = null;
        try
        {
            RelayStatus answer;
            try
            {
                using var timeout = new TimeoutScope(_host.Time, _options.ConnectTimeout, cancellationToken);
                stop = await targetConnection.OpenStreamAsync(RelayProtocol.StopProtocolId, timeout.Token).ConfigureAwait(false);
                var connect = new StopMessage { Type = StopMessageType.Connect, Peer = new RelayPeer(source, []), Limit = _options.CircuitLimit };
                await RelayProtocol.WriteAsync(stop, connect, timeout.Token).ConfigureAwait(false);
                StopMessage reply = await RelayProtocol.ReadStopAsync(stop, timeout.Token).ConfigureAwait(false);
                answer = reply.Type == StopMessageType.Status && reply.Status == RelayStatus.Ok ? RelayStatus.Ok : RelayStatus.ConnectionFailed;
            }
            catch (Exception ex) when (ex is System.IO.IOException or FormatException or OperationCanceledException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                answer = RelayStatus.ConnectionFailed;
            }

            if (answer != RelayStatus.Ok)
            {
                Log.HopRejected(_host.Logger, source, answer, "target " + target + " did not accept");
                await AnswerAsync(hop, answer, cancellationToken).ConfigureAwait(false);
                return;
            }

            var ok = new HopMessage { Type = HopMessageType.Status, Status = RelayStatus.Ok, Limit = _options.CircuitLimit };
            await RelayProtocol.WriteAsync(hop, ok, cancellationToken).ConfigureAwait(false);
            Log.CircuitOpened(_host.Logger, source, target);
            bool clean = await CircuitBridge.RunAsync(hop, stop!, _options.CircuitLimit, _options.BufferSize, _host.Time, cancellationToken)
                .ConfigureAwait(false);
            Log.CircuitClosed(_host.Logger, source, target, clean);
        }
        finally
        {
            if (stop is not null)
            {
                await stop.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task AnswerAsync(Libp2pStream stream, RelayStatus status, CancellationToken cancellationToken)
    {
        var answer = new HopMessage { Type = HopMessageType.Status, Status = status };
        await RelayProtocol.WriteAsync(stream, answer, cancellationToken).ConfigureAwait(false);
    }

    private int Circuits(PeerId peer) => _circuitsPerPeer.TryGetValue(peer, out int n) ? n : 0;

    private void Release(PeerId peer)
    {
        int n = Circuits(peer) - 1;
        if (n <= 0)
        {
            _circuitsPerPeer.Remove(peer);
        }
        else
        {
            _circuitsPerPeer[peer] = n;
        }
    }

    /// <summary>Drops reservations that expired or whose connection closed (caller holds the lock).</summary>
    private void Purge()
    {
        ulong now = (ulong)_host.Time.GetUtcNow().ToUnixTimeSeconds();
        foreach (KeyValuePair<PeerId, Reservation> r in _reservations.ToList())
        {
            if (r.Value.Expire <= now || r.Value.Connection.IsClosed)
            {
                _reservations.Remove(r.Key);
            }
        }
    }

    private static IPAddress? IpOf(Multiaddress address)
    {
        MultiaddrComponent first = address.Components[0];
        return first.Code is MultiaddrCodes.Ip4 or MultiaddrCodes.Ip6 ? new IPAddress(first.RawValue.Span) : null;
    }

    private sealed record Reservation(Libp2pConnection Connection, IPAddress? Ip, ulong Expire);
}
