// Reachability of an address or of the node, as AutoNAT decides it (libp2p/specs autonat/autonat-v2.md,
// "Implementation Suggestions": several servers must agree).
namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>Whether others can dial us.</summary>
public enum Reachability
{
    /// <summary>Not enough servers agreed yet.</summary>
    Unknown,

    /// <summary>Enough servers dialed us back.</summary>
    Public,

    /// <summary>Enough servers failed to dial us: behind a NAT or firewall.</summary>
    Private,
}
