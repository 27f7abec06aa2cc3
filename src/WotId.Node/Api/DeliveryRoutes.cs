// The two delivery routes (docs/node.md "Messaging"); the strings appear in JSON and must stay stable.
namespace WotId.Node.Api;

/// <summary>How a message travelled.</summary>
public static class DeliveryRoutes
{
    /// <summary>Over a verified libp2p connection, acknowledged by the recipient's node.</summary>
    public const string Direct = "direct";

    /// <summary>Deposited in the recipient's mailbox and claimed from it later.</summary>
    public const string Mailbox = "mailbox";
}
