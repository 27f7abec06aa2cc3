// The "network" part of `wotid status --json` and GET /v1/status: the host's resource manager and connection manager
// counters (src/WotId.Libp2p/README.md "Limits"). JSON names are stable (docs/cli.md).
namespace WotId.Node.Api;

/// <summary>Connections, streams, reserved and buffered memory and refusals of the node's libp2p host.</summary>
/// <param name="InboundConnections">Established inbound connections.</param>
/// <param name="OutboundConnections">Established outbound connections.</param>
/// <param name="PendingInbound">Inbound connections still in their upgrade.</param>
/// <param name="PendingOutbound">Our dials in progress.</param>
/// <param name="UnverifiedConnections">Established connections whose handshake has not verified the peer yet.</param>
/// <param name="Streams">Open streams, both directions.</param>
/// <param name="MemoryBytes">Receive window reserved over all connections, in bytes (the most peers can make the node buffer now).</param>
/// <param name="BufferedBytes">Bytes peers have sent that no handler has read yet, over all streams (never more than the reserved receive window).</param>
/// <param name="Trimmed">Connections closed by the connection manager so far.</param>
/// <param name="Refusals">Connections and streams refused so far, per resource scope.</param>
public sealed record NetworkStatus(
    int InboundConnections,
    int OutboundConnections,
    int PendingInbound,
    int PendingOutbound,
    int UnverifiedConnections,
    int Streams,
    long MemoryBytes,
    long BufferedBytes,
    long Trimmed,
    NetworkRefusals Refusals);
