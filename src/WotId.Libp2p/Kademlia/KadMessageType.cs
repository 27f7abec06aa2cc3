// libp2p/specs kad-dht/README.md "RPC messages": Message.MessageType.
namespace WotId.Libp2p.Kademlia;

/// <summary>The type of a DHT message (wire values of the spec; PUT_VALUE = 0 is omitted on the wire).</summary>
internal enum KadMessageType
{
    PutValue = 0,
    GetValue = 1,
    AddProvider = 2,
    GetProviders = 3,
    FindNode = 4,
    Ping = 5,
}
