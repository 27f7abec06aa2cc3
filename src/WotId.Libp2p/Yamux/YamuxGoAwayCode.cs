// Yamux GoAway reason codes: hashicorp/yamux spec.md, "GoAway".
namespace WotId.Libp2p.Yamux;

/// <summary>Reason carried in the length field of a GoAway frame.</summary>
internal enum YamuxGoAwayCode : uint
{
    /// <summary>Normal termination.</summary>
    Normal = 0,

    /// <summary>The peer violated the protocol.</summary>
    ProtocolError = 1,

    /// <summary>The sender hit an internal error.</summary>
    InternalError = 2,
}
