// libp2p/specs relay/circuit-v2.md, "Protobuf": HopMessage { required Type type = 1; optional Peer peer = 2;
// optional Reservation reservation = 3; optional Limit limit = 4; optional Status status = 5; } on
// /libp2p/circuit/relay/0.2.0/hop. The type is always written (go and js write RESERVE = 0); a missing type decodes
// as 0. At most RelayProtocol.MaxMessageSize bytes.
using System;
using WotId.Core.Protobuf;

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
    public byte[] Encode()
    {
        var w = new ProtobufWriter(128);
        w.WriteUInt64(1, (ulong)Type);
        if (Peer is not null)
        {
            w.WriteBytes(2, RelayWire.EncodePeer(Peer));
        }

        if (Reservation is not null)
        {
            w.WriteBytes(3, RelayWire.EncodeReservation(Reservation));
        }

        if (Limit is not null)
        {
            w.WriteBytes(4, RelayWire.EncodeLimit(Limit));
        }

        if (Status is not null)
        {
            w.WriteUInt64(5, (ulong)Status.Value);
        }

        RelayWire.CheckSize(w.WrittenSpan);
        return w.ToArray();
    }

    /// <summary>Decodes a message (without the length prefix). Unknown fields are skipped.</summary>
    /// <exception cref="RelayFormatException">Malformed, too large, or an invalid peer id.</exception>
    public static HopMessage Decode(ReadOnlySpan<byte> encoded)
    {
        RelayWire.CheckSize(encoded);
        ulong type = 0;
        RelayPeer? peer = null;
        RelayReservation? reservation = null;
        RelayLimit? limit = null;
        RelayStatus? status = null;
        try
        {
            var r = new ProtobufReader(encoded);
            while (r.TryReadTag(out int field, out WireType wire))
            {
                switch (field)
                {
                    case 1: type = r.ReadUInt64(wire); break;
                    case 2: peer = RelayWire.DecodePeer(r.ReadBytes(wire)); break;
                    case 3: reservation = RelayWire.DecodeReservation(r.ReadBytes(wire)); break;
                    case 4: limit = RelayWire.DecodeLimit(r.ReadBytes(wire)); break;
                    case 5: status = (RelayStatus)(int)Math.Min(r.ReadUInt64(wire), int.MaxValue); break;
                    default: r.Skip(wire); break;
                }
            }
        }
        catch (ProtobufException e)
        {
            throw RelayWire.Malformed(e);
        }

        if (type > (ulong)HopMessageType.Status)
        {
            throw new RelayFormatException(RelayError.UnexpectedMessage, "unknown hop message type " + type);
        }

        return new HopMessage { Type = (HopMessageType)type, Peer = peer, Reservation = reservation, Limit = limit, Status = status };
    }

    /// <inheritdoc />
    public override string ToString() => "hop " + Type + (Status is null ? string.Empty : " " + Status) + (Peer is null ? string.Empty : " " + Peer.Id);
}
