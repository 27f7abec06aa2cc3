// Refusals per resource scope in `wotid status` (the scopes of src/WotId.Libp2p Host/Resources/ResourceScope.cs).
namespace WotId.Node.Api;

/// <summary>How many connections or streams each resource scope refused since the node started.</summary>
/// <param name="System">Host-wide limits: inbound, outbound and pending connections, streams, memory.</param>
/// <param name="Transient">Unverified connections: per-IP and per-subnet pending limits, streams before verification.</param>
/// <param name="Peer">Per-peer limits: connections and streams of one peer.</param>
/// <param name="Protocol">Per-protocol inbound stream limits.</param>
/// <param name="Connection">Per-connection stream limits (Yamux).</param>
public sealed record NetworkRefusals(long System, long Transient, long Peer, long Protocol, long Connection);
