// Why an AutoNAT v2 message was rejected (libp2p/specs autonat/autonat-v2.md, "RPC Messages").
namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>The kind of malformed AutoNAT message.</summary>
public enum AutoNatError
{
    /// <summary>The message (or its length prefix) exceeds the 8 KiB limit, or a field exceeds its own limit.</summary>
    TooLarge,

    /// <summary>The stream ended inside a message, or before the expected one.</summary>
    Truncated,

    /// <summary>The bytes are not a valid protobuf encoding.</summary>
    MalformedProtobuf,

    /// <summary>A required field (the oneof, a nonce, addresses) is absent.</summary>
    MissingField,

    /// <summary>A well-formed message that is not the one expected at this point of the exchange.</summary>
    UnexpectedMessage,
}
