// libp2p/specs relay/circuit-v2.md, "Protobuf": HopMessage { type = 1; peer = 2; reservation = 3; limit = 4;
// status = 5 } and StopMessage { type = 1; peer = 2; limit = 3; status = 4 }. Both share one encoding that differs
// only in the numbers of limit and status and in whether a reservation exists. The type is always written (go and js
// write the zero value too); a missing type decodes as 0. At most RelayProtocol.MaxMessageSize bytes.
using System;
using WotId.Core.Protobuf;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>Protobuf encoding shared by <see cref="HopMessage"/> and <see cref="StopMessage"/>.</summary>
internal static class RelayMessageCodec
{
    private const int TypeField = 1;
    private const int PeerField = 2;
    private const int NoField = 0;

    /// <summary>Field numbers of HopMessage: reservation, limit, status.</summary>
    internal static readonly (int Reservation, int Limit, int Status) Hop = (3, 4, 5);

    /// <summary>Field numbers of StopMessage: no reservation, limit, status.</summary>
    internal static readonly (int Reservation, int Limit, int Status) Stop = (NoField, 3, 4);

    /// <summary>Encodes the fields with the given field numbers (without the length prefix).</summary>
    /// <exception cref="RelayFormatException">The encoding exceeds RelayProtocol.MaxMessageSize bytes.</exception>
    internal static byte[] Encode(in RelayFields fields, (int Reservation, int Limit, int Status) numbers, int capacity)
    {
        var w = new ProtobufWriter(capacity);
        w.WriteUInt64(TypeField, fields.Type);
        if (fields.Peer is not null)
        {
            w.WriteBytes(PeerField, RelayWire.EncodePeer(fields.Peer));
        }

        if (fields.Reservation is not null && numbers.Reservation != NoField)
        {
            w.WriteBytes(numbers.Reservation, RelayWire.EncodeReservation(fields.Reservation));
        }

        if (fields.Limit is not null)
        {
            w.WriteBytes(numbers.Limit, RelayWire.EncodeLimit(fields.Limit));
        }

        if (fields.Status is not null)
        {
            w.WriteUInt64(numbers.Status, (ulong)fields.Status.Value);
        }

        RelayWire.CheckSize(w.WrittenSpan);
        return w.ToArray();
    }

    /// <summary>
    /// Decodes a message (without the length prefix) with the given field numbers. Unknown fields are skipped; a
    /// type above <paramref name="maxType"/> is rejected.
    /// </summary>
    /// <exception cref="RelayFormatException">Malformed, too large, an invalid peer id or an unknown type.</exception>
    internal static RelayFields Decode(ReadOnlySpan<byte> encoded, (int Reservation, int Limit, int Status) numbers, ulong maxType, string protocol)
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
                if (field == TypeField)
                {
                    type = r.ReadUInt64(wire);
                }
                else if (field == PeerField)
                {
                    peer = RelayWire.DecodePeer(r.ReadBytes(wire));
                }
                else if (field == numbers.Reservation && field != NoField)
                {
                    reservation = RelayWire.DecodeReservation(r.ReadBytes(wire));
                }
                else if (field == numbers.Limit)
                {
                    limit = RelayWire.DecodeLimit(r.ReadBytes(wire));
                }
                else if (field == numbers.Status)
                {
                    status = (RelayStatus)(int)Math.Min(r.ReadUInt64(wire), int.MaxValue);
                }
                else
                {
                    r.Skip(wire);
                }
            }
        }
        catch (ProtobufException e)
        {
            throw RelayWire.Malformed(e);
        }

        if (type > maxType)
        {
            throw new RelayFormatException(RelayError.UnexpectedMessage, "unknown " + protocol + " message type " + type);
        }

        return new RelayFields(type, peer, reservation, limit, status);
    }
}
