// libp2p/specs relay/circuit-v2.md, "Protobuf": StopMessage { required Type type = 1; optional Peer peer = 2;
// optional Limit limit = 3; optional Status status = 4; } on /libp2p/circuit/relay/0.2.0/stop. The type is always
// written; a missing type decodes as 0 (CONNECT). At most RelayProtocol.MaxMessageSize bytes.
using System;
using WotId.Core.Protobuf;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>A message of the stop protocol (relay → target).</summary>
public sealed class StopMessage
{
    /// <summary>The message type.</summary>
    public StopMessageType Type { get; init; }

    /// <summary>CONNECT: the peer that asked for the circuit.</summary>
    public RelayPeer? Peer { get; init; }

    /// <summary>CONNECT: the circuit's limits.</summary>
    public RelayLimit? Limit { get; init; }

    /// <summary>STATUS: the target's answer.</summary>
    public RelayStatus? Status { get; init; }

    /// <summary>Encodes the message (without the length prefix).</summary>
    /// <exception cref="RelayFormatException">The encoding exceeds 4096 bytes.</exception>
    public byte[] Encode()
    {
        var w = new ProtobufWriter(96);
        w.WriteUInt64(1, (ulong)Type);
        if (Peer is not null)
        {
            w.WriteBytes(2, RelayWire.EncodePeer(Peer));
        }

        if (Limit is not null)
        {
            w.WriteBytes(3, RelayWire.EncodeLimit(Limit));
        }

        if (Status is not null)
        {
            w.WriteUInt64(4, (ulong)Status.Value);
        }

        RelayWire.CheckSize(w.WrittenSpan);
        return w.ToArray();
    }

    /// <summary>Decodes a message (without the length prefix). Unknown fields are skipped.</summary>
    /// <exception cref="RelayFormatException">Malformed, too large, or an invalid peer id.</exception>
    public static StopMessage Decode(ReadOnlySpan<byte> encoded)
    {
        RelayWire.CheckSize(encoded);
        ulong type = 0;
        RelayPeer? peer = null;
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
                    case 3: limit = RelayWire.DecodeLimit(r.ReadBytes(wire)); break;
                    case 4: status = (RelayStatus)(int)Math.Min(r.ReadUInt64(wire), int.MaxValue); break;
                    default: r.Skip(wire); break;
                }
            }
        }
        catch (ProtobufException e)
        {
            throw RelayWire.Malformed(e);
        }

        if (type > (ulong)StopMessageType.Status)
        {
            throw new RelayFormatException(RelayError.UnexpectedMessage, "unknown stop message type " + type);
        }

        return new StopMessage { Type = (StopMessageType)type, Peer = peer, Limit = limit, Status = status };
    }

    /// <inheritdoc />
    public override string ToString() => "stop " + Type + (Status is null ? string.Empty : " " + Status) + (Peer is null ? string.Empty : " " + Peer.Id);
}
