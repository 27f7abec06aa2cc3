// Failure codes of the Kademlia DHT (libp2p/specs kad-dht/README.md): wire format, limits, validation and lookups.
namespace WotId.Libp2p.Kademlia;

/// <summary>Why a DHT message, record or operation failed.</summary>
public enum KadError
{
    /// <summary>The protobuf of a message was truncated or malformed.</summary>
    MalformedMessage,

    /// <summary>A message, record, key or list exceeded the limits of <see cref="KadProtocol"/>.</summary>
    TooLarge,

    /// <summary>A field holds a value outside its enum (message type) or a peer id that does not decode.</summary>
    InvalidField,

    /// <summary>No validator is registered for the record key's namespace.</summary>
    NoValidator,

    /// <summary>The namespace's validator rejected the record (bad signature, stale, expired, wrong key).</summary>
    InvalidRecord,

    /// <summary>The peer answered with a message of another type, or with nothing.</summary>
    UnexpectedResponse,

    /// <summary>The lookup found no value, no provider or not the peer.</summary>
    NotFound,

    /// <summary>The routing table is empty: nothing to start a lookup from (bootstrap first).</summary>
    NoPeers,
}
