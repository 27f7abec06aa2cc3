// libp2p/specs autonat/autonat-v2.md, "Requirements for DialStatus".
namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>The outcome of the server's dial back.</summary>
public enum AutoNatDialStatus
{
    /// <summary>No dial was made (any status other than OK).</summary>
    Unused = 0,

    /// <summary>The server could not connect to the address: not publicly reachable.</summary>
    DialError = 100,

    /// <summary>The server connected but could not deliver the nonce on the dial-back stream.</summary>
    DialBackError = 101,

    /// <summary>The server connected and delivered the nonce.</summary>
    Ok = 200,
}
