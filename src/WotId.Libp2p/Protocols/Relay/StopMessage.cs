// libp2p/specs relay/circuit-v2.md, "Protobuf": StopMessage { required Type type = 1; optional Peer peer = 2;
// optional Limit limit = 3; optional Status status = 4; } on /libp2p/circuit/relay/0.2.0/stop. The type is always
// written; a missing type decodes as 0 (CONNECT). At most RelayProtocol.MaxMessageSize bytes.
using System;

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
    public byte[] Encode() =>
        RelayMessageCodec.Encode(new RelayFields((ulong)Type, Peer, null, Limit, Status), RelayMessageCodec.Stop, 96);

    /// <summary>Decodes a message (without the length prefix). Unknown fields are skipped.</summary>
    /// <exception cref="RelayFormatException">Malformed, too large, or an invalid peer id.</exception>
    public static StopMessage Decode(ReadOnlySpan<byte> encoded)
    {
        RelayFields f = RelayMessageCodec.Decode(encoded, RelayMessageCodec.Stop, (ulong)StopMessageType.Status, "stop");
        return new StopMessage { Type = (StopMessageType)f.Type, Peer = f.Peer, Limit = f.Limit, Status = f.Status };
    }

    /// <inheritdoc />
    public override string ToString() => "stop " + Type + (Status is null ? string.Empty : " " + Status) + (Peer is null ? string.Empty : " " + Peer.Id);
}
