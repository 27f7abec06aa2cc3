// Yamux frame types: libp2p/specs yamux/README.md and hashicorp/yamux spec.md, "Type field".
namespace WotId.Libp2p.Yamux;

/// <summary>The type byte of a Yamux frame header.</summary>
internal enum YamuxFrameType : byte
{
    /// <summary>Data for a stream; the length field counts the payload that follows.</summary>
    Data = 0,

    /// <summary>Adds the length field to the receiver's send window of a stream (and carries flags).</summary>
    WindowUpdate = 1,

    /// <summary>Session keep-alive and RTT probe; the length field is an opaque value.</summary>
    Ping = 2,

    /// <summary>Session termination; the length field is the reason code.</summary>
    GoAway = 3,
}
