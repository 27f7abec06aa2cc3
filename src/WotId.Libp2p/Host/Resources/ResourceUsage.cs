// A snapshot of the host's resource use and refusals (what `wotid status` shows under "network").
using System.Collections.Generic;

namespace WotId.Libp2p.Host.Resources;

/// <summary>Current use and refusals so far of a <see cref="Libp2pHost"/>'s resource scopes.</summary>
/// <param name="InboundConnections">Established inbound connections.</param>
/// <param name="OutboundConnections">Established outbound connections.</param>
/// <param name="PendingInbound">Inbound connections in their upgrade (TCP or WebSocket).</param>
/// <param name="PendingOutbound">Our dials in progress.</param>
/// <param name="TransientConnections">Established connections not verified yet (gate shut).</param>
/// <param name="Streams">Open streams, both directions.</param>
/// <param name="TransientStreams">Open streams on unverified connections.</param>
/// <param name="MemoryBytes">
/// Yamux receive window granted over all connections, in bytes: what peers may make the host buffer at most, which is
/// what the memory limits count (see <see cref="BufferedBytes"/> for what is buffered now).
/// </param>
/// <param name="RefusalsByScope">Refusals so far per scope.</param>
/// <param name="Refusals">Refusals so far per limit (only limits that refused at least once).</param>
public sealed record ResourceUsage(
    int InboundConnections,
    int OutboundConnections,
    int PendingInbound,
    int PendingOutbound,
    int TransientConnections,
    int Streams,
    int TransientStreams,
    long MemoryBytes,
    IReadOnlyDictionary<ResourceScope, long> RefusalsByScope,
    IReadOnlyDictionary<ResourceLimitKind, long> Refusals)
{
    /// <summary>
    /// Bytes received and not yet read by a handler, over all streams, in bytes. A peer cannot send beyond the window
    /// it was granted, so this never exceeds <see cref="MemoryBytes"/> (except data left readable in streams of a
    /// connection that has just ended).
    /// </summary>
    public long BufferedBytes { get; init; }
}
