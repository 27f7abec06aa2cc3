// Limits of a Circuit Relay v2 relay (libp2p/specs relay/circuit-v2.md, "Reservation" and "Relay limits"); the
// defaults follow go-libp2p p2p/protocol/circuitv2/relay/resources.go (128 reservations, 8 per IP, 16 circuits per
// peer, 1 h reservations, 2 min and 128 KiB per circuit).
using System;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>How much a relay serves: reservations, circuits, and the limits of each circuit.</summary>
public sealed class RelayServiceOptions
{
    /// <summary>Most reservations held at once (default 128).</summary>
    public int MaxReservations { get; init; } = 128;

    /// <summary>Most reservations from one IP address (default 8).</summary>
    public int MaxReservationsPerIp { get; init; } = 8;

    /// <summary>How long a reservation lasts before the client must renew it (default 1 h).</summary>
    public TimeSpan ReservationTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Most circuits relayed at once (default 64).</summary>
    public int MaxCircuits { get; init; } = 64;

    /// <summary>Most circuits at once that one peer takes part in, as source or target (default 16).</summary>
    public int MaxCircuitsPerPeer { get; init; } = 16;

    /// <summary>The limit of every circuit (default 120 s and 128 KiB per direction; zero values mean none).</summary>
    public RelayLimit CircuitLimit { get; init; } = new(120, 128 * 1024);

    /// <summary>Bytes buffered per direction of a circuit (default 16 KiB): a slow reader slows its writer.</summary>
    public int BufferSize { get; init; } = 16 * 1024;

    /// <summary>Time a target has to answer the stop CONNECT (default 10 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReservations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReservationsPerIp, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReservationTtl, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCircuits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCircuitsPerPeer, 1);
        ArgumentNullException.ThrowIfNull(CircuitLimit);
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferSize, 512);
        ArgumentOutOfRangeException.ThrowIfLessThan(ConnectTimeout, TimeSpan.FromMilliseconds(10));
    }
}
