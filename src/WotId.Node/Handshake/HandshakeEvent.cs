using WotId.Libp2p.Peer;

namespace WotId.Node.Handshake;

/// <summary>The end of one handshake: the verified peer, or the failure (both with the remote peer id).</summary>
public sealed class HandshakeEvent
{
    internal HandshakeEvent(PeerId remotePeer, bool isInitiator, HandshakeOutcome? outcome, HandshakeException? failure)
    {
        RemotePeer = remotePeer;
        IsInitiator = isInitiator;
        Outcome = outcome;
        Failure = failure;
    }

    /// <summary>The peer.</summary>
    public PeerId RemotePeer { get; }

    /// <summary>True when this node dialled the connection.</summary>
    public bool IsInitiator { get; }

    /// <summary>The verified peer; null on failure.</summary>
    public HandshakeOutcome? Outcome { get; }

    /// <summary>Why the handshake failed; null on success.</summary>
    public HandshakeException? Failure { get; }

    /// <summary>True for a verified peer.</summary>
    public bool Succeeded => Outcome is not null;

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"HandshakeEvent({RemotePeer}: verified)"
        : $"HandshakeEvent({RemotePeer}: {HandshakeReasons.ToToken(Failure!.Reason)})";
}
