// One entry of the host's event stream (Libp2pHost.ReadEventsAsync).
using System;

namespace WotId.Libp2p.Host;

/// <summary>A connection lifecycle event.</summary>
public sealed class HostEvent
{
    /// <summary>Creates an event.</summary>
    public HostEvent(HostEventKind kind, Libp2pConnection connection, DateTimeOffset timestamp, string? reason = null, Exception? error = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Kind = kind;
        Connection = connection;
        Timestamp = timestamp;
        Reason = reason;
        Error = error;
    }

    /// <summary>What happened.</summary>
    public HostEventKind Kind { get; }

    /// <summary>The connection concerned.</summary>
    public Libp2pConnection Connection { get; }

    /// <summary>When, on the host's clock.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>
    /// For <see cref="HostEventKind.ConnectionClosed"/>: a short reason ("closed", "idle", "gate: …", a Yamux error);
    /// null for other kinds.
    /// </summary>
    public string? Reason { get; }

    /// <summary>The failure behind an abnormal close or a failed identify; null otherwise.</summary>
    public Exception? Error { get; }

    /// <inheritdoc />
    public override string ToString() => Reason is null ? $"{Kind} {Connection}" : $"{Kind} {Connection}: {Reason}";
}
