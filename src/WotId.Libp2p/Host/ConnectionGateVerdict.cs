// What a connection gate decided (see IConnectionGate).
namespace WotId.Libp2p.Host;

/// <summary>The kind of a <see cref="ConnectionGateDecision"/>.</summary>
public enum ConnectionGateVerdict
{
    /// <summary>Serve every registered protocol on the connection.</summary>
    Open,

    /// <summary>Keep serving only identify, ping and the pre-verification protocols until the gate is opened or the connection closed.</summary>
    Hold,

    /// <summary>Close the connection with the decision's reason.</summary>
    Reject,
}
