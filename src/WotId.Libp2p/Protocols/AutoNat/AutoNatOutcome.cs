// What one AutoNAT v2 check told the client (libp2p/specs autonat/autonat-v2.md, "Requirements for DialStatus" and
// "Requirements for ResponseStatus", seen from the client).
namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>The result of asking one server about one address.</summary>
public enum AutoNatOutcome
{
    /// <summary>The server dialed the address and delivered our nonce on the new connection.</summary>
    Reachable,

    /// <summary>The server tried and could not connect: the address is not reachable from it.</summary>
    Unreachable,

    /// <summary>The server connected but the dial-back stream failed; says nothing about reachability.</summary>
    DialBackFailed,

    /// <summary>The server would not dial the address (private, unsupported transport, wrong IP family).</summary>
    Refused,

    /// <summary>The server rejected the request (rate or resource limit).</summary>
    Rejected,

    /// <summary>
    /// The exchange failed: an internal error, a malformed or unexpected answer, a dial-data demand over our limit, a
    /// claimed success without our nonce arriving, or a timeout. Says nothing about reachability.
    /// </summary>
    Failed,
}
