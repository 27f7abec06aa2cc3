// libp2p/specs autonat/autonat-v2.md, "RPC Messages": the oneof of Message on /libp2p/autonat/2/dial-request.
namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>Which member of the <c>Message</c> oneof is set (its field number).</summary>
public enum AutoNatMessageKind
{
    /// <summary>Client → server: addresses to test and a nonce.</summary>
    DialRequest = 1,

    /// <summary>Server → client: the outcome.</summary>
    DialResponse = 2,

    /// <summary>Server → client: send this many bytes before I dial (amplification defence).</summary>
    DialDataRequest = 3,

    /// <summary>Client → server: a chunk of at most 4096 bytes of dial data.</summary>
    DialDataResponse = 4,
}
