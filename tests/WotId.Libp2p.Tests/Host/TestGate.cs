using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;

namespace WotId.Libp2p.Tests.Host;

/// <summary>A connection gate for tests: answers with a fixed decision, or runs a callback.</summary>
internal sealed class TestGate : IConnectionGate
{
    private readonly Func<Libp2pConnection, CancellationToken, ValueTask<ConnectionGateDecision>> _decide;

    public TestGate(ConnectionGateDecision decision, params string[] preVerification)
        : this((_, _) => ValueTask.FromResult(decision), preVerification)
    {
    }

    public TestGate(Func<Libp2pConnection, CancellationToken, ValueTask<ConnectionGateDecision>> decide, params string[] preVerification)
    {
        _decide = decide;
        PreVerificationProtocols = preVerification;
    }

    public IReadOnlyCollection<string> PreVerificationProtocols { get; }

    public int Calls { get; private set; }

    public ValueTask<ConnectionGateDecision> OnIdentifiedAsync(Libp2pConnection connection, CancellationToken cancellationToken)
    {
        Calls++;
        return _decide(connection, cancellationToken);
    }
}
