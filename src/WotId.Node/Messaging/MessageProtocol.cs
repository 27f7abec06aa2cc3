// The direct message protocol (docs/node.md "Messaging", "/wotid/msg/1.0.0").
namespace WotId.Node.Messaging;

/// <summary>Identifiers and limits of the direct message protocol.</summary>
public static class MessageProtocol
{
    /// <summary>The libp2p protocol id.</summary>
    public const string ProtocolId = "/wotid/msg/1.0.0";

    /// <summary>Largest frame body (the n of <c>uvarint(n) ‖ n bytes</c>): 1 MiB + 64.</summary>
    public const int MaxFrameBytes = (1024 * 1024) + 64;

    /// <summary>Frames a sender may have sent and not yet seen acknowledged, per stream.</summary>
    public const int MaxInFlight = 64;
}
