// The answer of IConnectionGate.OnIdentifiedAsync.
using System;

namespace WotId.Libp2p.Host;

/// <summary>A gate's decision for one connection: open, hold, or reject with a reason.</summary>
public readonly record struct ConnectionGateDecision
{
    private ConnectionGateDecision(ConnectionGateVerdict verdict, string? reason)
    {
        Verdict = verdict;
        Reason = reason;
    }

    /// <summary>Serve every protocol.</summary>
    public static ConnectionGateDecision Open => new(ConnectionGateVerdict.Open, null);

    /// <summary>Keep the gate shut for now.</summary>
    public static ConnectionGateDecision Hold => new(ConnectionGateVerdict.Hold, null);

    /// <summary>What to do.</summary>
    public ConnectionGateVerdict Verdict { get; }

    /// <summary>Why the connection is rejected (for <see cref="ConnectionGateVerdict.Reject"/>).</summary>
    public string? Reason { get; }

    /// <summary>Close the connection; <paramref name="reason"/> appears in the closed event and the log (no secrets in it).</summary>
    public static ConnectionGateDecision Reject(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new(ConnectionGateVerdict.Reject, reason);
    }
}
