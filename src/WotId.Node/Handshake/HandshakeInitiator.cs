// Initiator side of /wotid/handshake/1.0.0 (docs/node.md "Handshake"), sans I/O. A state machine that only moves
// forward: Start → (message 2) ReceiveShareAsync → (message 4) ReceiveConfirmAsync; any other order throws
// InvalidOperationException. Every failure is a step with the reason and the error frame to send (if any).
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Credentials;
using WotId.Libp2p.Peer;
using WotId.Signal;
using WotId.Signal.Keys;

namespace WotId.Node.Handshake;

/// <summary>The dialling side: asks for the responder's presentation, verifies it, presents its own.</summary>
internal sealed class HandshakeInitiator
{
    private readonly HandshakeServices _s;
    private readonly string _localPeer;
    private readonly PeerId _remotePeer;
    private readonly byte[] _channelBinding;
    private readonly Func<Task<string>>? _presentAhead;
    private readonly string? _expectedDid;
    private Task<string>? _presentation;
    private Task<byte[]>? _shareAhead;
    private Phase _phase;
    private string? _remoteDid;
    private EcPublicKey? _remoteKey;
    private PreKeyBundle? _remoteBundle;
    private Credential? _remoteCredential;

    /// <summary>A new handshake; <paramref name="presentAhead"/> starts making our presentation for this connection
    /// (<see cref="HandshakeChecks.PresentAhead"/>) once message 1 is signed, null to make it once message 2 has been
    /// verified. <paramref name="expectedDid"/>: the DID the responder is expected to have (the contact dialled), so that
    /// message 3 is signed for it while message 2 is awaited (used only when message 2 comes from that DID); null: none.</summary>
    public HandshakeInitiator(HandshakeServices services, string localPeer, PeerId remotePeer, ReadOnlySpan<byte> channelBinding, Func<Task<string>>? presentAhead = null, string? expectedDid = null)
    {
        _s = services;
        _localPeer = localPeer;
        _remotePeer = remotePeer;
        _channelBinding = channelBinding.ToArray();
        _presentAhead = presentAhead;
        _expectedDid = presentAhead is null ? null : expectedDid;
    }

    /// <summary>Work started ahead of its step (the presentation, message 3 signed for the expected DID); the caller awaits it before it returns.</summary>
    public Task Ahead => HandshakeChecks.SettleAsync(_presentation, _shareAhead);

    private enum Phase
    {
        New,
        AwaitingShare,
        AwaitingConfirm,
        Finished,
    }

    /// <summary>Message 1: the vc.request naming us as the audience of the responder's presentation.</summary>
    public HandshakeStep Start()
    {
        Advance(Phase.New, Phase.AwaitingShare);
        // Message 1 first: it is on the critical path, the presentation is needed only once message 2 has been verified.
        byte[] request = HandshakeChecks.Encode(_s, HandshakeMessage.Request("p2p:" + _localPeer), null);
        if (_presentAhead is not null)
        {
            Task<string> presentation = _presentation = _presentAhead();
            if (_expectedDid is { } expected)
            {
                _shareAhead = HandshakeChecks.EncodeAhead(_s, async () => HandshakeMessage.Share(await presentation.ConfigureAwait(false), _s.Identity.SignalIdentityKey, null), expected);
            }
        }

        return HandshakeStep.Continue(1, request);
    }

    /// <summary>Message 2 in: verify the responder; message 3 out: our presentation.</summary>
    public async ValueTask<HandshakeStep> ReceiveShareAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        Advance(Phase.AwaitingShare, Phase.AwaitingConfirm);
        try
        {
            (string sender, HandshakeMessage message) = await HandshakeChecks.OpenAsync(_s, frame, _s.Identity.Did, cancellationToken).ConfigureAwait(false);
            Log.Step(_s.Logger, "share: TSP opened", true);
            _remoteDid = sender;
            if (message.Kind == HandshakeMessageKind.Error)
            {
                throw new HandshakeException(message.ErrorReason, true, "the responder rejected the handshake");
            }

            if (message.Kind != HandshakeMessageKind.Share || message.PreKeyBundle is null)
            {
                throw HandshakeChecks.Malformed("expected the responder's presentation and prekey bundle");
            }

            _remoteCredential = await HandshakeChecks.VerifyShareAsync(_s, sender, message, _localPeer, _remotePeer.ToString(), _channelBinding, cancellationToken).ConfigureAwait(false);
            Log.Step(_s.Logger, "share: presentation verified", true);
            _remoteKey = message.IdentityKey!;
            _remoteBundle = ParseBundle(message.PreKeyBundle, _remoteKey);
            if (await HandshakeChecks.TakeAheadAsync(_shareAhead, _expectedDid, sender).ConfigureAwait(false) is { } signed)
            {
                return HandshakeStep.Continue(3, signed);
            }

            string presentation = _presentation is { } ahead
                ? await ahead.ConfigureAwait(false)
                : HandshakeChecks.Present(_s, _localPeer, _remotePeer.ToString(), _channelBinding);
            return HandshakeStep.Continue(3, HandshakeChecks.Encode(_s, HandshakeMessage.Share(presentation, _s.Identity.SignalIdentityKey, null), sender));
        }
        catch (HandshakeException ex)
        {
            _phase = Phase.Finished;
            return HandshakeStep.Fail(ex, HandshakeChecks.ErrorFrame(_s, ex, _remoteDid));
        }
    }

    /// <summary>Message 4 in: the responder's verdict on us.</summary>
    public async ValueTask<HandshakeStep> ReceiveConfirmAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        Advance(Phase.AwaitingConfirm, Phase.Finished);
        try
        {
            (string sender, HandshakeMessage message) = await HandshakeChecks.OpenAsync(_s, frame, _s.Identity.Did, cancellationToken).ConfigureAwait(false);
            if (sender != _remoteDid)
            {
                throw new HandshakeException(HandshakeFailureReason.SubjectMismatch, false, "the responder changed its DID during the handshake");
            }

            return message.Kind switch
            {
                HandshakeMessageKind.Error => throw new HandshakeException(message.ErrorReason, true, "the responder rejected our presentation"),
                HandshakeMessageKind.Confirm => HandshakeStep.Done(new HandshakeOutcome(
                    _remoteDid!, _remotePeer, _remoteKey!, _remoteBundle, _remoteCredential!.Issuer, _remoteCredential.Id, _remoteCredential.ValidUntil, isInitiator: true)),
                _ => throw HandshakeChecks.Malformed("expected the responder's confirmation"),
            };
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

    private static PreKeyBundle ParseBundle(byte[] bytes, EcPublicKey presentedKey)
    {
        PreKeyBundle bundle;
        try
        {
            bundle = PreKeyBundle.Deserialize(bytes);
        }
        catch (SignalProtocolException ex)
        {
            throw HandshakeChecks.Malformed("prekey bundle: " + ex.Error, ex);
        }

        return bundle.IdentityKey.Equals(presentedKey)
            ? bundle
            : throw new HandshakeException(HandshakeFailureReason.BindingMismatch, false, "the prekey bundle's identity key is not the presented Signal identity key");
    }

    private void Advance(Phase from, Phase to)
    {
        if (_phase != from)
        {
            throw new InvalidOperationException($"handshake initiator is {_phase}, not {from}");
        }

        _phase = to;
    }
}
