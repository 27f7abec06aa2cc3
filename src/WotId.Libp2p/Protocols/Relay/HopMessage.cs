// libp2p/specs relay/circuit-v2.md, "Protobuf": HopMessage { required Type type = 1; optional Peer peer = 2;
// optional Reservation reservation = 3; optional Limit limit = 4; optional Status status = 5; } on
// /libp2p/circuit/relay/0.2.0/hop. The type is always written (go and js write RESERVE = 0); a missing type decodes
// as 0. At most RelayProtocol.MaxMessageSize bytes.
using System;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>A message of the hop protocol (client ↔ relay).</summary>
public sealed class HopMessage
{
    /// <summary>The message type.</summary>
    public HopMessageType Type { get; init; }

    /// <summary>CONNECT: the target; STATUS to a connect: absent.</summary>
    public RelayPeer? Peer { get; init; }

    /// <summary>STATUS OK to a RESERVE: the reservation.</summary>
    public RelayReservation? Reservation { get; init; }

    /// <summary>STATUS OK: the limits of the reservation's circuits or of this circuit.</summary>
    public RelayLimit? Limit { get; init; }

    /// <summary>STATUS: the status.</summary>
    public RelayStatus? Status { get; init; }

    /// <summary>Encodes the message (without the length prefix).</summary>
    /// <exception cref="RelayFormatException">The encoding exceeds 4096 bytes.</exception>
    public byte[] Encode() =>
        RelayMessageCodec.Encode(new RelayFields((ulong)Type, Peer, Reservation, Limit, Status), RelayMessageCodec.Hop, 128);

    /// <summary>Decodes a message (without the length prefix). Unknown fields are skipped.</summary>
    /// <exception cref="RelayFormatException">Malformed, too large, or an invalid peer id.</exception>
    public static HopMessage Decode(ReadOnlySpan<byte> encoded)
    {
        RelayFields f = RelayMessageCodec.Decode(encoded, RelayMessageCodec.Hop, (ulong)HopMessageType.Status, "hop");
        return new HopMessage { Type = (HopMessageType)f.Type, Peer = f.Peer, Reservation = f.Reservation, Limit = f.Limit, Status = f.Status };
    }

    /// <inheritdoc />
    public override string ToString() => "hop " + Type + (Status is null ? string.Empty : " " + Status) + (Peer is null ? string.Empty : " " + Peer.Id);
}
