// What the node does with the handshake gate's verdicts and the host's connection events (docs/node.md "Messaging",
// "Sessions"): a verified peer is matched to a contact by its DID (a verified stranger keeps its connection, but no
// contact is created and its messages are rejected as unknown_sender); its Signal identity key is observed (a
// different key puts the contact in key_changed and holds its messages); the contact is marked verified; the
// initiator starts the Signal session from the responder's bundle unless one exists; and queued messages are sent.
// When this node's own verifier refuses a known contact's credential itself (HandshakeException.CredentialRefused:
// revoked, expired, not yet valid, untrusted issuer, not a VerifiedHuman credential), the refusal is recorded on the
// contact and its mailbox messages are refused until a handshake verifies it again (docs/node.md "Refused contacts");
// a failure the peer reported, one about the presentation or the message, or a transient one records nothing.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Node.Api;
using WotId.Node.Handshake;
using WotId.Node.Invitations;
using WotId.Node.Messaging;
using WotId.Node.Storage;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>The connection manager tag under which verified contacts are protected from trimming.</summary>
    internal const string ContactProtectionTag = "contact";

    private async Task PumpHandshakeEventsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (HandshakeEvent e in _gate.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await OnHandshakeAsync(e, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.LoopFailed(_logger, "handshake", ex);
                }
                finally
                {
                    // A sender waiting for the fresh bundle of this handshake re-checks (AwaitFreshBundleAsync).
                    _links.Changes.Pulse();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task PumpHostEventsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (HostEvent e in _host.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (e.Kind is HostEventKind.GateOpened or HostEventKind.ConnectionClosed)
                {
                    _links.Changes.Pulse();
                }

                if (e.Kind == HostEventKind.ConnectionClosed && !_host.TryGetConnection(e.Connection.RemotePeer, out _))
                {
                    _host.ConnectionManager.Unprotect(e.Connection.RemotePeer, ContactProtectionTag);
                }

                if (e.Kind == HostEventKind.ConnectionClosed && e.Connection.IsGateOpen)
                {
                    string peer = e.Connection.RemotePeer.ToString();
                    _events.Publish(NodeEventKinds.Disconnected, contact: _profile.Contacts.GetByPeerId(peer)?.Name, peerId: peer, reason: e.Reason);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task OnHandshakeAsync(HandshakeEvent e, CancellationToken cancellationToken)
    {
        string peer = e.RemotePeer.ToString();
        if (e.Outcome is not { } outcome)
        {
            HandshakeException failure = e.Failure!;
            string token = HandshakeReasons.ToToken(failure.Reason);
            Contact? known = _profile.Contacts.GetByPeerId(peer);
            if (known is not null && !failure.ReportedByPeer && failure.CredentialRefused)
            {
                // This node's own check of a contact's credential failed: its mailbox messages are refused from now on.
                _profile.Contacts.MarkRefused(known.Id, token, _time.GetUtcNow());
                Log.ContactRefused(_logger, known.Name, token);
            }

            _events.Publish(NodeEventKinds.HandshakeFailed, contact: known?.Name, peerId: peer, reason: token);
            return;
        }

        string fingerprint = DidFingerprint.Short(outcome.RemoteDid);
        Contact? contact = _profile.Contacts.GetByDid(outcome.RemoteDid);
        if (contact is null)
        {
            Log.VerifiedStranger(_logger, e.RemotePeer, fingerprint);
            _events.Publish(NodeEventKinds.HandshakeVerified, peerId: peer, fingerprint: fingerprint);
            return;
        }

        Log.VerifiedContact(_logger, e.RemotePeer, contact.Name);
        // A contact's connection is never trimmed by the connection manager (strangers' and unverified ones are first).
        _host.ConnectionManager.Protect(e.RemotePeer, ContactProtectionTag);
        if (outcome.RemoteBundle is { } fresh)
        {
            // The newest bundle of the contact: it starts a session after a key change is accepted.
            _profile.Contacts.SetPreKeyBundle(contact.Id, fresh.Serialize());
        }

        ContactVerification state = _profile.Contacts.ObserveIdentityKey(contact.Id, outcome.RemoteIdentityKey.Serialize());
        if (state == ContactVerification.KeyChangedHeld)
        {
            Log.KeyChanged(_logger, contact.Name);
            _events.Publish(NodeEventKinds.HandshakeVerified, contact: contact.Name, peerId: peer, fingerprint: fingerprint);
            _events.Publish(NodeEventKinds.KeyChanged, contact: contact.Name, peerId: peer, fingerprint: fingerprint);
            return;
        }

        if (state == ContactVerification.Unverified)
        {
            _profile.Contacts.SetVerification(contact.Id, ContactVerification.Verified);
        }

        _profile.Contacts.MarkVerified(contact.Id, _time.GetUtcNow(), clearsRefusal: contact.RefusedReason is not null);
        if (outcome.RemoteBundle is { } bundle)
        {
            await _crypto.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_sealer.HasSession(contact))
                {
                    await _sealer.EnsureSessionAsync(contact, bundle, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (MessagingException ex)
            {
                Log.SessionFailed(_logger, contact.Name, ex);
            }
            finally
            {
                _crypto.Release();
            }
        }

        _events.Publish(NodeEventKinds.HandshakeVerified, contact: contact.Name, peerId: peer, fingerprint: fingerprint);
        _outboxWake.Set();
    }
}
