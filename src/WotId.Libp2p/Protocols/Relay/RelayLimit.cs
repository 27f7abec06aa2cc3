// libp2p/specs relay/circuit-v2.md, "Protobuf": Limit { optional uint32 duration = 1; optional uint64 data = 2; }.
namespace WotId.Libp2p.Protocols.Relay;

/// <summary>The limits of a relayed circuit: seconds and bytes per direction, 0 meaning none.</summary>
/// <param name="DurationSeconds">Longest life of the circuit in seconds (0: unlimited).</param>
/// <param name="DataBytes">Most bytes relayed in each direction (0: unlimited).</param>
public sealed record RelayLimit(uint DurationSeconds, ulong DataBytes);
