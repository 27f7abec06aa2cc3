// libp2p/specs relay/circuit-v2.md, "Reservation": a client holds a reservation while it keeps its connection to the
// relay and refreshes it before `expire`. This object is that reservation as seen by its holder; the host renews it
// until it is disposed.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>A reservation we hold on a relay; renewed by the host until disposed.</summary>
public sealed class RelayReservationLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly object _lock = new();
    private RelayReservation _reservation;
    private RelayLimit? _limit;
    private Task _renewal = Task.CompletedTask;

    internal RelayReservationLease(PeerId relay, PeerId self, Multiaddress dialedAddress, RelayReservation reservation, RelayLimit? limit)
    {
        Relay = relay;
        Self = self;
        DialedAddress = dialedAddress;
        _reservation = reservation;
        _limit = limit;
    }

    /// <summary>The relay.</summary>
    public PeerId Relay { get; }

    /// <summary>The address we reached the relay at (with <c>/p2p/&lt;relay&gt;</c>).</summary>
    public Multiaddress DialedAddress { get; }

    /// <summary>When the current reservation expires (renewal moves it).</summary>
    public DateTimeOffset Expire
    {
        get { lock (_lock) { return DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(_reservation.Expire, (ulong)long.MaxValue / 2)); } }
    }

    /// <summary>The limits the relay puts on circuits to us, if it said.</summary>
    public RelayLimit? Limit
    {
        get { lock (_lock) { return _limit; } }
    }

    /// <summary>Number of successful renewals so far.</summary>
    public int Renewals { get; private set; }

    /// <summary>
    /// Our addresses through this relay: <c>&lt;relay addr&gt;/p2p/&lt;relay&gt;/p2p-circuit/p2p/&lt;us&gt;</c> for
    /// every relay address the relay announced (or the address we dialed when it announced none).
    /// </summary>
    public IReadOnlyList<Multiaddress> CircuitAddresses
    {
        get
        {
            IReadOnlyList<Multiaddress> relayAddrs;
            lock (_lock)
            {
                relayAddrs = _reservation.Addresses.Count > 0 ? _reservation.Addresses : [DialedAddress];
            }

            return relayAddrs
                .Select(a => a.PeerId is null ? a.Encapsulate("/p2p/" + Relay) : a)
                .Select(a => a.Encapsulate("/p2p-circuit/p2p/" + Self))
                .ToList();
        }
    }

    internal PeerId Self { get; }

    internal CancellationToken Stopping => _stop.Token;

    /// <summary>Stops renewing (the relay lets the reservation expire).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        await _renewal.ConfigureAwait(false);
        _stop.Dispose();
    }

    internal void Update(RelayReservation reservation, RelayLimit? limit)
    {
        lock (_lock)
        {
            _reservation = reservation;
            _limit = limit;
        }

        Renewals++;
    }

    internal void Start(Func<RelayReservationLease, Task> renewal) => _renewal = renewal(this);
}
