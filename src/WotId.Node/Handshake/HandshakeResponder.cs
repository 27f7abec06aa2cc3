// Responder side of /wotid/handshake/1.0.0 (docs/node.md "Handshake"), sans I/O: (message 1) ReceiveRequestAsync →
// (message 3) ReceiveShareAsync; any other order throws InvalidOperationException.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Credentials;
using WotId.Libp2p.Peer;

namespace WotId.Node.Handshake;

/// <summary>The listening side: presents first (with its prekey bundle), then verifies the initiator.</summary>
internal sealed class HandshakeResponder
{
    private readonly HandshakeServices _s;
    private readonly string _localPeer;
    private readonly PeerId _remotePeer;
    private readonly byte[] _channelBinding;
    private readonly Task<string>? _presentation;
    private Phase _phase;
    private string? _remoteDid;

    /// <summary>A new handshake; <paramref name="presentation"/> is our presentation for this connection when it is
    /// being made already (<see cref="HandshakeChecks.PresentAhead"/>), null to make it once message 1 has been verified.</summary>
    public HandshakeResponder(HandshakeServices services, string localPeer, PeerId remotePeer, ReadOnlySpan<byte> channelBinding, Task<string>? presentation = null)
    {
        _s = services;
        _localPeer = localPeer;
        _remotePeer = remotePeer;
        _channelBinding = channelBinding.ToArray();
        _presentation = presentation;
    }

    private enum Phase
    {
        AwaitingRequest,
        AwaitingShare,
        Finished,
    }

    /// <summary>Message 1 in: the request; message 2 out: our presentation and prekey bundle.</summary>
    public async ValueTask<HandshakeStep> ReceiveRequestAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        Advance(Phase.AwaitingRequest, Phase.AwaitingShare);
        try
        {
            (string sender, HandshakeMessage message) = await HandshakeChecks.OpenAsync(_s, frame, null, cancellationToken).ConfigureAwait(false);
            _remoteDid = sender;
            if (message.Kind != HandshakeMessageKind.Request)
            {
                throw HandshakeChecks.Malformed("expected the initiator's vc.request");
            }

            if (message.Audience != "p2p:" + _remotePeer)
            {
                throw new HandshakeException(HandshakeFailureReason.BindingMismatch, false, "the request's audience is not the connection's remote peer");
            }

            string presentation = _presentation is { } ahead
                ? await ahead.ConfigureAwait(false)
                : HandshakeChecks.Present(_s, _localPeer, _remotePeer.ToString(), _channelBinding);
            byte[] bundle = _s.Identity.PreKeyBundle().Serialize();
            return HandshakeStep.Continue(2, HandshakeChecks.Encode(_s, HandshakeMessage.Share(presentation, _s.Identity.SignalIdentityKey, bundle), sender));
        }
        catch (HandshakeException ex)
        {
            _phase = Phase.Finished;
            return HandshakeStep.Fail(ex, HandshakeChecks.ErrorFrame(_s, ex, _remoteDid));
        }
    }

    /// <summary>Message 3 in: the initiator's presentation; message 4 out: the confirmation (or the error).</summary>
    public async ValueTask<HandshakeStep> ReceiveShareAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        Advance(Phase.AwaitingShare, Phase.Finished);
        try
        {
            (string sender, HandshakeMessage message) = await HandshakeChecks.OpenAsync(_s, frame, _s.Identity.Did, cancellationToken).ConfigureAwait(false);
            if (sender != _remoteDid)
            {
                throw new HandshakeException(HandshakeFailureReason.SubjectMismatch, false, "the initiator changed its DID during the handshake");
            }

            if (message.Kind == HandshakeMessageKind.Error)
            {
                throw new HandshakeException(message.ErrorReason, true, "the initiator rejected our presentation");
            }

            if (message.Kind != HandshakeMessageKind.Share || message.PreKeyBundle is not null)
            {
                throw HandshakeChecks.Malformed("expected the initiator's presentation");
            }

            Credential credential = await HandshakeChecks.VerifyShareAsync(_s, sender, message, _localPeer, _remotePeer.ToString(), _channelBinding, cancellationToken).ConfigureAwait(false);
            var outcome = new HandshakeOutcome(sender, _remotePeer, message.IdentityKey!, null, credential.Issuer, credential.Id, credential.ValidUntil, isInitiator: false);
            return HandshakeStep.Done(outcome, 4, HandshakeChecks.Encode(_s, HandshakeMessage.Confirm(), sender));
        }
        catch (HandshakeException ex)
        {
            return HandshakeStep.Fail(ex, HandshakeChecks.ErrorFrame(_s, ex, _remoteDid));
        }
    }

    /// <summary>The failure to report when the peer went silent or the stream broke.</summary>
    public HandshakeStep Abandon(HandshakeException failure)
    {
        _phase = Phase.Finished;
        return HandshakeStep.Fail(failure, HandshakeChecks.ErrorFrame(_s, failure, _remoteDid));
    }

    private void Advance(Phase from, Phase to)
    {
        if (_phase != from)
        {
            throw new InvalidOperationException($"handshake responder is {_phase}, not {from}");
        }

        _phase = to;
    }
}
