// libp2p/specs relay/circuit-v2.md, "Protobuf": the fields HopMessage and StopMessage have in common (type, peer,
// limit, status) plus HopMessage's reservation, as decoded before the type is checked against its enum.
namespace WotId.Libp2p.Protocols.Relay;

/// <summary>The decoded fields of a hop or stop message.</summary>
internal readonly record struct RelayFields(
    ulong Type,
    RelayPeer? Peer,
    RelayReservation? Reservation,
    RelayLimit? Limit,
    RelayStatus? Status);
