// Error codes of the Circuit Relay v2 codec and protocol (libp2p/specs relay/circuit-v2.md, "Protobuf").
namespace WotId.Libp2p.Protocols.Relay;

/// <summary>Why a relay message or exchange was rejected.</summary>
public enum RelayError
{
    /// <summary>Protobuf wire data was truncated or malformed (or a field had the wrong wire type).</summary>
    MalformedProtobuf,

    /// <summary>A message exceeded 4096 bytes (go <c>maxMessageSize</c>).</summary>
    TooLarge,

    /// <summary>A required field is missing (for example the peer of a CONNECT).</summary>
    MissingField,

    /// <summary>A peer id or multiaddr inside the message does not decode.</summary>
    BadPeer,

    /// <summary>The voucher envelope or its payload is malformed, unsigned, or names other peers.</summary>
    BadVoucher,

    /// <summary>The stream ended before an answer arrived.</summary>
    Truncated,

    /// <summary>The other side answered with a message of the wrong type.</summary>
    UnexpectedMessage,
}
