using System;

namespace WotId.Identity.Dids;

/// <summary>A DID document service entry (DID Core 1.0 §5.4) with a single URI endpoint.</summary>
public sealed class DidService
{
    /// <summary>Service type for the holder's libp2p peer id; endpoint <c>p2p:&lt;peer id&gt;</c>.</summary>
    public const string Libp2pPeerType = "WotIdLibp2pPeer";

    /// <summary>Service type for the holder's offline mailbox; endpoint <c>wotid-mailbox:&lt;mailbox id&gt;</c>.</summary>
    public const string MailboxType = "WotIdMailbox";

    /// <summary>Creates the service.</summary>
    public DidService(string id, string type, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(endpoint);
        Id = id;
        Type = type;
        Endpoint = endpoint;
    }

    /// <summary>The absolute id (<c>did…#fragment</c>).</summary>
    public string Id { get; }

    /// <summary>The service type.</summary>
    public string Type { get; }

    /// <summary>The <c>serviceEndpoint</c> URI.</summary>
    public string Endpoint { get; }
}
