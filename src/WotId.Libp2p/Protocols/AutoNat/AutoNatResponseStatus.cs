// libp2p/specs autonat/autonat-v2.md, "RPC Messages": DialResponse.ResponseStatus.
namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>Whether the server served the request.</summary>
public enum AutoNatResponseStatus
{
    /// <summary>An error not covered by the other codes.</summary>
    InternalError = 0,

    /// <summary>Rate limit, resource limit or block list: the request was not served.</summary>
    RequestRejected = 100,

    /// <summary>The server would or could not dial any of the addresses.</summary>
    DialRefused = 101,

    /// <summary>The server dialed (successfully or not) the address at the response's index.</summary>
    Ok = 200,
}
