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
    private readonly string? _expectedDid;
    private readonly Task<byte[]>? _shareAhead;
    private Task<byte[]>? _confirmAhead;
    private Phase _phase;
    private string? _remoteDid;

    /// <summary>A new handshake; <paramref name="presentation"/> is our presentation for this connection when it is
    /// being made already (<see cref="HandshakeChecks.PresentAhead"/>), null to make it once message 1 has been verified.
    /// <paramref name="expectedDid"/>: the DID the initiator is expected to have (a contact's peer id dialled us), so that
    /// message 2 (presentation and prekey bundle) is signed for it while message 1 is awaited (sent only when message 1
    /// comes from that DID; otherwise dropped, its one-time prekeys unused); null: none.</summary>
    public HandshakeResponder(HandshakeServices services, string localPeer, PeerId remotePeer, ReadOnlySpan<byte> channelBinding, Task<string>? presentation = null, string? expectedDid = null)
    {
        _s = services;
        _localPeer = localPeer;
        _remotePeer = remotePeer;
        _channelBinding = channelBinding.ToArray();
        _presentation = presentation;
        if (presentation is not null && expectedDid is not null)
        {
            _expectedDid = expectedDid;
            _shareAhead = HandshakeChecks.EncodeAhead(
                _s,
                async () => HandshakeMessage.Share(await presentation.ConfigureAwait(false), _s.Identity.SignalIdentityKey, _s.Identity.PreKeyBundle().Serialize()),
                expectedDid);
        }
    }

    /// <summary>Work started ahead of its step (messages 2 and 4 signed early); the caller awaits it before it returns.</summary>
    public Task Ahead => HandshakeChecks.SettleAsync(_shareAhead, _confirmAhead);

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

            if (_expectedDid is not null)
            {
                // Message 4 has fixed content: sign it now, while message 2 travels and message 3 is made and verified.
                _confirmAhead = HandshakeChecks.EncodeAhead(_s, static () => Task.FromResult(HandshakeMessage.Confirm()), sender);
            }

            if (await HandshakeChecks.TakeAheadAsync(_shareAhead, _expectedDid, sender).ConfigureAwait(false) is { } signed)
            {
                return HandshakeStep.Continue(2, signed);
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
            Log.Step(_s.Logger, "share: TSP opened", false);
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
            Log.Step(_s.Logger, "share: presentation verified", false);
            var outcome = new HandshakeOutcome(sender, _remotePeer, message.IdentityKey!, null, credential.Issuer, credential.Id, credential.ValidUntil, isInitiator: false);
            byte[] confirm = await HandshakeChecks.TakeAheadAsync(_confirmAhead, _remoteDid, sender).ConfigureAwait(false)
                ?? HandshakeChecks.Encode(_s, HandshakeMessage.Confirm(), sender);
            return HandshakeStep.Done(outcome, 4, confirm);
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
